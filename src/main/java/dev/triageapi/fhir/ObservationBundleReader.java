package dev.triageapi.fhir;

import dev.triageapi.fhir.SymptomObservationReader.Timed;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.api.UnusedInput;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.triageapi.fhir.FhirValues.hasCoding;
import static dev.triageapi.fhir.SymptomObservationReader.isCurrentRecord;
import static dev.triageapi.fhir.SymptomObservationReader.recorded;

/**
 * A Bundle of a patient's records as a triage request: symptom Observations (the latest record of each symptom
 * counts), vital signs and laboratory results, a pregnancy status, Conditions that are risk factors and the Patient; every other entry, and
 * every record that is not current, is listed as not used with the reason.
 */
final class ObservationBundleReader {

    private final SymptomObservationReader symptoms;
    private final Map<String, String> riskFactorBySnomed = new LinkedHashMap<>();

    ObservationBundleReader(Catalog catalog, SymptomObservationReader symptoms) {
        this.symptoms = symptoms;
        catalog.riskFactors().stream().filter(r -> r.snomedCode() != null)
                .forEach(r -> riskFactorBySnomed.put(r.snomedCode(), r.code()));
    }

    FhirIntake read(Bundle bundle) {
        List<FieldError> errors = new ArrayList<>();
        List<UnusedInput> unused = new ArrayList<>();
        List<String> askAbout = new ArrayList<>();
        List<String> riskFactors = new ArrayList<>();
        Map<String, Timed> latest = new LinkedHashMap<>();
        Integer age = null;
        Sex sex = null;
        String subject = null;
        boolean patientSeen = false;
        Pregnancy pregnancy = null;
        Instant pregnancyRecorded = null;
        MeasurementReader measurements = new MeasurementReader();
        Instant now = Instant.now();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
            IBaseResource resource = entry.getResource();
            String path = "entry[" + i + "].resource";
            List<MeasurementReader.Parameter> measured = resource instanceof Observation o ? MeasurementReader.parametersOf(o) : List.of();
            if (resource == null) {
                unused.add(new UnusedInput("entry[" + i + "]", "the entry holds no resource"));
            } else if (resource instanceof OperationOutcome
                    || entry.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME) {
                unused.add(new UnusedInput(path, "a message from the FHIR server about its search, not a record of the patient"));
            } else if (resource instanceof Observation observation
                    && hasCoding(observation.getCode(), FhirCodes.LOINC, FhirCodes.LOINC_PREGNANCY_STATUS)) {
                Optional<Pregnancy> status = pregnancy(observation, path, unused);
                Instant when = recorded(observation, now).orElse(now);
                if (status.isPresent() && (pregnancyRecorded == null || !when.isBefore(pregnancyRecorded))) {
                    pregnancy = status.get();
                    pregnancyRecorded = when;
                }
            } else if (resource instanceof Observation observation && !measured.isEmpty()) {
                if (isCurrentRecord(observation)) {
                    for (MeasurementReader.Parameter parameter : measured) {
                        measurements.read(observation, parameter, recorded(observation, now), now, path, unused);
                    }
                } else {
                    unused.add(new UnusedInput(path + ".status", measured.get(0).kind.noun + " that is "
                            + observation.getStatus().toCode() + " is not a measurement"));
                }
            } else if (resource instanceof Observation observation
                    && MeasurementReader.OTHER_CALCIUM.stream().anyMatch(code -> hasCoding(observation.getCode(), FhirCodes.LOINC, code))) {
                unused.add(new UnusedInput(path, "a total or ionised calcium is not read: the rules read the albumin-adjusted "
                        + "calcium (LOINC 29265-6), since a total calcium misleads when the albumin is low"));
            } else if (resource instanceof Observation observation) {
                Timed timed = symptoms.read(observation, now, path, reference(entry), errors, unused, askAbout);
                if (timed != null && timed.report() != null) {
                    // The same symptom recorded at several visits: the most recent record is the current one.
                    Timed earlier = latest.get(timed.report().code());
                    Timed kept = earlier == null || !earlier.recorded().isAfter(timed.recorded()) ? timed : earlier;
                    latest.put(timed.report().code(), kept);
                    if (earlier != null) {
                        Timed dropped = kept == timed ? earlier : timed;
                        unused.add(new UnusedInput(dropped.path(), "an earlier record of a symptom recorded again later: the latest record counts"));
                    }
                }
            } else if (resource instanceof Condition condition) {
                String riskFactor = riskFactor(condition, path, unused);
                if (riskFactor != null && !riskFactors.contains(riskFactor)) {
                    riskFactors.add(riskFactor);
                }
            } else if (resource instanceof Patient patient) {
                if (patientSeen) {
                    unused.add(new UnusedInput(path, "a second Patient: only the first is read"));
                    continue;
                }
                patientSeen = true;
                subject = reference(entry);
                if (patient.hasBirthDate()) {
                    age = Period.between(patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate(), LocalDate.now(ZoneOffset.UTC)).getYears();
                }
                if (patient.hasGender()) {
                    sex = switch (patient.getGender()) {
                        case FEMALE -> Sex.FEMALE;
                        case MALE -> Sex.MALE;
                        case OTHER -> Sex.OTHER;
                        default -> Sex.UNKNOWN;
                    };
                }
            } else {
                String type = resource.fhirType();
                unused.add(new UnusedInput(path, ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type
                        + " is not a record the triage reads"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (subject == null) {
            // No Patient entry: the patient the symptom records are about, when they all name the same one.
            List<String> subjects = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Observation.class::isInstance).map(r -> ((Observation) r).getSubject().getReference())
                    .distinct().toList();
            subject = subjects.size() == 1 ? FhirIntakeMapper.literal(subjects.get(0)) : null;
        }
        List<SymptomReport> reports = latest.values().stream().map(Timed::report).toList();
        List<String> basis = latest.values().stream().map(Timed::reference).filter(Objects::nonNull).toList();
        return new FhirIntake(new TriageRequest(age, sex, reports, riskFactors, null, null, pregnancy, measurements.vitals(),
                measurements.labs()), unused, askAbout, basis, subject, measurements.sources());
    }

    /**
     * A Condition as one of our risk factors: coded with a risk factor's SNOMED CT code, and neither resolved, refuted
     * nor entered in error. A risk factor only ever adds to a case, so a Condition that is not read cannot lower it.
     */
    private String riskFactor(Condition condition, String path, List<UnusedInput> unused) {
        String code = condition.getCode().getCoding().stream().filter(c -> FhirCodes.SNOMED.equals(c.getSystem()))
                .map(c -> riskFactorBySnomed.get(c.getCode())).filter(Objects::nonNull).findFirst().orElse(null);
        if (code == null) {
            unused.add(new UnusedInput(path, "a Condition that is none of the risk factors this service reads"));
            return null;
        }
        String clinical = condition.getClinicalStatus().getCoding().stream().map(Coding::getCode).findFirst().orElse("active");
        String verification = condition.getVerificationStatus().getCoding().stream().map(Coding::getCode).findFirst().orElse("confirmed");
        if (!List.of("active", "recurrence", "relapse").contains(clinical)
                || List.of("refuted", "entered-in-error").contains(verification)) {
            unused.add(new UnusedInput(path, "a Condition that is not current (its clinical or verification status says so)"));
            return null;
        }
        return code;
    }

    /**
     * A pregnancy status Observation (LOINC 82810-3, as the IPS records it) with SNOMED CT 77386006 pregnant or
     * 60001007 not pregnant; any other value, or a record in error, is listed as not used and the status stays unknown.
     */
    private static Optional<Pregnancy> pregnancy(Observation observation, String path, List<UnusedInput> unused) {
        if (!isCurrentRecord(observation)) {
            unused.add(new UnusedInput(path, "its status is " + observation.getStatus().toCode() + ": it is not read"));
            return Optional.empty();
        }
        if (observation.hasValueCodeableConcept()) {
            for (Coding coding : observation.getValueCodeableConcept().getCoding()) {
                if (FhirCodes.SNOMED.equals(coding.getSystem()) && "77386006".equals(coding.getCode())) {
                    return Optional.of(Pregnancy.PREGNANT);
                }
                if (FhirCodes.SNOMED.equals(coding.getSystem()) && "60001007".equals(coding.getCode())) {
                    return Optional.of(Pregnancy.NOT_PREGNANT);
                }
            }
        }
        unused.add(new UnusedInput(path, "a pregnancy status this service does not read (SNOMED CT 77386006 or 60001007)"));
        return Optional.empty();
    }

    /** A literal reference to an entry's resource: its fullUrl, else its type and id; null when it has neither. */
    private static String reference(Bundle.BundleEntryComponent entry) {
        if (entry.hasFullUrl() && FhirIntakeMapper.literal(entry.getFullUrl()) != null) {
            return entry.getFullUrl();
        }
        IBaseResource resource = entry.getResource();
        return resource.getIdElement().hasIdPart()
                ? FhirIntakeMapper.literal(resource.fhirType() + "/" + resource.getIdElement().getIdPart()) : null;
    }
}
