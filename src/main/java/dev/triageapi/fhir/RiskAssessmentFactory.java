package dev.triageapi.fhir;

import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.TriageResponse;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentPredictionComponent;
import org.hl7.fhir.r4.model.RiskAssessment.RiskAssessmentStatus;
import org.hl7.fhir.r4.model.RiskAssessment;

import java.util.Date;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a triage answer as a FHIR {@code RiskAssessment}: the first prediction is the urgency, then one prediction per
 * candidate cause group naming its conditions and the evidence; {@code qualitativeRisk} follows the urgency.
 */
public final class RiskAssessmentFactory {

    /**
     * FHIR R4's pattern of a literal reference to another resource. A contained reference ("#p1") would dangle in
     * the RiskAssessment, and anything else is not a reference; the subject is then left out.
     */
    private static final Pattern LITERAL_REFERENCE = Pattern.compile(
            "(https?://([A-Za-z0-9.:%$-]*/)+)?[A-Za-z]{1,64}/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?");

    private RiskAssessmentFactory() {
    }

    public static RiskAssessment build(TriageResponse answer, String urgencyLabel, String subjectReference) {
        RiskAssessment risk = new RiskAssessment();
        risk.setStatus(RiskAssessmentStatus.FINAL);
        risk.setOccurrence(new DateTimeType(new Date()));
        risk.setMethod(new CodeableConcept().setText("Muscle weakness triage rules " + answer.rulesVersion()));
        risk.addIdentifier(new Identifier().setSystem(FhirCodes.BASE + "/rules-version").setValue(answer.rulesVersion()));
        risk.setCode(new CodeableConcept().setText("Muscle weakness triage"));
        if (subjectReference != null && LITERAL_REFERENCE.matcher(subjectReference).matches()) {
            risk.getSubject().setReference(subjectReference);
        } else {
            risk.getSubject().setDisplay("Patient of the intake (not identified)");
        }
        CodeableConcept qualitative = qualitativeRisk(answer.urgency());

        RiskAssessmentPredictionComponent urgency = risk.addPrediction();
        urgency.setOutcome(new CodeableConcept(new Coding(FhirCodes.URGENCY, answer.urgency().code(), urgencyLabel))
                .setText("Urgency: " + urgencyLabel));
        urgency.setQualitativeRisk(qualitative);
        urgency.setRationale(String.join(" ", answer.reasons()));

        for (TriageResponse.CauseGroupView group : answer.causeGroups()) {
            CodeableConcept outcome = new CodeableConcept(new Coding(FhirCodes.CAUSE, group.code(), group.label()));
            group.conditions().forEach(c -> outcome.addCoding(new Coding(FhirCodes.CAUSE, c.code(), c.name())));
            outcome.setText(group.label() + " causes: " + group.conditions().stream()
                    .map(c -> c.name() + (c.serious() ? " (serious)" : "")).collect(Collectors.joining(", ")));
            risk.addPrediction()
                    .setOutcome(outcome)
                    .setQualitativeRisk(qualitative)
                    .setRationale("Matched: " + String.join(", ", group.evidence()));
        }
        risk.setMitigation(answer.advice());
        risk.addNote(new Annotation().setText(answer.disclaimer()));
        answer.redFlags().forEach(f -> risk.addNote(new Annotation().setText("Red flag: " + f.label() + " Source: " + f.source())));
        return risk;
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
