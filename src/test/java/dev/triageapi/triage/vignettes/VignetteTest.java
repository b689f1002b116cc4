package dev.triageapi.triage.vignettes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every JSON vignette under {@code src/test/resources/vignettes/} through the rules, without HTTP. */
class VignetteTest {

    static final Path DIR = Path.of("src/test/resources/vignettes");
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, 50);

    static Stream<Path> vignettes() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void shouldTriageVignetteAsExpected(Path file) throws IOException {
        Vignette v = JSON.readValue(file.toFile(), Vignette.class);
        assertNotNull(v.expect(), file + " has no expect");
        Assessment a = Rules.assess(REQUESTS.toCase(JSON.treeToValue(v.request(), TriageRequest.class)));
        List<String> problems = new ArrayList<>();
        Vignette.Expect e = v.expect();
        if (e.urgency() != null && e.urgency() != a.urgency()) {
            problems.add("urgency " + a.urgency().code() + ", expected " + e.urgency().code());
        }
        if (e.urgencyAtLeast() != null && a.urgency().compareTo(e.urgencyAtLeast()) < 0) {
            problems.add("urgency " + a.urgency().code() + ", expected at least " + e.urgencyAtLeast().code());
        }
        if (e.urgencyAtMost() != null && a.urgency().compareTo(e.urgencyAtMost()) > 0) {
            problems.add("urgency " + a.urgency().code() + ", expected at most " + e.urgencyAtMost().code());
        }
        List<String> flags = Rules.redFlagCodes(a);
        List<String> conditions = Rules.conditionCodes(a);
        List<String> groups = a.causeGroups().stream().map(g -> g.group().code()).toList();
        List<String> followUps = a.followUps().stream().map(q -> q.symptom() + "." + q.modifier()).toList();
        e.redFlags().stream().filter(f -> !flags.contains(f)).forEach(f -> problems.add("missing red flag " + f));
        e.withoutRedFlags().stream().filter(flags::contains).forEach(f -> problems.add("unexpected red flag " + f));
        e.groups().stream().filter(g -> !groups.contains(g)).forEach(g -> problems.add("missing group " + g));
        e.conditions().stream().filter(c -> !conditions.contains(c)).forEach(c -> problems.add("missing condition " + c));
        e.withoutConditions().stream().filter(conditions::contains).forEach(c -> problems.add("unexpected condition " + c));
        e.followUps().stream().filter(q -> !followUps.contains(q)).forEach(q -> problems.add("missing follow-up " + q));
        if (a.urgency().isEmergency() && flags.isEmpty()) {
            problems.add("emergency answer without a red flag");
        }
        if (!problems.isEmpty()) {
            fail(v.name() + " (" + file.getFileName() + "): " + String.join("; ", problems)
                    + "\n  got urgency=" + a.urgency().code() + " flags=" + flags + " conditions=" + conditions
                    + " followUps=" + followUps);
        }
    }

    @Test
    void shouldHaveAVignetteForEveryRedFlagAndCondition() throws IOException {
        List<String> text = new ArrayList<>();
        for (Path p : vignettes().toList()) {
            text.add(Files.readString(p));
        }
        String all = String.join("\n", text);
        Rules.CATALOG.redFlags().forEach(f -> assertTrue(all.contains("\"" + f.code() + "\""), "no vignette expects red flag " + f.code()));
        Rules.CATALOG.causeGroups().forEach(g -> g.conditions().forEach(c ->
                assertTrue(all.contains("\"" + c.code() + "\""), "no vignette expects condition " + c.code())));
        assertTrue(text.size() >= 80, "only " + text.size() + " vignettes");
        for (Urgency level : Urgency.values()) {
            assertTrue(all.contains("\"urgency\": \"" + level.code() + "\""), "no vignette with exact urgency " + level.code());
        }
    }
}
