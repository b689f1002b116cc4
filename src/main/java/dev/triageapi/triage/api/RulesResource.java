package dev.triageapi.triage.api;

import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.rules.ReloadAttempt;
import dev.triageapi.triage.rules.RulesRegistry;
import dev.triageapi.vocabulary.Urgency;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code GET /api/v1/rules}: the loaded rule set, so a clinician can audit which rules answer. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The loaded rule set and its provenance")
public class RulesResource {

    private final RulesRegistry registry;

    RulesResource(RulesRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(operationId = "getRules", summary = "Describe the loaded rule set",
            description = "The rules version, every rule file with its hash, every rule with where it is written, where its "
                    + "knowledge comes from and what it can conclude, and the outcome of the last hot reload.")
    public RuleSetView rules() {
        RuleSet rules = registry.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        return new RuleSetView(
                rules.version(),
                registry.source(),
                registry.loadedAt().orElse(null),
                rules.files().stream().map(f -> new RuleFileView(f.path(), f.sha256(),
                        (int) rules.rules().values().stream().filter(r -> r.file().equals(f.path())).count())).toList(),
                rules.rules().values().stream()
                        .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                        .map(r -> new RuleView(r.name(), r.file(), r.line(), r.source(), r.redFlags(), r.conditions(), r.levels(), r.asks()))
                        .toList(),
                new ReloadView(registry.reloading(), registry.lastAttempt().orElse(null)));
    }

    /** The loaded rule set. */
    @Schema(name = "RuleSet")
    public record RuleSetView(
            @Schema(examples = "sha256:0f5e…", required = true) String rulesVersion,
            @Schema(description = "\"bundled\", or the folder the rules were loaded from.", required = true) String source,
            @Schema(description = "When this rule set was loaded.") Instant loadedAt,
            @Schema(required = true) List<RuleFileView> files,
            @Schema(required = true) List<RuleView> rules,
            @Schema(required = true) ReloadView reload) {
    }

    /** One rule file. */
    @Schema(name = "RuleFile")
    public record RuleFileView(
            @Schema(examples = "rules/emergency/stroke.drl", required = true) String path,
            @Schema(required = true) String sha256,
            @Schema(required = true) int rules) {
    }

    /** One rule. */
    @Schema(name = "Rule")
    public record RuleView(
            @Schema(required = true) String name,
            @Schema(required = true) String file,
            @Schema(required = true) int line,
            @Schema(description = "Where the rule's knowledge comes from.", required = true) String source,
            @Schema(description = "Red flag codes the rule can raise.", required = true) List<String> redFlags,
            @Schema(description = "Condition codes the rule can suggest.", required = true) List<String> conditions,
            @Schema(description = "Non-emergency urgency levels the rule can set.", required = true) List<Urgency> levels,
            @Schema(description = "True if the rule can ask a follow-up question.", required = true) boolean asksFollowUp) {
    }

    /** Hot reload state. */
    @Schema(name = "RulesReload")
    public record ReloadView(
            @Schema(description = "True when the rules folder is watched for changes.", required = true) boolean watching,
            @Schema(description = "The last attempt to load changed rules, if any.") ReloadAttempt lastAttempt) {
    }
}
