package dev.triageapi.fhir;

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

    public static final String OBSERVATION_BUNDLE = """
            {"resourceType": "Bundle", "type": "collection",
             "entry": [
               {"fullUrl": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a01",
                "resource": {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "75325-1", "display": "Symptom"}]},
                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "44077006", "display": "Numbness"}]},
                 "component": [
                   {"code": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier", "code": "onset"}]},
                    "valueCodeableConcept": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "sudden"}]}},
                   {"code": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier", "code": "side"}]},
                    "valueCodeableConcept": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "right"}]}}]}},
               {"fullUrl": "urn:uuid:5b0e8a0e-1c57-4c55-9d7a-1b8f3c2f9a02",
                "resource": {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "111551-8", "display": "Symptom absent"}]},
                 "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "25064002", "display": "Headache"}]}}}]}""";
}
