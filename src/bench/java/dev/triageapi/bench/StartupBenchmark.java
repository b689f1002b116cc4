package dev.triageapi.bench;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the service does once at start: read and compile the rules ({@code RulesRegistry.load}) and read the catalog.
 * Measured cold, as at start (one call in a fresh JVM, three JVMs), because that is the cost start-up pays; the
 * {@code Warm} variant shows how much of it is JIT warm-up rather than work.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
@State(Scope.Benchmark)
public class StartupBenchmark {

    @Setup
    public void setUp() {
        Logging.likeTheService();
    }

    /** What start-up does: the packages the build precompiled (target/classes), as the rule files match them. */
    @Benchmark
    public RuleSet loadRulesCold() {
        return RuleCompiler.compile(RuleSources.fromDirectory(Path.of("rules")));
    }

    /** What start-up did before rules were precompiled, and still does for a rules folder that differs. */
    @Benchmark
    public RuleSet compileRulesFromSourceCold() {
        return RuleCompiler.compileFromSource(RuleSources.fromDirectory(Path.of("rules")));
    }

    @Benchmark
    public Catalog loadCatalogCold() {
        return Catalog.load();
    }

    @Benchmark
    @Warmup(iterations = 10)
    @Measurement(iterations = 10)
    @Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
    public RuleSet compileRulesFromSourceWarm() {
        return RuleCompiler.compileFromSource(RuleSources.fromDirectory(Path.of("rules")));
    }
}
