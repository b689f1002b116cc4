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

import java.util.Locale;
import java.util.Set;

/**
 * Builds the intake form as a FHIR {@code Questionnaire} from the catalog: one yes/no item per symptom (coded with
 * SNOMED CT where confirmed and with the service's own code), its modifiers as nested items shown when the answer is
 * yes, and the risk factors. Answers come back as a {@code QuestionnaireResponse} with the same link ids.
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
        q.setTitle("Muscle weakness intake");
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setDescription("Intake questions for the muscle weakness triage service. Leave a question unanswered when the "
                + "answer is not known: an unanswered question is treated as unknown, never as no.");

        q.addItem().setLinkId("age").setText("Age in years").setType(QuestionnaireItemType.INTEGER);
        QuestionnaireItemComponent sex = q.addItem().setLinkId("sex").setText("Sex").setType(QuestionnaireItemType.CHOICE);
        for (Sex value : Sex.values()) {
            sex.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(value.code())));
        }
        QuestionnaireItemComponent pregnancy = q.addItem().setLinkId("pregnancy")
                .setText("Pregnant, or gave birth within the last six weeks?").setType(QuestionnaireItemType.CHOICE);
        for (Pregnancy value : Pregnancy.values()) {
            pregnancy.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(value.code())));
        }
        q.addItem().setLinkId("underTreatment").setText("Already being treated for muscle weakness?")
                .setType(QuestionnaireItemType.BOOLEAN);

        QuestionnaireItemComponent symptoms = q.addItem().setLinkId("symptoms").setText("Symptoms")
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
                .setText("Risk factors: answer yes if present, no if asked and denied; leave unanswered if unknown")
                .setType(QuestionnaireItemType.GROUP);
        for (RiskFactorDefinition risk : catalog.riskFactors()) {
            risks.addItem().setLinkId(risk.code()).setText(risk.label()).setType(QuestionnaireItemType.BOOLEAN)
                    .addCode(new Coding(FhirCodes.RISK_FACTOR, risk.code(), risk.label()));
        }

        QuestionnaireItemComponent vitals = q.addItem().setLinkId("vitals")
                .setText("Vital signs measured now (leave unanswered what was not measured)").setType(QuestionnaireItemType.GROUP);
        vitals.addItem().setLinkId("respiratoryRate").setText("Respiratory rate (breaths per minute)").setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "9279-1", "Respiratory rate"));
        vitals.addItem().setLinkId("oxygenSaturation").setText("Oxygen saturation (%)").setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"));
        vitals.addItem().setLinkId("onSupplementalOxygen").setText("Breathing supplemental oxygen?").setType(QuestionnaireItemType.BOOLEAN);
        vitals.addItem().setLinkId("systolicBloodPressure").setText("Systolic blood pressure (mmHg)").setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "8480-6", "Systolic blood pressure"));
        vitals.addItem().setLinkId("heartRate").setText("Heart rate (beats per minute)").setType(QuestionnaireItemType.INTEGER)
                .addCode(new Coding(FhirCodes.LOINC, "8867-4", "Heart rate"));
        vitals.addItem().setLinkId("temperature").setText("Temperature (°C)").setType(QuestionnaireItemType.DECIMAL)
                .addCode(new Coding(FhirCodes.LOINC, "8310-5", "Body temperature"));
        QuestionnaireItemComponent consciousness = vitals.addItem().setLinkId("consciousness")
                .setText("Level of consciousness (ACVPU)").setType(QuestionnaireItemType.CHOICE);
        for (Consciousness value : Consciousness.values()) {
            consciousness.addAnswerOption().setValue(new Coding(FhirCodes.MODIFIER_VALUE, value.code(), label(value.code())));
        }
        vitals.addItem().setLinkId("bloodGlucose").setText("Blood glucose (mmol/L)").setType(QuestionnaireItemType.DECIMAL)
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

    private static String label(String code) {
        String words = code.replace('_', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
