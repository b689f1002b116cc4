package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.Catalogs;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.api.TriageResponse;
import dev.triageapi.vocabulary.Language;
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

    private final Catalogs catalogs;

    RiskAssessmentFactory(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The RiskAssessment of an answer, its words (and its {@code language}) those of the answer. */
    public RiskAssessment build(TriageResponse answer, FhirIntake intake, Language language) {
        Catalog catalog = catalogs.of(language);
        RiskAssessment risk = new RiskAssessment();
        risk.setLanguage(language.code());
        risk.setStatus(RiskAssessmentStatus.FINAL);
        risk.setOccurrence(new DateTimeType(new Date()));
        risk.setMethod(new CodeableConcept().setText(catalog.message("riskAssessment.method").replace("{version}", answer.rulesVersion())));
        risk.addIdentifier(new Identifier().setSystem(FhirCodes.BASE + "/rules-version").setValue(answer.rulesVersion()));
        risk.setCode(new CodeableConcept().setText(catalog.message("riskAssessment.title")));
        // A urn:uuid names a resource only inside the Bundle it came in: out of it, such a reference would dangle.
        if (intake.subject() != null && !intake.subject().startsWith("urn:")) {
            risk.getSubject().setReference(intake.subject());
        } else {
            risk.getSubject().setDisplay(catalog.message("riskAssessment.unidentifiedPatient"));
        }
        intake.basis().stream().filter(reference -> !reference.startsWith("urn:"))
                .forEach(reference -> risk.addBasis(new Reference(reference)));

        String urgencyLabel = catalog.urgencyLevel(answer.urgency()).label();
        RiskAssessmentPredictionComponent urgency = risk.addPrediction();
        urgency.setOutcome(new CodeableConcept(new Coding(FhirCodes.URGENCY, answer.urgency().code(), urgencyLabel))
                .setText(catalog.message("riskAssessment.urgencyText").replace("{level}", urgencyLabel)));
        urgency.setQualitativeRisk(qualitativeRisk(answer.urgency()));
        urgency.setRationale(answer.reasons().stream().map(RiskAssessmentFactory::sentence).collect(Collectors.joining(" ")));

        for (TriageResponse.CauseGroupView group : answer.causeGroups()) {
            for (TriageResponse.ConditionView condition : group.conditions()) {
                risk.addPrediction()
                        .setOutcome(new CodeableConcept(new Coding(FhirCodes.CAUSE, condition.code(), condition.name()))
                                .setText(condition.name()))
                        .setRationale(rationale(catalog, group, condition));
            }
        }
        risk.setMitigation(answer.advice());
        risk.addNote(new Annotation().setText(answer.disclaimer()));
        answer.redFlags().forEach(f -> risk.addNote(new Annotation().setText(catalog.message("riskAssessment.redFlag")
                .replace("{label}", sentence(f.label())).replace("{source}", sentence(f.source())))));
        if (!answer.unused().isEmpty()) {
            risk.addNote(new Annotation().setText(catalog.message("riskAssessment.notUsed").replace("{items}", answer.unused().stream()
                    .map(u -> u.location() + " (" + u.reason() + ")").collect(Collectors.joining("; ")))));
        }
        return risk;
    }

    private static String rationale(Catalog catalog, TriageResponse.CauseGroupView group, TriageResponse.ConditionView condition) {
        return catalog.message(condition.serious() ? "riskAssessment.seriousCondition" : "riskAssessment.condition")
                .replace("{condition}", condition.name())
                .replace("{group}", group.label().toLowerCase(Locale.ROOT))
                .replace("{evidence}", names(catalog, condition.evidence()));
    }

    /** Catalog names of the evidence codes, joined as a sentence would list them. */
    private static String names(Catalog catalog, List<String> codes) {
        List<String> names = codes.stream().map(code -> catalog.symptom(code).map(SymptomDefinition::label)
                .map(l -> l.toLowerCase(Locale.ROOT)).orElse(code.replace('_', ' '))).toList();
        if (names.isEmpty()) {
            return catalog.message("riskAssessment.reportedPattern");
        }
        return names.size() == 1 ? names.get(0) : catalog.message("riskAssessment.and")
                .replace("{first}", String.join(", ", names.subList(0, names.size() - 1)))
                .replace("{last}", names.get(names.size() - 1));
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
