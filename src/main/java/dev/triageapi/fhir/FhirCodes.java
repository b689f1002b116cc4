package dev.triageapi.fhir;

/** Code systems and fixed codes this service reads and writes in FHIR resources. */
public final class FhirCodes {

    private FhirCodes() {
    }

    public static final String BASE = "http://triageapi.dev/fhir";
    /** The service's own symptom codes (those of {@code GET /api/v1/symptoms}). */
    public static final String SYMPTOM = BASE + "/CodeSystem/symptom";
    public static final String RISK_FACTOR = BASE + "/CodeSystem/risk-factor";
    public static final String MODIFIER = BASE + "/CodeSystem/modifier";
    public static final String MODIFIER_VALUE = BASE + "/CodeSystem/modifier-value";
    public static final String URGENCY = BASE + "/CodeSystem/urgency";
    public static final String CAUSE = BASE + "/CodeSystem/cause";
    public static final String QUESTIONNAIRE_URL = BASE + "/Questionnaire/muscle-weakness-intake";
    public static final String QUESTIONNAIRE_ID = "muscle-weakness-intake";

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    /** UCUM, the units of FHIR Quantities. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** LOINC "Symptom" (HL7 Symptoms IG): a present symptom, with the finding as the value. */
    public static final String LOINC_SYMPTOM = "75325-1";
    /** LOINC for an explicitly absent symptom (HL7 Symptoms IG). */
    public static final String LOINC_SYMPTOM_ABSENT = "111551-8";
    public static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
    public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

    public static final String MEDIA_TYPE = "application/fhir+json";
}
