package dev.triageapi.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triageapi.cdshooks.CdsModels.HookRequest;
import dev.triageapi.fhir.FhirIntakeMapper;
import dev.triageapi.fhir.FhirSupport;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.PreconditionFailedException;
import dev.triageapi.triage.api.UnusedInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an encounter-start call's prefetch before the triage runs, as HAPI FHIR's CDS Hooks module does: each key
 * the EHR sent is read, each it left out (or answered with an OperationOutcome) is fetched from the call's FHIR server
 * when the call may make this service query one ({@link FhirServerFetcher}), and what was found becomes one Bundle
 * for the FHIR intake, with notes on what could not be used.
 */
@ApplicationScoped
class PrefetchResolver {

    private final FhirSupport fhir;
    private final FhirServerFetcher fetcher;

    PrefetchResolver(FhirSupport fhir, FhirServerFetcher fetcher) {
        this.fhir = fhir;
        this.fetcher = fetcher;
    }

    /**
     * The patient's symptom records, with the Patient among them when it could be had. {@code client} names the CDS
     * client whose JWT was verified, null for any other caller: only such a call may make this service query an EHR.
     */
    Bundle resolve(HookRequest call, String patientId, String client, List<UnusedInput> notes) {
        Fetch fetch = new Fetch(fetcher.target(call, client), fetcher.deadline(), patientId, client);
        Slot symptoms = slot(call, "symptoms", CdsService.SYMPTOMS_QUERY, fetch, notes, true);
        Slot patient = slot(call, "patient", CdsService.PATIENT_QUERY, fetch, notes, false);
        Bundle combined = new Bundle().setType(Bundle.BundleType.COLLECTION);
        if (symptoms.resource() instanceof Bundle found) {
            combined = found;
        } else if (symptoms.resource() != null) {
            throw new InvalidRequestException(List.of(new FieldError("prefetch.symptoms", "must be a Bundle")));
        }
        if (patient.resource() instanceof Patient p) {
            combined.addEntry().setResource(p).setFullUrl(FhirIntakeMapper.literal("Patient/" + patientId));
        } else if (patient.resource() != null) {
            notes.add(new UnusedInput("prefetch.patient", "not a Patient: the patient's age and sex are unknown"));
        }
        return combined;
    }

    /** Where a hook call's missing prefetch may be fetched, for which patient, and by when all of it must have come. */
    private record Fetch(Optional<FhirServerFetcher.Target> target, Instant deadline, String patientId, String client) {
    }

    /** What one prefetch key gave: a resource, or nothing (no data). */
    private record Slot(IBaseResource resource) {
    }

    /**
     * A prefetch key's resource. Sent: it is read (an OperationOutcome there means the EHR could not fetch). Left out,
     * or an OperationOutcome: fetched from the FHIR server when the call allows it; when it cannot be, a required key
     * is a 412 and an optional one is noted as unknown. Sent as {@code null}: the EHR has no such data (CDS Hooks 2.0).
     */
    private Slot slot(HookRequest call, String key, String template, Fetch fetch, List<UnusedInput> notes, boolean required) {
        Map<String, JsonNode> prefetch = call.prefetch() == null ? Map.of() : call.prefetch();
        JsonNode sent = prefetch.get(key);
        boolean sentNull = prefetch.containsKey(key) && (sent == null || sent.isNull());
        if (sent != null && !sent.isNull()) {
            if (!sent.isObject()) {
                throw new InvalidRequestException(List.of(new FieldError("prefetch." + key, "must be a FHIR resource or null")));
            }
            IBaseResource resource = fhir.parse(sent.toString());
            if (!(resource instanceof OperationOutcome)) {
                return new Slot(resource);
            }
            notes.add(new UnusedInput("prefetch." + key, "an OperationOutcome: the EHR could not fetch this data"));
        }
        if (fetch.target().isPresent()) {
            String query = template.replace("{{context.patientId}}", fetch.patientId()).replace("|", "%7C");
            try {
                return new Slot(fetcher.fetch(fetch.target().get(), query, fetch.deadline()).orElse(null));
            } catch (FhirServerFetcher.FetchFailed e) {
                if (required) {
                    throw new PreconditionFailedException("prefetch." + key + " could not be fetched: " + e.getMessage());
                }
                notes.add(new UnusedInput("prefetch." + key, "could not be fetched (" + e.getMessage() + "): unknown"));
                return new Slot(null);
            }
        }
        if (sentNull) {
            return new Slot(null);
        }
        if (required) {
            throw new PreconditionFailedException("prefetch." + key + " is missing and cannot be fetched: "
                    + (call.fhirServer() == null ? "the call names no fhirServer"
                    : !fetcher.allows(call.fhirServer())
                    ? "its fhirServer is not one this service is configured to query (triage.cds.fhir-servers)"
                    : fetch.client() == null
                    ? "only a call signed by a trusted CDS client (triage.cds.clients) may make this service query a FHIR server"
                    : "its fhirServer is not one this CDS client may have the service query (triage.cds.clients.<name>.fhir-servers)"));
        }
        notes.add(new UnusedInput("prefetch." + key, "not sent and not fetched: unknown"));
        return new Slot(null);
    }
}
