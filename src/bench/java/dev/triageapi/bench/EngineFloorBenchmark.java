package dev.triageapi.bench;

import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.TriageCase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fixed cost of an evaluation, whatever the request: a new Drools stateless session on the shared KieBase with only
 * the patient fact and no listeners ({@code bareSession}), the same on a session from the rule set's pool
 * ({@code pooledSession}, as the engine does it), and the project's engine on the same single fact
 * ({@code enginePatientOnly}: adds the event listeners and the building of the {@code Assessment}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class EngineFloorBenchmark {

    private final Patient patient = new Patient(58, null, null);
    private final List<Object> facts = List.of(patient);
    private final TriageCase patientOnly = new TriageCase(patient, List.of(), List.of());

    @Setup
    public void setUp() {
        Cases.ENGINE.assess(Cases.RULES, patientOnly);
    }

    @Benchmark
    public Object bareSession() {
        StatelessKieSession session = Cases.RULES.kieBase().newStatelessKieSession();
        session.execute(facts);
        return session;
    }

    @Benchmark
    public int pooledSession() {
        KieSession session = Cases.RULES.sessions().newKieSession();
        try {
            session.insert(patient);
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public Assessment enginePatientOnly() {
        return Cases.ENGINE.assess(Cases.RULES, patientOnly);
    }
}
