package dev.triageapi.bench;

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
 * How the cost of one rules evaluation grows with the size of the request, 1 to 50 reported items (above 42 the extra
 * items are risk factors, see {@link Cases}). Same measurement as {@link EngineBenchmark#assess()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class EngineSweepBenchmark {

    @Param({"1", "2", "5", "10", "15", "20", "30", "42", "50"})
    public int items;

    @Param({"chronic", "acute"})
    public String presentation;

    private TriageCase triageCase;

    @Setup
    public void setUp() {
        triageCase = Cases.triageCase(items, presentation);
        System.out.println(Cases.describe(items, presentation));
    }

    @Benchmark
    public Assessment assess() {
        return Cases.ENGINE.assess(Cases.RULES, triageCase);
    }
}
