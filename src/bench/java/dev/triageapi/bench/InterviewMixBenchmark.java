package dev.triageapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Interviewer;
import dev.triageapi.triage.interview.Interviewer.Interview;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a JSON triage request costs in rules since the interview: the assessment of each of the ten requests
 * {@code bench/http.sh} sends, then its interview with the service's defaults (eight questions, 200 evaluations), in
 * turn, without HTTP. The interview's evaluations are counted: JMH reports the counter in this mode as the time per
 * evaluation, so evaluations per request are the operation's time divided by it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class InterviewMixBenchmark {

    /** The service's defaults: triage.api.interview-questions and triage.api.interview-evaluations. */
    private static final int QUESTIONS = 8;
    private static final int EVALUATIONS = 200;

    private final List<TriageCase> cases = new ArrayList<>();
    private final Interviewer interviewer = new Interviewer(Cases.CATALOG);
    private int next;

    /** The evaluations the interview made. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Evaluations {
        public long evaluations;

        @Setup(Level.Iteration)
        public void clear() {
            evaluations = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("bench/triage-bodies.jsonl"))) {
            if (!line.isBlank()) {
                cases.add(Cases.MAPPER.toCase(json.readValue(line, TriageRequest.class)));
            }
        }
    }

    @Benchmark
    public Interview assessAndInterview(Evaluations counted) {
        TriageCase c = cases.get(next);
        next = (next + 1) % cases.size();
        TriageEngine.Judged judged = Cases.ENGINE.judge(Cases.RULES, c, false);
        Interview interview = interviewer.interview(c, Set.of(), judged.assessment(), judged.prober(), QUESTIONS, EVALUATIONS);
        counted.evaluations += interview.evaluations();
        return interview;
    }
}
