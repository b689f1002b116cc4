package dev.triageapi.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Urgency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The vocabulary of the service, read once from {@code catalog/*.json}: symptoms, risk factors, cause groups with their
 * conditions, red flags and urgency levels. Lookups are by code in hash maps; iteration keeps the files' order.
 */
public final class Catalog {

    private final Map<String, SymptomDefinition> symptoms;
    private final Map<String, RiskFactorDefinition> riskFactors;
    private final Map<String, CauseGroupDefinition> causeGroups;
    private final Map<String, ConditionDefinition> conditions;
    private final Map<String, RedFlagDefinition> redFlags;
    private final Map<Urgency, UrgencyLevelDefinition> urgencyLevels;
    private final Map<String, Integer> symptomOrder;
    private final Map<Modifier, ModifierDefinition> modifiers;
    private final Map<String, SymptomGroupDefinition> symptomGroups;
    private final Map<String, ReasonDefinition> reasons;
    /** The groups each symptom is in, by symptom code. */
    private final Map<String, Set<String>> groupsOfSymptom;
    private final Map<String, SelfCarePathwayDefinition> selfCarePathways;
    private final Language language;
    private final Map<String, String> messages;

    Catalog(Language language, Map<String, String> messages, List<SymptomDefinition> symptoms, List<RiskFactorDefinition> riskFactors,
            List<CauseGroupDefinition> causeGroups, List<RedFlagDefinition> redFlags,
            List<UrgencyLevelDefinition> urgencyLevels, List<ModifierDefinition> modifiers,
            List<SymptomGroupDefinition> symptomGroups, List<ReasonDefinition> reasons,
            List<SelfCarePathwayDefinition> selfCarePathways) {
        this.language = language;
        this.messages = Map.copyOf(messages);
        this.modifiers = checkedModifiers(modifiers, symptoms);
        this.symptoms = index(symptoms, SymptomDefinition::code, "symptom");
        this.riskFactors = index(riskFactors, RiskFactorDefinition::code, "risk factor");
        this.causeGroups = index(causeGroups, CauseGroupDefinition::code, "cause group");
        this.redFlags = index(redFlags, RedFlagDefinition::code, "red flag");
        Map<String, ConditionDefinition> conditionsByCode = new LinkedHashMap<>();
        for (CauseGroupDefinition group : causeGroups) {
            for (ConditionDefinition condition : group.conditions()) {
                if (conditionsByCode.put(condition.code(), condition) != null) {
                    throw new IllegalStateException("condition listed twice in the catalog: " + condition.code());
                }
            }
        }
        this.conditions = Collections.unmodifiableMap(conditionsByCode);
        this.urgencyLevels = index(urgencyLevels, UrgencyLevelDefinition::code, "urgency level");
        if (this.urgencyLevels.size() != Urgency.values().length) {
            throw new IllegalStateException("the catalog must describe every urgency level");
        }
        redFlags.stream().filter(f -> f.urgency() == null || !f.urgency().isEmergency()).findAny().ifPresent(f -> {
            throw new IllegalStateException("red flag " + f.code() + " must lead to an emergency level");
        });
        checkSnomedCodes("symptom", symptoms.stream().map(s -> new Coded(s.code(), s.snomedCode(), s.snomedSource())).toList());
        checkSnomedCodes("risk factor", riskFactors.stream().map(r -> new Coded(r.code(), r.snomedCode(), r.snomedSource())).toList());
        modifiers.forEach(m -> checkSnomedCodes(m.code().code() + " value", m.values().stream()
                .map(v -> new Coded(v.code(), v.snomedCode(), v.snomedSource())).toList()));
        this.symptomGroups = index(symptomGroups, SymptomGroupDefinition::code, "symptom group");
        this.reasons = index(reasons, ReasonDefinition::code, "reason");
        Map<String, Set<String>> groupsOf = new HashMap<>();
        for (SymptomGroupDefinition group : symptomGroups) {
            group.symptoms().stream().filter(code -> !this.symptoms.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("symptom group " + group.code() + " names an unknown symptom " + code);
            });
            group.symptoms().forEach(code -> groupsOf.computeIfAbsent(code, c -> new TreeSet<>()).add(group.code()));
        }
        groupsOf.replaceAll((code, groups) -> Set.copyOf(groups));
        this.groupsOfSymptom = Map.copyOf(groupsOf);
        this.selfCarePathways = index(selfCarePathways, SelfCarePathwayDefinition::code, "self-care pathway");
        for (SelfCarePathwayDefinition pathway : selfCarePathways) {
            pathway.screen().symptomsAbsent().stream().filter(code -> !this.symptoms.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("self-care pathway " + pathway.code() + " screens an unknown symptom " + code);
            });
            pathway.screen().riskFactorsAbsent().stream().filter(code -> !this.riskFactors.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("self-care pathway " + pathway.code() + " screens an unknown risk factor " + code);
            });
            pathway.screen().riskFactorsAbsent().stream().filter(code -> this.riskFactors.get(code).question() == null).findAny()
                    .ifPresent(code -> {
                        throw new IllegalStateException("risk factor " + code + " is screened by " + pathway.code() + " but has no question");
                    });
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        symptoms.forEach(s -> order.put(s.code(), order.size()));
        this.symptomOrder = Collections.unmodifiableMap(order);
    }

    /** Reads the catalog bundled in the application, in English. */
    public static Catalog load() {
        return load(Language.EN);
    }

    /**
     * Reads the catalog bundled in the application with its texts in {@code language} ({@link Translations}): the same
     * codes and structure in every language, only the words a person reads differ.
     */
    public static Catalog load(Language language) {
        ObjectMapper json = new ObjectMapper();
        Translations words = Translations.of(language);
        return new Catalog(language,
                messages(words.apply(MESSAGES, tree(json, MESSAGES))),
                read(json, words, "symptoms", new TypeReference<>() { }),
                read(json, words, "risk-factors", new TypeReference<>() { }),
                read(json, words, "cause-groups", new TypeReference<>() { }),
                read(json, words, "red-flags", new TypeReference<>() { }),
                read(json, words, "urgency-levels", new TypeReference<>() { }),
                read(json, words, "modifiers", new TypeReference<>() { }),
                read(json, words, "symptom-groups", new TypeReference<>() { }),
                read(json, words, "reasons", new TypeReference<>() { }),
                read(json, words, "self-care", new TypeReference<>() { }));
    }

    /** The names of the catalog's files, as {@link Translations} keys begin. */
    public static final List<String> FILES = List.of("messages", "urgency-levels", "symptoms", "modifiers", "risk-factors",
            "red-flags", "reasons", "self-care", "cause-groups", "symptom-groups");
    private static final String MESSAGES = "messages";

    /** The service's own texts by key, the file's nesting joined by dots ({@code cards.redFlags}). */
    private static Map<String, String> messages(JsonNode tree) {
        Map<String, String> out = new LinkedHashMap<>();
        Translations.english(MESSAGES, tree).forEach((key, text) -> out.put(key.substring(MESSAGES.length() + 1), text));
        return out;
    }

    /** The language of this catalog's texts. */
    public Language language() {
        return language;
    }

    /** A text of the service's own by key ({@code disclaimer}, {@code cards.redFlags}), in this catalog's language. */
    public String message(String key) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message " + key + " in catalog/messages.json");
        }
        return text;
    }

    /** The bundled catalog, read once: the rules' symptom groups are looked up in it. */
    public static Catalog bundled() {
        return Bundled.CATALOG;
    }

    private static final class Bundled {
        static final Catalog CATALOG = load();
    }

    /**
     * The words for every {@link Modifier}, in its order: exactly one entry per modifier, with exactly its values, and
     * no symptom naming a modifier that does not exist.
     */
    /** A catalog entry's code and the SNOMED CT code it is given, with its source. */
    record Coded(String code, String snomedCode, String snomedSource) {
    }

    /**
     * A SNOMED CT code names one entry of its kind and says where it is confirmed: a code nobody can check is not
     * given, and one naming two entries would make an EHR's record ambiguous.
     */
    static void checkSnomedCodes(String kind, List<Coded> entries) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (Coded entry : entries) {
            if (entry.snomedCode() == null) {
                continue;
            }
            if (!entry.snomedCode().matches("[1-9][0-9]{5,17}")) {
                throw new IllegalStateException(kind + " " + entry.code() + " has a SNOMED CT code that is no concept id");
            }
            if (entry.snomedSource() == null || entry.snomedSource().isBlank()) {
                throw new IllegalStateException(kind + " " + entry.code() + " gives a SNOMED CT code without its source");
            }
            String other = byCode.put(entry.snomedCode(), entry.code());
            if (other != null) {
                throw new IllegalStateException("SNOMED CT " + entry.snomedCode() + " names two of " + kind + ": " + other
                        + " and " + entry.code());
            }
        }
    }

    private static Map<Modifier, ModifierDefinition> checkedModifiers(List<ModifierDefinition> definitions,
                                                                      List<SymptomDefinition> symptoms) {
        Map<Modifier, ModifierDefinition> byModifier = new EnumMap<>(Modifier.class);
        for (ModifierDefinition definition : definitions) {
            Modifier modifier = definition.code();
            List<String> values = definition.values().stream().map(ModifierDefinition.Value::code).toList();
            if (modifier == null || definition.kind() != modifier.kind() || !values.equals(modifier.choices())) {
                throw new IllegalStateException("modifiers.json does not match the modifier " + modifier
                        + " (kind " + definition.kind() + ", values " + values + ")");
            }
            if (byModifier.put(modifier, definition) != null) {
                throw new IllegalStateException("modifier listed twice in the catalog: " + modifier.code());
            }
        }
        if (byModifier.size() != Modifier.values().length) {
            throw new IllegalStateException("the catalog must word every modifier; missing: "
                    + EnumSet.complementOf(EnumSet.copyOf(byModifier.keySet())));
        }
        for (SymptomDefinition symptom : symptoms) {
            symptom.modifiers().stream().filter(m -> Modifier.byCode(m).isEmpty()).findAny().ifPresent(m -> {
                throw new IllegalStateException("symptom " + symptom.code() + " names an unknown modifier " + m);
            });
        }
        return Collections.unmodifiableMap(byModifier);
    }

    public List<SymptomDefinition> symptoms() { return List.copyOf(symptoms.values()); }
    public List<RiskFactorDefinition> riskFactors() { return List.copyOf(riskFactors.values()); }
    public List<CauseGroupDefinition> causeGroups() { return List.copyOf(causeGroups.values()); }
    public List<RedFlagDefinition> redFlags() { return List.copyOf(redFlags.values()); }

    /** The self-care pathways, in catalog order. */
    public List<SelfCarePathwayDefinition> selfCarePathways() { return List.copyOf(selfCarePathways.values()); }

    public Optional<SelfCarePathwayDefinition> selfCarePathway(String code) { return Optional.ofNullable(selfCarePathways.get(code)); }

    public Optional<RiskFactorDefinition> riskFactor(String code) { return Optional.ofNullable(riskFactors.get(code)); }
    public List<UrgencyLevelDefinition> urgencyLevels() { return List.copyOf(urgencyLevels.values()); }
    public List<ModifierDefinition> modifiers() { return List.copyOf(modifiers.values()); }
    public ModifierDefinition modifier(Modifier modifier) { return modifiers.get(modifier); }

    public Optional<SymptomDefinition> symptom(String code) { return Optional.ofNullable(symptoms.get(code)); }
    public List<SymptomGroupDefinition> symptomGroups() { return List.copyOf(symptomGroups.values()); }
    public boolean isSymptomGroup(String code) { return symptomGroups.containsKey(code); }
    public Optional<ReasonDefinition> reason(String code) { return Optional.ofNullable(reasons.get(code)); }
    public List<ReasonDefinition> reasons() { return List.copyOf(reasons.values()); }

    /**
     * The question that asks whether a symptom's modifier has this value: the symptom's own words for that modifier,
     * else the value's follow-up question; for {@code status} the symptom's question. Empty when the catalog has none.
     */
    public Optional<String> followUpQuestion(String symptom, String modifier, String value) {
        SymptomDefinition definition = symptoms.get(symptom);
        if (definition == null) {
            return Optional.empty();
        }
        if ("status".equals(modifier)) {
            return Optional.ofNullable(definition.question());
        }
        if (definition.followUps() != null && definition.followUps().containsKey(modifier)) {
            return Optional.of(definition.followUps().get(modifier));
        }
        return Modifier.byCode(modifier).map(modifiers::get).flatMap(m -> m.values().stream()
                .filter(v -> v.code().equals(value)).map(ModifierDefinition.Value::followUp)
                .filter(Objects::nonNull).findFirst()
                .or(() -> Optional.ofNullable(m.followUp()).map(text -> text.replace("{value}", value))));
    }

    /** The symptom groups this symptom is in; none for a code the catalog does not know. */
    public Set<String> groupsOf(String symptom) {
        return groupsOfSymptom.getOrDefault(symptom, Set.of());
    }
    public boolean isRiskFactor(String code) { return riskFactors.containsKey(code); }
    public Optional<RedFlagDefinition> redFlag(String code) { return Optional.ofNullable(redFlags.get(code)); }
    public Optional<ConditionDefinition> condition(String code) { return Optional.ofNullable(conditions.get(code)); }
    public UrgencyLevelDefinition urgencyLevel(Urgency urgency) { return urgencyLevels.get(urgency); }

    /** Position of a symptom in the catalog, for ordering evidence the way an intake form lists it. */
    public int symptomRank(String code) {
        return symptomOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    private static <T> List<T> read(ObjectMapper json, Translations words, String name, TypeReference<List<T>> type) {
        return json.convertValue(words.apply(name, tree(json, name)), type);
    }

    /** A catalog file as read, for its texts to be translated before it is bound. */
    public static JsonNode tree(ObjectMapper json, String name) {
        String resource = "catalog/" + name + ".json";
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static <K, T> Map<K, T> index(List<T> items, Function<T, K> key, String what) {
        Map<K, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalStateException(what + " listed twice in the catalog: " + key.apply(item));
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
