package dev.triageapi.triage.engine;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.facts.FollowUp;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.vignette.VignetteSuite;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.SymptomStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Follow-up questions tell the truth and converge: for every vignette, answering the first question with the value
 * it names gives exactly the level it promised (never more, as a rule's own claim once could), and re-asking ends
 * within a few rounds.
 */
@AlongsideQuarkusTests
class FollowUpConvergenceTest {

    static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, RequestMapper.CONTRACT_MAX_SYMPTOMS);

    static Stream<Path> vignettes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/vignettes"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void shouldKeepEveryPromiseAndConverge(Path file) throws IOException {
        TriageCase current = REQUESTS.toCase(VignetteSuite.request(VignetteSuite.parse(file.toString(), Files.readString(file))));
        Set<String> asked = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            Assessment before = Rules.assess(current);
            if (before.followUps().isEmpty()) {
                return;
            }
            FollowUp question = before.followUps().get(0);
            assertTrue(asked.add(question.symptom() + "." + question.modifier()), "asked twice: " + question);
            current = answer(current, question);
            Assessment after = Rules.assess(current);
            assertEquals(question.couldRaiseTo(), after.urgency(),
                    file.getFileName() + ": answering " + question + " gave " + after.urgency());
        }
        fail(file.getFileName() + " still asks after 10 answers");
    }

    /** The case with the question answered by the value that it says would raise the urgency. */
    static TriageCase answer(TriageCase c, FollowUp q) {
        List<Symptom> symptoms = new ArrayList<>();
        for (Symptom s : c.symptoms()) {
            if (!s.getCode().equals(q.symptom())) {
                symptoms.add(s);
                continue;
            }
            SymptomStatus status = s.getStatus();
            Onset onset = s.getOnset();
            Severity severity = s.getSeverity();
            Double hours = s.getHoursSinceOnset();
            switch (q.modifier()) {
                case "status" -> status = SymptomStatus.valueOf(q.value().toUpperCase());
                case "onset" -> onset = Onset.valueOf(q.value().toUpperCase());
                case "severity" -> severity = Severity.valueOf(q.value().toUpperCase());
                case "hoursSinceOnset" -> hours = Double.valueOf(q.value());
                default -> fail("no way to answer " + q);
            }
            symptoms.add(Symptom.builder(s.getCode())
                    .status(status)
                    .onset(onset)
                    .side(s.getSide())
                    .severity(severity)
                    .locations(s.getLocations())
                    .hoursSinceOnset(hours)
                    .knownTrigger(s.getKnownTrigger())
                    .worsening(s.getWorsening())
                    .recurring(s.getRecurring())
                    .build());
        }
        assertEquals(c.symptoms().size(), symptoms.size());
        return new TriageCase(c.patient(), symptoms, c.riskFactors());
    }
}
