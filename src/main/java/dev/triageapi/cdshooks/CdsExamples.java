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
}
