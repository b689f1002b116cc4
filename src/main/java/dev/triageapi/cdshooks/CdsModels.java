package dev.triageapi.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The CDS Hooks 2.0 messages this service reads and writes. */
public final class CdsModels {

    private CdsModels() {
    }

    /** {@code GET /cds-services}. */
    @Schema(name = "CdsDiscovery")
    public record Discovery(@Schema(required = true) List<Service> services) {
    }

    /** One service in the discovery answer. */
    @Schema(name = "CdsService")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(
            @Schema(examples = "encounter-start", required = true) String hook,
            @Schema(examples = "muscle-weakness-triage", required = true) String id,
            @Schema(required = true) String title,
            @Schema(required = true) String description,
            @Schema(description = "FHIR queries the EHR should run and send along.") Map<String, String> prefetch,
            String usageRequirements) {
    }

    /** A hook call. */
    @Schema(name = "CdsHookRequest")
    public record HookRequest(
            @Schema(examples = "encounter-start", required = true) String hook,
            @Schema(examples = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", required = true) String hookInstance,
            @Schema(description = "Base URL of the EHR's FHIR server; queried only when it is one of `triage.cds.fhir-servers`.",
                    examples = "https://ehr.example.org/fhir") String fhirServer,
            @Schema(ref = "CdsFhirAuthorization") JsonNode fhirAuthorization,
            @Schema(ref = "CdsHookContext", required = true) JsonNode context,
            @Schema(ref = "CdsPrefetch") Map<String, JsonNode> prefetch) {
    }

    static final String RFC_3339_MESSAGE = "is required, as an RFC 3339 date-time (CDS Hooks asks for UTC)";

    /** {@code POST /cds-services/{id}/feedback}. */
    @Schema(name = "CdsFeedbackRequest")
    public record FeedbackRequest(
            @Schema(required = true, minItems = 1, maxItems = 100)
            @NotNull(message = "must hold at least one item")
            @Size(min = 1, max = 100, message = "must hold 1 to 100 items")
            List<@NotNull(message = "must be an object") @Valid Feedback> feedback) {
    }

    /** What became of one card. */
    @Schema(name = "CdsFeedback")
    public record Feedback(
            @Schema(description = "The card's uuid.", required = true)
            @NotBlank(message = "is required (the card's uuid)") String card,
            @Schema(enumeration = {"accepted", "overridden"}, required = true)
            @NotNull(message = "must be one of: accepted, overridden")
            @Pattern(regexp = "accepted|overridden", message = "must be one of: accepted, overridden") String outcome,
            @Schema(description = "The suggestions accepted (this service's cards have none).") List<AcceptedSuggestion> acceptedSuggestions,
            @Schema(description = "Why the card was overridden. Counted, never stored: only whether a reason was coded.")
            OverrideReason overrideReason,
            @Schema(description = "When it was acted on (RFC 3339, UTC).", examples = "2026-12-01T10:05:31Z", required = true)
            @NotNull(message = RFC_3339_MESSAGE) @DateTime(message = RFC_3339_MESSAGE)
            String outcomeTimestamp) {
    }

    /** An accepted suggestion. */
    @Schema(name = "CdsAcceptedSuggestion")
    public record AcceptedSuggestion(@Schema(required = true) String id) {
    }

    /** Why a card was overridden. */
    @Schema(name = "CdsOverrideReason")
    public record OverrideReason(Coding reason, String userComment) {
    }

    /** The answer to a hook call. */
    @Schema(name = "CdsResponse")
    public record CardsResponse(@Schema(required = true) List<Card> cards) {
    }

    /** A card shown to the clinician. */
    @Schema(name = "CdsCard")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Card(
            String uuid,
            @Schema(description = "Under 140 characters.", required = true) String summary,
            @Schema(description = "critical for the emergency levels, warning for consultation_24, info below.",
                    enumeration = {"info", "warning", "critical"}, required = true) String indicator,
            @Schema(description = "Markdown: urgency, advice, red flags, cause groups and the disclaimer.") String detail,
            @Schema(required = true) Source source,
            List<Link> links) {
    }

    /** Where a card comes from; {@code topic} names the rule that set the urgency. */
    @Schema(name = "CdsSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(@Schema(required = true) String label, String url, Coding topic) {
    }

    /** A FHIR-style coding. */
    @Schema(name = "CdsCoding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Coding(String system, String code, String display) {
    }

    /** A link on a card. */
    @Schema(name = "CdsLink")
    public record Link(@Schema(required = true) String label, @Schema(required = true) String url,
                       @Schema(enumeration = {"absolute", "smart"}, required = true) String type) {
    }
}
