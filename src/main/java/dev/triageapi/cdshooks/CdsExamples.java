package dev.triageapi.cdshooks;

/** CDS Hooks examples for the OpenAPI document and tests, kept in one place. */
public final class CdsExamples {

    private CdsExamples() {
    }

    public static final String ENCOUNTER_START = """
            {"hook": "encounter-start",
             "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
             "context": {"userId": "Practitioner/123", "patientId": "1288992", "encounterId": "89284"},
             "prefetch": {
               "patient": {"resourceType": "Patient", "id": "1288992", "gender": "female", "birthDate": "1951-04-12"},
               "symptoms": {"resourceType": "Bundle", "type": "searchset", "entry": [
                 {"fullUrl": "https://ehr.example.org/fhir/Observation/4711",
                  "resource": {"resourceType": "Observation", "id": "4711", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "75325-1", "display": "Symptom"}]},
                   "subject": {"reference": "Patient/1288992"},
                   "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "26544005", "display": "Muscle weakness"}]},
                   "component": [{"code": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier", "code": "onset"}]},
                                  "valueCodeableConcept": {"coding": [{"system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "sudden"}]}}]}}]}}}""";

    public static final String QUESTIONNAIRE_INPROGRESS = """
            {"hook": "questionnaire-inprogress",
             "hookInstance": "5a1c3c2e-7f0e-4a47-9c7e-2b9d2f0c8e11",
             "context": {"questionnaireResponse": {"resourceType": "QuestionnaireResponse", "status": "in-progress",
               "questionnaire": "http://triageapi.dev/fhir/Questionnaire/muscle-weakness-intake",
               "item": [{"linkId": "age", "answer": [{"valueInteger": 67}]},
                        {"linkId": "symptoms", "item": [{"linkId": "difficulty_speaking", "answer": [{"valueBoolean": true,
                          "item": [{"linkId": "difficulty_speaking.onset", "answer": [{"valueCoding": {
                            "system": "http://triageapi.dev/fhir/CodeSystem/modifier-value", "code": "sudden"}}]}]}]}]}]}}}""";

    public static final String FEEDBACK = """
            {"feedback": [{"card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
              "overrideReason": {"reason": {"system": "https://ehr.example.org/cds-hooks/override-reason", "code": "already-assessed"},
                                 "userComment": "Seen in the emergency department this morning."},
              "outcomeTimestamp": "2026-12-01T10:05:31Z"}]}""";
}
