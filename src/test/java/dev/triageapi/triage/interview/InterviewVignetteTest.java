package dev.triageapi.triage.interview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.vignette.VignetteSuite;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interview vignettes written blind to the rules ({@code src/test/resources/interview-vignettes/}): a patient starts
 * from what they first type and answers every question from the whole truth they know, "I don't know" for anything
 * else; the interview must end, within ten rounds, at the level a clinician gives the whole truth.
 */
@AlongsideQuarkusTests
class InterviewVignetteTest {

    static final Path DIR = Path.of("src/test/resources/interview-vignettes");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, Rules.CATALOG.symptoms().size());
    private static final SimulatedPatient PATIENT = new SimulatedPatient(Rules.CATALOG, Rules.RULES, SimulatedPatient.QUESTIONS_PER_ANSWER);

    static Stream<Path> vignettes() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            String only = System.getProperty("interview.only", "");
            return files.filter(p -> p.toString().endsWith(".json") && p.toString().contains(only)).sorted().toList().stream();
        }
    }

    static Stream<Path> benignVignettes() throws IOException {
        List<Path> all = vignettes().toList();
        if (System.getProperty("interview.one-at-a-time", "").equals("all")) {
            return all.stream();
        }
        List<Path> benign = new ArrayList<>();
        for (Path file : all) {
            if (JSON.readTree(file.toFile()).path("category").asText().equals("benign")) {
                benign.add(file);
            }
        }
        return VignetteSuite.spread(benign, 10).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void shouldEndAtTheClinicalLevelOrAtTheRulesLevelWhereTheFixtureFlagsADisagreement(Path file) throws IOException {
        JsonNode vignette = JSON.readTree(file.toFile());
        assertFalse(vignette.path("source").asText().isBlank(), "every interview vignette names its source");
        TriageCase start = caseOf(vignette.get("firstMessage"));
        TriageCase truth = caseOf(vignette.get("truth"));
        JsonNode expect = vignette.get("expect");
        Urgency clinical = level(expect.get("urgency"));
        // Where the rules judge the whole picture otherwise than the clinician who wrote the case, the fixture says so
        // (rulesToday) until the rules are reviewed; the interview must still reach what the rules give the whole truth.
        Urgency expected = expect.has("rulesToday") ? level(expect.get("rulesToday")) : clinical;
        SimulatedPatient.Ending end = PATIENT.interview(start, truth);
        STATS.computeIfAbsent(vignette.get("category").asText(), k -> new int[3]);
        int[] counts = STATS.get(vignette.get("category").asText());
        counts[0]++;
        counts[1] += end.levels().get(0) == clinical ? 1 : 0;
        counts[2] += end.level() == clinical ? 1 : 0;
        assertTrue(end.complete(), () -> "the interview did not end within " + SimulatedPatient.MAX_ROUNDS + " rounds: " + end);
        assertEquals(PATIENT.atOnce(truth), end.level(), () -> "the interview ended elsewhere than the whole truth at once: " + end);
        assertEquals(expected, end.level(), () -> vignette.get("rationale").asText() + "\n" + end);
    }

    /**
     * The benign vignettes as an intake app that shows one question at a time drives them, from a first message without
     * the age and sex, which patients rarely type: the interview must still end, complete, at the level the whole truth
     * gets. A blind probe found benign pictures stuck at a consultation this way (the age, which a self-care pathway
     * needs with what brought the complaint on, was never asked). Ten of the benign third, spread over it: they take
     * the longest way down, one question at a time, and all 82 would cost the build 20 seconds (all passed when this
     * test was written; {@code -Dinterview.one-at-a-time=all} runs them all).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("benignVignettes")
    void shouldEndAtTheWholeTruthsLevelOneQuestionAtATimeWithoutTheAgeOrSex(Path file) throws IOException {
        JsonNode vignette = JSON.readTree(file.toFile());
        ObjectNode first = vignette.get("firstMessage").deepCopy();
        first.remove(List.of("age", "sex"));
        TriageCase truth = caseOf(vignette.get("truth"));
        SimulatedPatient.Ending end = PATIENT.interviewOneAtATime(caseOf(first), truth, ONE_AT_A_TIME_ROUNDS);
        assertTrue(end.complete(), () -> "not complete after " + ONE_AT_A_TIME_ROUNDS + " questions: " + end);
        assertEquals(PATIENT.atOnce(truth), end.level(), end::toString);
    }

    /** More than the longest of these interviews asks (52 questions), one per round. */
    private static final int ONE_AT_A_TIME_ROUNDS = 80;

    /** Per category: cases, those the first message alone gets right, those the interview gets right (clinician's level). */
    private static final Map<String, int[]> STATS = new TreeMap<>();

    @AfterAll
    static void report() {
        STATS.forEach((category, c) -> System.out.printf("interview vignettes, %s: %d cases, %d at the clinician's level from "
                + "the first message alone, %d after the interview%n", category, c[0], c[1], c[2]));
    }

    private static Urgency level(JsonNode code) {
        return Urgency.valueOf(code.asText().toUpperCase(Locale.ROOT));
    }

    private static TriageCase caseOf(JsonNode request) throws IOException {
        return REQUESTS.toCase(JSON.treeToValue(request, TriageRequest.class));
    }
}
