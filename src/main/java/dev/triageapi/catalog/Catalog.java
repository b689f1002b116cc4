package dev.triageapi.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.Urgency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    Catalog(List<SymptomDefinition> symptoms, List<RiskFactorDefinition> riskFactors,
            List<CauseGroupDefinition> causeGroups, List<RedFlagDefinition> redFlags,
            List<UrgencyLevelDefinition> urgencyLevels) {
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
        Map<String, Integer> order = new LinkedHashMap<>();
        symptoms.forEach(s -> order.put(s.code(), order.size()));
        this.symptomOrder = Collections.unmodifiableMap(order);
    }

    /** Reads the catalog bundled in the application. */
    public static Catalog load() {
        ObjectMapper json = new ObjectMapper();
        return new Catalog(
                read(json, "symptoms", new TypeReference<>() { }),
                read(json, "risk-factors", new TypeReference<>() { }),
                read(json, "cause-groups", new TypeReference<>() { }),
                read(json, "red-flags", new TypeReference<>() { }),
                read(json, "urgency-levels", new TypeReference<>() { }));
    }

    public List<SymptomDefinition> symptoms() { return List.copyOf(symptoms.values()); }
    public List<RiskFactorDefinition> riskFactors() { return List.copyOf(riskFactors.values()); }
    public List<CauseGroupDefinition> causeGroups() { return List.copyOf(causeGroups.values()); }
    public List<RedFlagDefinition> redFlags() { return List.copyOf(redFlags.values()); }
    public List<UrgencyLevelDefinition> urgencyLevels() { return List.copyOf(urgencyLevels.values()); }

    public Optional<SymptomDefinition> symptom(String code) { return Optional.ofNullable(symptoms.get(code)); }
    public boolean isRiskFactor(String code) { return riskFactors.containsKey(code); }
    public Optional<RedFlagDefinition> redFlag(String code) { return Optional.ofNullable(redFlags.get(code)); }
    public Optional<ConditionDefinition> condition(String code) { return Optional.ofNullable(conditions.get(code)); }
    public UrgencyLevelDefinition urgencyLevel(Urgency urgency) { return urgencyLevels.get(urgency); }

    /** Position of a symptom in the catalog, for ordering evidence the way an intake form lists it. */
    public int symptomRank(String code) {
        return symptomOrder.getOrDefault(code, Integer.MAX_VALUE);
    }

    private static <T> List<T> read(ObjectMapper json, String name, TypeReference<List<T>> type) {
        String resource = "catalog/" + name + ".json";
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return json.readValue(in, type);
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
