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
    /**
     * The HL7 Symptoms IG's own components and the answers to them this service reads, as the IG's published source
     * has them (input/fsh/SymptomObservation.fsh, Terminology.fsh and its examples): speed of onset (LOINC 99495-4;
     * SNOMED 385315009 sudden onset, 61751001 gradual onset), severity (LOINC 64750-3; SNOMED 24484000 severe,
     * 6736007 moderate) and trend (LOINC 89253-9; SNOMED 231877006 worse, 35105006 increased). Codes the IG does not
     * show with a meaning are left unread, so they stay unknown.
     */
    public static final String LOINC_SPEED_OF_ONSET = "99495-4";
    // Body sites read from Observation.bodySite (SymptomObservationReader): SNOMED CT 89545001 face, 81745001 eye, 53120007
    // upper limb, 85562004 hand, 61685007 lower limb, 56459004 foot, 45048000 neck, 38266002 entire body, 368208006 /
    // 368209003 left / right upper arm, 40983000 upper arm, 16982005 shoulder region, 29836001 hip region, 68367000
    // thigh, 77568009 back of trunk; laterality qualifiers 7771000 left, 24028007 right, 51440002 bilateral. Each
    // is the concept's name in several independent public FHIR and terminology code bases (checked 2026-12-01).
    public static final String LOINC_SEVERITY = "64750-3";
    public static final String LOINC_TREND = "89253-9";

    /** UCUM, the units of FHIR Quantities. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** LOINC "Pregnancy status" (as the International Patient Summary records it), with SNOMED CT pregnant / not pregnant. */
    public static final String LOINC_PREGNANCY_STATUS = "82810-3";
    /** LOINC "Symptom" (HL7 Symptoms IG): a present symptom, with the finding as the value. */
    public static final String LOINC_SYMPTOM = "75325-1";
    /** LOINC for an explicitly absent symptom (HL7 Symptoms IG). */
    public static final String LOINC_SYMPTOM_ABSENT = "111551-8";
    public static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
    public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

    public static final String MEDIA_TYPE = "application/fhir+json";
}
