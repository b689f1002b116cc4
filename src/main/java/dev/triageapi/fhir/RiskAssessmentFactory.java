package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.vocabulary.Urgency;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentPredictionComponent;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentStatus;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a triage answer as a FHIR {@code RiskAssessment}: the first prediction is the urgency (with a qualitative
 * risk that follows it), then one prediction per candidate condition, which carries no likelihood since the service
 * suggests causes to consider and does not estimate them. {@code basis} references the records that were read.
 */
@Singleton
public class RiskAssessmentFactory {

    private final Catalog catalog;

    RiskAssessmentFactory(Catalog catalog) {
        this.catalog = catalog;
    }

    public RiskAssessment build(TriageResponse answer, FhirIntake intake) {
        RiskAssessment risk = new RiskAssessment();
        risk.setStatus(RiskAssessmentStatus.FINAL);
        risk.setOccurrence(new DateTimeType(new Date()));
        risk.setMethod(new CodeableConcept().setText("Muscle weakness triage rules " + answer.rulesVersion()));
        risk.addIdentifier(new Identifier().setSystem(FhirCodes.BASE + "/rules-version").setValue(answer.rulesVersion()));
        risk.setCode(new CodeableConcept().setText("Muscle weakness triage"));
        // A urn:uuid names a resource only inside the Bundle it came in: out of it, such a reference would dangle.
        if (intake.subject() != null && !intake.subject().startsWith("urn:")) {
            risk.getSubject().setReference(intake.subject());
        } else {
            risk.getSubject().setDisplay("Patient of the intake (not identified)");
        }
        intake.basis().stream().filter(reference -> !reference.startsWith("urn:"))
                .forEach(reference -> risk.addBasis(new Reference(reference)));

        String urgencyLabel = catalog.urgencyLevel(answer.urgency()).label();
        RiskAssessmentPredictionComponent urgency = risk.addPrediction();
        urgency.setOutcome(new CodeableConcept(new Coding(FhirCodes.URGENCY, answer.urgency().code(), urgencyLabel))
                .setText("Urgency: " + urgencyLabel));
        urgency.setQualitativeRisk(qualitativeRisk(answer.urgency()));
        urgency.setRationale(answer.reasons().stream().map(RiskAssessmentFactory::sentence).collect(Collectors.joining(" ")));

        for (TriageResponse.CauseGroupView group : answer.causeGroups()) {
            for (TriageResponse.ConditionView condition : group.conditions()) {
                risk.addPrediction()
                        .setOutcome(new CodeableConcept(new Coding(FhirCodes.CAUSE, condition.code(), condition.name()))
                                .setText(condition.name()))
                        .setRationale(rationale(group, condition));
            }
        }
        risk.setMitigation(answer.advice());
        risk.addNote(new Annotation().setText(answer.disclaimer()));
        answer.redFlags().forEach(f -> risk.addNote(new Annotation()
                .setText("Red flag: " + sentence(f.label()) + " Source: " + sentence(f.source()))));
        if (!answer.unused().isEmpty()) {
            risk.addNote(new Annotation().setText("Not used in this triage: " + answer.unused().stream()
                    .map(u -> u.location() + " (" + u.reason() + ")").collect(Collectors.joining("; ")) + "."));
        }
        return risk;
    }

    private String rationale(TriageResponse.CauseGroupView group, TriageResponse.ConditionView condition) {
        return condition.name() + " is a possible " + group.label().toLowerCase(Locale.ROOT)
                + " cause to consider, suggested by " + names(condition.evidence()) + ". It is not a diagnosis"
                + (condition.serious() ? "; it can be serious." : ".");
    }

    /** Catalog names of the evidence codes, joined as a sentence would list them. */
    private String names(List<String> codes) {
        List<String> names = codes.stream().map(code -> catalog.symptom(code).map(SymptomDefinition::label)
                .map(l -> l.toLowerCase(Locale.ROOT)).orElse(code.replace('_', ' '))).toList();
        if (names.isEmpty()) {
            return "the reported pattern";
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    /** HL7 risk-probability for the urgency: the more urgent, the higher the stated risk. */
    static CodeableConcept qualitativeRisk(Urgency urgency) {
        String code = switch (urgency) {
            case SELF_CARE -> "negligible";
            case CONSULTATION -> "low";
            case CONSULTATION_24 -> "moderate";
            case EMERGENCY, EMERGENCY_AMBULANCE -> "high";
        };
        return new CodeableConcept(new Coding(FhirCodes.RISK_PROBABILITY, code, code.substring(0, 1).toUpperCase() + code.substring(1) + " likelihood"));
    }
}
