package dev.triageapi.fhir;

import java.time.Instant;

/** FHIR request examples for the OpenAPI document and the README, kept in one place. */
public final class FhirExamples {

    private FhirExamples() {
    }

    public static final String QUESTIONNAIRE_RESPONSE = """
            {"resourceType": "QuestionnaireResponse",
             "questionnaire": "http://triageapi.dev/fhir/Questionnaire/muscle-weakness-intake",
             "status": "completed",
             "item": [
               {"linkId": "age", "answer": [{"valueInteger": 71}]},
               {"linkId": "symptoms", "item": [
                 {"linkId": "muscle_weakness", "answer": [{"valueBoolean": true, "item": [
                   {"linkId": "muscle_weakness.onset", "answer": [{"valueCoding": {"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "sudden"}}]},
                   {"linkId": "muscle_weakness.side", "answer": [{"valueCoding": {"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "left"}}]},
                   {"linkId": "muscle_weakness.locations", "answer": [
                     {"valueCoding": {"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "face"}},
                     {"valueCoding": {"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "arm"}}]}]}]},
                 {"linkId": "fatigue", "answer": [{"valueBoolean": false}]}]},
               {"linkId": "riskFactors", "item": [
                 {"linkId": "diabetes", "answer": [{"valueBoolean": true}]}]}]}""";

    /** When the example's symptoms were recorded; post it with a current time to see today's triage. */
    public static final String OBSERVATION_BUNDLE_RECORDED = "2026-12-01T09:30:00Z";

    /**
     * Symptom Observations as the HL7 Symptoms IG profiles them (category, subject, effective, performer; SNOMED CT
     * findings; the IG's speed-of-onset component), with this service's side component, and the patient.
     */
    public static final String OBSERVATION_BUNDLE = """
            {"resourceType": "Bundle", "type": "collection",
             "entry": [
               {"fullUrl": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a00",
                "resource": {"resourceType": "Patient", "gender": "female", "birthDate": "1948-07-19"}},
               {"fullUrl": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a01",
                "resource": {"resourceType": "Observation", "status": "final",
                 "category": [{"coding": [{"system": "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "code": "symptom"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "75325-1", "display": "Symptom"}]},
                 "subject": {"reference": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a00"},
                 "effectiveDateTime": "2026-12-01T09:30:00Z",
                 "performer": [{"reference": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a00"}],
                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "44077006", "display": "Numbness"}], "text": "Numbness"},
                 "component": [
                   {"code": {"coding": [{"system": "http://loinc.org", "code": "99495-4", "display": "Speed of onset"}]},
                    "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "385315009", "display": "Sudden onset"}]}},
                   {"code": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier", "code": "side"}]},
                    "valueCodeableConcept": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "right"}]}}]}},
               {"fullUrl": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a02",
                "resource": {"resourceType": "Observation", "status": "final",
                 "category": [{"coding": [{"system": "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "code": "symptom"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "111551-8", "display": "Symptom absent"}]},
                 "subject": {"reference": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a00"},
                 "effectiveDateTime": "2026-12-01T09:30:00Z",
                 "performer": [{"reference": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a00"}],
                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "25064002", "display": "Headache"}]}}}]}""";

    /** The Observation example as if recorded at that time (the tests' and warm-up's way to post it as current). */
    public static String observationBundleRecordedAt(Instant when) {
        return OBSERVATION_BUNDLE.replace(OBSERVATION_BUNDLE_RECORDED, when.toString());
    }

}
