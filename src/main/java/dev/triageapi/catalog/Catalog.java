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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
        this.modifiers = CatalogChecks.modifiers(modifiers, symptoms);
        this.symptoms = CatalogChecks.index(symptoms, SymptomDefinition::code, "symptom");
        this.riskFactors = CatalogChecks.index(riskFactors, RiskFactorDefinition::code, "risk factor");
        this.causeGroups = CatalogChecks.index(causeGroups, CauseGroupDefinition::code, "cause group");
        this.redFlags = CatalogChecks.index(redFlags, RedFlagDefinition::code, "red flag");
        this.conditions = CatalogChecks.conditions(causeGroups);
        this.urgencyLevels = CatalogChecks.index(urgencyLevels, UrgencyLevelDefinition::code, "urgency level");
        if (this.urgencyLevels.size() != Urgency.values().length) {
            throw new IllegalStateException("the catalog must describe every urgency level");
        }
        CatalogChecks.redFlagsAreEmergencies(redFlags);
        CatalogChecks.snomedCodes("symptom", symptoms.stream().map(s -> new CatalogChecks.Coded(s.code(), s.snomedCode(), s.snomedSource())).toList());
        CatalogChecks.snomedCodes("risk factor", riskFactors.stream().map(r -> new CatalogChecks.Coded(r.code(), r.snomedCode(), r.snomedSource())).toList());
        modifiers.forEach(m -> CatalogChecks.snomedCodes(m.code().code() + " value", m.values().stream()
                .map(v -> new CatalogChecks.Coded(v.code(), v.snomedCode(), v.snomedSource())).toList()));
        this.symptomGroups = CatalogChecks.index(symptomGroups, SymptomGroupDefinition::code, "symptom group");
        this.reasons = CatalogChecks.index(reasons, ReasonDefinition::code, "reason");
        this.groupsOfSymptom = CatalogChecks.groupsOfSymptom(symptomGroups, this.symptoms);
        this.selfCarePathways = CatalogChecks.index(selfCarePathways, SelfCarePathwayDefinition::code, "self-care pathway");
        CatalogChecks.screensName(selfCarePathways, this.symptoms, this.riskFactors);
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
}
