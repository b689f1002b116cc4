package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.http.FieldError;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.triageapi.fhir.FhirValues.safe;
import static dev.triageapi.http.SafeText.quoteIfCode;

/**
 * A symptom as the FHIR records name it and answer its modifiers, whichever resource it came in: its code (ours or
 * SNOMED CT, or its name in words, which is only ever asked about) and the report of its answers, each modifier
 * the symptom does not take listed as not used.
 */
final class SymptomReports {

    private final Catalog catalog;
    private final FhirValues values;
    private final Map<String, String> symptomBySnomed = new LinkedHashMap<>();
    private final Map<String, String> symptomByName = new LinkedHashMap<>();

    SymptomReports(Catalog catalog, FhirValues values) {
        this.catalog = catalog;
        this.values = values;
        catalog.symptoms().stream().filter(s -> s.snomedCode() != null)
                .forEach(s -> symptomBySnomed.put(s.snomedCode(), s.code()));
        catalog.symptoms().forEach(s -> {
            symptomByName.putIfAbsent(normalised(s.label()), s.code());
            symptomByName.putIfAbsent(normalised(s.code()), s.code());
        });
    }

    /**
     * One symptom and its answers. A modifier this service does not have, or one the symptom does not take, is listed
     * as not used: the rules give it no meaning for that symptom, so leaving it out cannot change the answer.
     */
    SymptomReport report(String code, SymptomStatus status, Map<String, Type> modifiers, List<Type> locationValues,
                                 Double recordAge, String path, List<FieldError> errors, List<UnusedInput> unused) {
        SymptomDefinition definition = catalog.symptom(code).orElse(null);
        if (definition == null) {
            errors.add(new FieldError(safe(path), "unknown symptom code" + quoteIfCode(code) + "; see GET /api/v1/symptoms"));
            return null;
        }
        Map<Modifier, Object> answers = new EnumMap<>(Modifier.class);
        modifiers.forEach((name, value) -> {
            if (Modifier.LOCATIONS.code().equals(name)) {
                return; // repeated answers: read below from every value, not just the first
            }
            Modifier modifier = Modifier.byCode(name).orElse(null);
            if (modifier == null) {
                unused.add(new UnusedInput(safe(path + "." + name), "is not a modifier; see GET /api/v1/modifiers"));
            } else if (!definition.modifiers().contains(modifier.code())) {
                unused.add(new UnusedInput(safe(path + "." + name), "is not an answer this symptom takes; see GET /api/v1/symptoms"));
            } else {
                answers.put(modifier, values.read(modifier, value, path + "." + name, errors));
            }
        });
        if (!locationValues.isEmpty() && !definition.modifiers().contains(Modifier.LOCATIONS.code())) {
            unused.add(new UnusedInput(safe(path + ".locations"), "is not an answer this symptom takes; see GET /api/v1/symptoms"));
        } else if (!locationValues.isEmpty()) {
            answers.put(Modifier.LOCATIONS, locationValues.stream()
                    .map(v -> values.read(Modifier.LOCATIONS, v, path + ".locations", errors)).toList());
        }
        if (recordAge != null) {
            // Hours since onset as the record states them are hours before the record was made.
            answers.merge(Modifier.HOURS_SINCE_ONSET, recordAge, (stated, age) -> (Double) stated + (Double) age);
            // So are hours since the patient was last known well; none given stays unknown.
            answers.computeIfPresent(Modifier.HOURS_SINCE_LAST_KNOWN_WELL, (modifier, stated) -> (Double) stated + recordAge);
        }
        return SymptomReport.of(code, status, answers);
    }

    /**
     * The catalog symptom whose name or code the concept's words are (its text, or a coding's display), ignoring case
     * and punctuation; null when none is. Only a whole-name match counts: words are never guessed at.
     */
    String symptomNamed(CodeableConcept concept) {
        List<String> words = new ArrayList<>();
        if (concept.hasText()) {
            words.add(concept.getText());
        }
        concept.getCoding().stream().filter(Coding::hasDisplay).forEach(c -> words.add(c.getDisplay()));
        for (String text : words) {
            String key = normalised(text);
            String code = symptomByName.get(key);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static String normalised(String text) {
        return text.length() > 200 ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    String symptomCode(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (FhirCodes.SYMPTOM.equals(coding.getSystem()) && catalog.symptom(coding.getCode()).isPresent()) {
                return coding.getCode();
            }
            if (FhirCodes.SNOMED.equals(coding.getSystem()) && symptomBySnomed.containsKey(coding.getCode())) {
                return symptomBySnomed.get(coding.getCode());
            }
        }
        return null;
    }
}
