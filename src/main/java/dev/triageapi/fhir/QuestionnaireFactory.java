package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.ModifierDefinition;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.vocabulary.Consciousness;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

import java.util.Set;

/**
 * Builds the intake form as a FHIR {@code Questionnaire} from the catalog: one yes/no item per symptom (coded with
 * SNOMED CT where confirmed and with the service's own code), its modifiers as nested items shown when the answer is
 * yes, and the risk factors, worded in the catalog's language (its {@code language}). Answers come back as a
 * {@code QuestionnaireResponse} with the same link ids, whatever the language.
 */
public final class QuestionnaireFactory {

    private QuestionnaireFactory() {
    }

    /** The linkIds of the vital signs group, the field names of the JSON contract's {@code vitals}. */
    static final Set<String> VITALS = Set.of("respiratoryRate", "oxygenSaturation", "onSupplementalOxygen",
            "systolicBloodPressure", "heartRate", "temperature", "consciousness", "bloodGlucose");

    public static Questionnaire build(Catalog catalog) {
        Questionnaire q = new Questionnaire();
        q.setId(FhirCodes.QUESTIONNAIRE_ID);
        q.setUrl(FhirCodes.QUESTIONNAIRE_URL);
        q.setName("MuscleWeaknessIntake");
        q.setLanguage(catalog.language().code());
        q.setTitle(catalog.message("questionnaire.title"));
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setDescription(catalog.message("questionnaire.description"));

        q.addItem().setLinkId("age").setText(catalog.message("questionnaire.age")).setType(QuestionnaireItemType.INTEGER);
        QuestionnaireItemComponent sex = q.addItem().setLinkId("sex").setText(catalog.message("questionnaire.sex")).setType(QuestionnaireItemType.CHOICE);
        for (Sex value : Sex.values()) {
            sex.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(catalog, value.code())));
        }
        QuestionnaireItemComponent pregnancy = q.addItem().setLinkId("pregnancy")
                .setText(catalog.message("questionnaire.pregnancy")).setType(QuestionnaireItemType.CHOICE);
        for (Pregnancy value : Pregnancy.values()) {
            pregnancy.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(catalog, value.code())));
        }
        q.addItem().setLinkId("underTreatment").setText(catalog.message("questionnaire.underTreatment"))
                .setType(QuestionnaireItemType.BOOLEAN);

        QuestionnaireItemComponent symptoms = q.addItem().setLinkId("symptoms").setText(catalog.message("questionnaire.symptomList"))
                .setType(QuestionnaireItemType.GROUP).setRequired(true);
        for (SymptomDefinition symptom : catalog.symptoms()) {
            QuestionnaireItemComponent item = symptoms.addItem().setLinkId(symptom.code()).setText(symptom.question())
                    .setType(QuestionnaireItemType.BOOLEAN);
            if (symptom.snomedCode() != null) {
                item.addCode(new Coding(FhirCodes.SNOMED, symptom.snomedCode(), symptom.label()));
            }
            item.addCode(new Coding(FhirCodes.SYMPTOM, symptom.code(), symptom.label()));
            for (String modifier : symptom.modifiers()) {
                QuestionnaireItemComponent child = modifierItem(symptom.code(),
                        catalog.modifier(Modifier.byCode(modifier).orElseThrow()));
                child.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(symptom.code())
                        .setOperator(Questionnaire.QuestionnaireItemOperator.EQUAL).setAnswer(new BooleanType(true)));
                item.addItem(child);
            }
        }

        QuestionnaireItemComponent risks = q.addItem().setLinkId("riskFactors")
                .setText(catalog.message("questionnaire.riskFactorList"))
                .setType(QuestionnaireItemType.GROUP);
        for (RiskFactorDefinition risk : catalog.riskFactors()) {
            risks.addItem().setLinkId(risk.code()).setText(risk.label()).setType(QuestionnaireItemType.BOOLEAN)
                    .addCode(new Coding(FhirCodes.RISK_FACTOR, risk.code(), risk.label()));
        }

        QuestionnaireItemComponent vitals = q.addItem().setLinkId("vitals")
                .setText(catalog.message("questionnaire.vitals")).setType(QuestionnaireItemType.GROUP);
        vitals.addItem().setLinkId("respiratoryRate").setText(catalog.message("questionnaire.respiratoryRate")).setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "9279-1", "Respiratory rate"));
        vitals.addItem().setLinkId("oxygenSaturation").setText(catalog.message("questionnaire.oxygenSaturation")).setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
        vitals.addItem().setLinkId("onSupplementalOxygen").setText(catalog.message("questionnaire.onSupplementalOxygen")).setType(QuestionnaireItemType.BOOLEAN);
        vitals.addItem().setLinkId("systolicBloodPressure").setText(catalog.message("questionnaire.systolicBloodPressure")).setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "8480-6", "Systolic blood pressure"));
        vitals.addItem().setLinkId("heartRate").setText(catalog.message("questionnaire.heartRate")).setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "8867-4", "Heart rate"));
        vitals.addItem().setLinkId("temperature").setText(catalog.message("questionnaire.temperature")).setType(QuestionnaireItemType.DECIMAL)
                .addCode(new Coding(FhirCodes.LOINC, "8310-5", "Body temperature"));
        QuestionnaireItemComponent consciousness = vitals.addItem().setLinkId("consciousness")
                .setText(catalog.message("questionnaire.consciousness")).setType(QuestionnaireItemType.CHOICE);
        for (Consciousness value : Consciousness.values()) {
            consciousness.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(catalog, value.code())));
        }
        vitals.addItem().setLinkId("bloodGlucose").setText(catalog.message("questionnaire.bloodGlucose")).setType(QuestionnaireItemType.DECIMAL)
                .addCode(new Coding(FhirCodes.LOINC, "15074-8", "Glucose [Moles/volume] in Blood"));
        return q;
    }

    /** A modifier's item, worded by the catalog and typed by the modifier's kind. */
    private static QuestionnaireItemComponent modifierItem(String symptom, ModifierDefinition modifier) {
        String code = modifier.code().code();
        QuestionnaireItemComponent item = new QuestionnaireItemComponent().setLinkId(symptom + "." + code)
                .setText(modifier.question())
                .addCode(new Coding(FhirCodes.MODIFIER, code, modifier.label()));
        switch (modifier.kind()) {
            case CHOICE, CHOICES -> {
                item.setType(QuestionnaireItemType.CHOICE).setRepeats(modifier.kind() == Modifier.Kind.CHOICES);
                modifier.values().forEach(v -> item.addAnswerOption()
                        .setValue(new Coding(FhirCodes.MODIFIER_VALUE, v.code(), v.label())));
            }
            case DECIMAL -> item.setType(QuestionnaireItemType.DECIMAL);
            case BOOLEAN -> item.setType(QuestionnaireItemType.BOOLEAN);
        }
        return item;
    }

    private static String label(Catalog catalog, String code) {
        return catalog.message("questionnaire.answers." + code);
    }
}
