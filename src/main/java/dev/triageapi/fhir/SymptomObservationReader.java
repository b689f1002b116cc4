package dev.triageapi.fhir;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.http.FieldError;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.SymptomStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Type;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.triageapi.fhir.FhirValues.hasCoding;

/**
 * One symptom Observation as the HL7 Symptoms IG records it (LOINC 75325-1 present, 111551-8 absent, the finding as
 * SNOMED CT or our code): its answers from our components, the IG's own components and its body site, and when it
 * was recorded, which makes an old record history rather than a current sign.
 */
final class SymptomObservationReader {

    private final Catalog catalog;
    private final SymptomReports reports;

    SymptomObservationReader(Catalog catalog, SymptomReports reports) {
        this.catalog = catalog;
        this.reports = reports;
    }

    /** An answer to a modifier, read from one of the Symptoms IG's own components. */
    private record IgAnswer(Modifier modifier, Type value) {
    }

    private static final Map<String, IgAnswer> IG_ANSWERS = Map.of(
            FhirCodes.LOINC_SPEED_OF_ONSET + " 385315009", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "sudden", null)),
            FhirCodes.LOINC_SPEED_OF_ONSET + " 61751001", new IgAnswer(Modifier.ONSET, new Coding(FhirCodes.MODIFIER_VALUE, "gradual", null)),
            FhirCodes.LOINC_SEVERITY + " 24484000", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "severe", null)),
            FhirCodes.LOINC_SEVERITY + " 6736007", new IgAnswer(Modifier.SEVERITY, new Coding(FhirCodes.MODIFIER_VALUE, "moderate", null)),
            FhirCodes.LOINC_TREND + " 231877006", new IgAnswer(Modifier.WORSENING, new BooleanType(true)),
            FhirCodes.LOINC_TREND + " 35105006", new IgAnswer(Modifier.WORSENING, new BooleanType(true)));

    /**
     * A component coded the Symptoms IG's way (see {@link FhirCodes#LOINC_SPEED_OF_ONSET}), as the answer to one of our
     * modifiers. Our own coding of the same modifier wins; a code the IG gives no meaning for is left unread (unknown).
     */
    private static Optional<IgAnswer> igComponent(Observation.ObservationComponentComponent component) {
        if (!component.hasValueCodeableConcept()) {
            return Optional.empty();
        }
        for (Coding question : component.getCode().getCoding()) {
            if (!FhirCodes.LOINC.equals(question.getSystem())) {
                continue;
            }
            for (Coding answer : component.getValueCodeableConcept().getCoding()) {
                if (FhirCodes.SNOMED.equals(answer.getSystem())) {
                    IgAnswer known = IG_ANSWERS.get(question.getCode() + " " + answer.getCode());
                    if (known != null) {
                        return Optional.of(known);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A symptom from an Observation, when it was recorded (now, when the record does not say), where and what it was. */
    record Timed(SymptomReport report, Instant recorded, String path, String reference) {
    }

    /**
     * When the record says the symptom was there: {@code effective[x]} (a period's start), else {@code issued}; empty
     * when it says neither. A time in the future counts as now.
     */
    static Optional<Instant> recorded(Observation observation, Instant now) {
        Date when = observation.hasEffectiveDateTimeType() ? observation.getEffectiveDateTimeType().getValue()
                : observation.hasEffectiveInstantType() ? observation.getEffectiveInstantType().getValue()
                : observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()
                        ? observation.getEffectivePeriod().getStart()
                : observation.hasIssued() ? observation.getIssued() : null;
        return Optional.ofNullable(when).map(Date::toInstant).map(t -> t.isAfter(now) ? now : t);
    }

    /**
     * One Observation as a symptom, or null when it is not one the triage reads (then listed in {@code unused}). A
     * symptom named only in words that are a catalog symptom's name is added to {@code askAbout}.
     */
    Timed read(Observation observation, Instant now, String path, String reference, List<FieldError> errors,
                              List<UnusedInput> unused, List<String> askAbout) {
        SymptomStatus status;
        if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM)) {
            status = SymptomStatus.PRESENT;
        } else if (hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_SYMPTOM_ABSENT)) {
            status = SymptomStatus.ABSENT;
        } else {
            unused.add(new UnusedInput(path, "not a symptom record: its code is neither LOINC 75325-1 (symptom) nor 111551-8 (symptom absent)"));
            return null;
        }
        if (!isCurrentRecord(observation)) {
            unused.add(new UnusedInput(path, "its status is " + observation.getStatus().toCode() + ": it is not triaged"));
            return null;
        }
        CodeableConcept value = observation.hasValueCodeableConcept() ? observation.getValueCodeableConcept()
                : observation.hasValueStringType() ? new CodeableConcept().setText(observation.getValueStringType().getValue())
                : null;
        if (value == null) {
            unused.add(new UnusedInput(path, "names no symptom: its value is not a CodeableConcept or text"));
            return null;
        }
        String code = reports.symptomCode(value);
        if (code == null) {
            String named = reports.symptomNamed(value);
            if (named != null && status == SymptomStatus.PRESENT) {
                askAbout.add(named);
                unused.add(new UnusedInput(path + ".value", "names a symptom only in words, without a code: it is asked about in missingInformation when it could raise the level"));
            } else {
                unused.add(new UnusedInput(path + ".value", "names a symptom this service does not know; see GET /api/v1/symptoms"));
            }
            return null;
        }
        Map<String, Type> modifiers = new LinkedHashMap<>();
        List<Type> locations = new ArrayList<>();
        List<String> accepted = catalog.symptom(code).map(SymptomDefinition::modifiers).orElse(List.of());
        for (int j = 0; j < observation.getComponent().size(); j++) {
            Observation.ObservationComponentComponent component = observation.getComponent().get(j);
            Optional<Coding> ours = component.getCode().getCoding().stream()
                    .filter(c -> FhirCodes.MODIFIER.equals(c.getSystem())).findFirst();
            if (ours.isPresent()) {
                if ("locations".equals(ours.get().getCode())) {
                    locations.add(component.getValue());
                } else {
                    modifiers.put(ours.get().getCode(), component.getValue());
                }
                continue;
            }
            Optional<IgAnswer> ig = igComponent(component);
            if (ig.isPresent() && accepted.contains(ig.get().modifier().code())) {
                continue; // read below, after our own codings, which win
            }
            unused.add(new UnusedInput(path + ".component[" + j + "]", ig.isPresent()
                    ? "an answer this symptom does not take" : "a component the triage does not read"));
        }
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            igComponent(component).filter(answer -> accepted.contains(answer.modifier().code()))
                    .ifPresent(answer -> modifiers.putIfAbsent(answer.modifier().code(), answer.value()));
        }
        if (observation.hasBodySite()) {
            bodySite(observation.getBodySite(), accepted, modifiers, locations, path + ".bodySite", unused);
        }
        // A symptom recorded some time ago began at least that long ago: an old record is history, not a current acute
        // sign. The record's age is a lower bound of the symptom's age, so it never makes a symptom look older than it is.
        Optional<Instant> recorded = recorded(observation, now);
        Double recordAge = recorded.map(t -> Duration.between(t, now).toSeconds() / 3600.0).orElse(null);
        return new Timed(reports.report(code, status, modifiers, locations, recordAge, path, errors, unused), recorded.orElse(now), path, reference);
    }

    /**
     * SNOMED CT body structures (and the precoordinated left and right upper arm) as our locations, and SNOMED CT
     * laterality qualifiers as our side, each confirmed in public terminology sources (see FhirCodes).
     */
    private static final Map<String, String> LOCATION_BY_SNOMED = Map.ofEntries(
            Map.entry("89545001", "face"), Map.entry("81745001", "eye"), Map.entry("53120007", "arm"),
            Map.entry("368208006", "upper_arm"), Map.entry("368209003", "upper_arm"), Map.entry("40983000", "upper_arm"),
            Map.entry("85562004", "hand"), Map.entry("61685007", "leg"), Map.entry("56459004", "foot"),
            Map.entry("45048000", "neck"), Map.entry("38266002", "whole_body"), Map.entry("16982005", "shoulder"),
            Map.entry("29836001", "hip"), Map.entry("68367000", "thigh"), Map.entry("77568009", "back"));
    private static final Map<String, String> SIDE_BY_SNOMED = Map.of(
            "7771000", "left", "24028007", "right", "51440002", "both", "368208006", "left", "368209003", "right");

    /**
     * {@code Observation.bodySite} (Symptoms IG: where the patient feels the symptom) as our locations and side, when
     * the record did not give them as our components, which win. Laterality may be a qualifier coding beside the body
     * structure, or part of a precoordinated structure. A site this table does not hold is listed as not used.
     */
    private static void bodySite(CodeableConcept site, List<String> accepted, Map<String, Type> modifiers, List<Type> locations,
                                 String path, List<UnusedInput> unused) {
        String location = null;
        String side = null;
        for (Coding coding : site.getCoding()) {
            if (FhirCodes.SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
                location = location != null ? location : LOCATION_BY_SNOMED.get(coding.getCode());
                side = side != null ? side : SIDE_BY_SNOMED.get(coding.getCode());
            }
        }
        if (location == null && side == null) {
            unused.add(new UnusedInput(path, "names no body site this service reads: send where and which side as the "
                    + "locations and side components (see docs/integration.md)"));
            return;
        }
        if (location != null && accepted.contains(Modifier.LOCATIONS.code()) && locations.isEmpty()) {
            locations.add(new Coding(FhirCodes.MODIFIER_VALUE, location, null));
        }
        if (side != null && accepted.contains(Modifier.SIDE.code())) {
            modifiers.putIfAbsent(Modifier.SIDE.code(), new Coding(FhirCodes.MODIFIER_VALUE, side, null));
        }
        if (site.hasExtension()) {
            unused.add(new UnusedInput(path + ".extension", "a location qualifier in words is not read"));
        }
    }


    /**
     * Every status but entered-in-error and cancelled, for symptoms, pregnancy and vital signs alike: a record whose
     * status is missing or unknown is read rather than left out (a symptom or a vital sign left out could lower the
     * level).
     */
    static boolean isCurrentRecord(Observation observation) {
        return observation.getStatus() != Observation.ObservationStatus.ENTEREDINERROR
                && observation.getStatus() != Observation.ObservationStatus.CANCELLED;
    }
}
