package dev.triageapi.catalog;

import dev.triageapi.vocabulary.Modifier;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The checks a catalog passes when it is read: what one file names must exist in another, and nothing twice. */
final class CatalogChecks {

    /** A catalog entry's code and the SNOMED CT code it is given, with its source. */
    record Coded(String code, String snomedCode, String snomedSource) {
    }

    /**
     * A SNOMED CT code names one entry of its kind and says where it is confirmed: a code nobody can check is not
     * given, and one naming two entries would make an EHR's record ambiguous.
     */
    static void snomedCodes(String kind, List<Coded> entries) {
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

    /**
     * The words for every {@link Modifier}, in its order: exactly one entry per modifier, with exactly its values, and
     * no symptom naming a modifier that does not exist.
     */
    static Map<Modifier, ModifierDefinition> modifiers(List<ModifierDefinition> definitions, List<SymptomDefinition> symptoms) {
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

    /** The conditions of every cause group by code; a condition listed twice is refused. */
    static Map<String, ConditionDefinition> conditions(List<CauseGroupDefinition> causeGroups) {
        Map<String, ConditionDefinition> byCode = new LinkedHashMap<>();
        for (CauseGroupDefinition group : causeGroups) {
            for (ConditionDefinition condition : group.conditions()) {
                if (byCode.put(condition.code(), condition) != null) {
                    throw new IllegalStateException("condition listed twice in the catalog: " + condition.code());
                }
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    /** A red flag always leads to an emergency level. */
    static void redFlagsAreEmergencies(List<RedFlagDefinition> redFlags) {
        redFlags.stream().filter(f -> f.urgency() == null || !f.urgency().isEmergency()).findAny().ifPresent(f -> {
            throw new IllegalStateException("red flag " + f.code() + " must lead to an emergency level");
        });
    }

    /** The groups each symptom is in, by symptom code; a group naming an unknown symptom is refused. */
    static Map<String, Set<String>> groupsOfSymptom(List<SymptomGroupDefinition> groups, Map<String, SymptomDefinition> symptoms) {
        Map<String, Set<String>> groupsOf = new HashMap<>();
        for (SymptomGroupDefinition group : groups) {
            group.symptoms().stream().filter(code -> !symptoms.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("symptom group " + group.code() + " names an unknown symptom " + code);
            });
            group.symptoms().forEach(code -> groupsOf.computeIfAbsent(code, c -> new TreeSet<>()).add(group.code()));
        }
        groupsOf.replaceAll((code, in) -> Set.copyOf(in));
        return Map.copyOf(groupsOf);
    }

    /** A self-care screen names known symptoms, and known risk factors that have a question to ask. */
    static void screensName(List<SelfCarePathwayDefinition> pathways, Map<String, SymptomDefinition> symptoms,
                            Map<String, RiskFactorDefinition> riskFactors) {
        for (SelfCarePathwayDefinition pathway : pathways) {
            pathway.screen().symptomsAbsent().stream().filter(code -> !symptoms.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("self-care pathway " + pathway.code() + " screens an unknown symptom " + code);
            });
            pathway.screen().riskFactorsAbsent().stream().filter(code -> !riskFactors.containsKey(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException("self-care pathway " + pathway.code() + " screens an unknown risk factor " + code);
            });
            pathway.screen().riskFactorsAbsent().stream().filter(code -> riskFactors.get(code).question() == null).findAny()
                    .ifPresent(code -> {
                        throw new IllegalStateException("risk factor " + code + " is screened by " + pathway.code() + " but has no question");
                    });
        }
    }

    /** Entries by code, in the file's order; a code listed twice is refused. */
    static <K, T> Map<K, T> index(List<T> items, Function<T, K> key, String what) {
        Map<K, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalStateException(what + " listed twice in the catalog: " + key.apply(item));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private CatalogChecks() {
    }
}
