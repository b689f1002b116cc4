package dev.triageapi.bench;

import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.facts.TriageCase;
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

import java.util.concurrent.TimeUnit;

/**
 * One rules evaluation, engine only (no HTTP, no JSON): {@code TriageEngine.assess(ruleSet, triageCase)} on the rule set
 * compiled once from {@code rules/}, for requests of 1, 5 and 20 symptoms (see {@link Cases}). {@code mapAndAssess}
 * adds the request validation and mapping the service does before it ({@code RequestMapper.toCase}).
 *
 * <p>Sample mode: JMH reports the mean and the percentiles (p0.50 is the median the target is about).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class EngineBenchmark {

    @Param({"1", "5", "20"})
    public int symptoms;

    @Param({"chronic", "acute"})
    public String presentation;

    private TriageCase triageCase;
    private TriageRequest request;

    @Setup
    public void setUp() {
        request = Cases.request(symptoms, presentation);
        triageCase = Cases.triageCase(symptoms, presentation);
        System.out.println(Cases.describe(symptoms, presentation));
    }

    @Benchmark
    public Assessment assess() {
        return Cases.ENGINE.assess(Cases.RULES, triageCase);
    }

    @Benchmark
    public Assessment mapAndAssess() {
        return Cases.ENGINE.assess(Cases.RULES, Cases.MAPPER.toCase(request));
    }
}
