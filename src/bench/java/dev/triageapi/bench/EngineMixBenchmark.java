package dev.triageapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One rules evaluation of each of the ten requests {@code bench/http.sh} sends ({@code bench/triage-bodies.jsonl}),
 * in the same turn: the engine's share of the HTTP figures, measured without HTTP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class EngineMixBenchmark {

    private final List<TriageCase> cases = new ArrayList<>();
    private int next;
    private RuleSet rules;

    /** {@code executable}: the build's executable model, as the service starts; {@code drl}: compiled at run time. */
    @Param({"executable", "drl"})
    public String model;

    @Setup
    public void setUp() throws IOException {
        rules = model.equals("drl") ? RuleCompiler.compileFromSource(RuleSources.fromDirectory(Path.of("rules"))) : Cases.RULES;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("bench/triage-bodies.jsonl"))) {
            if (!line.isBlank()) {
                cases.add(Cases.MAPPER.toCase(json.readValue(line, TriageRequest.class)));
            }
        }
    }

    @Benchmark
    public Assessment assess() {
        TriageCase c = cases.get(next);
        next = (next + 1) % cases.size();
        return Cases.ENGINE.assess(rules, c);
    }
}
