package dev.triageapi.triage.engine;

import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.BodyLocation;
import dev.triageapi.triage.Onset;
import dev.triageapi.triage.Severity;
import dev.triageapi.triage.Side;
import dev.triageapi.triage.Sex;
import dev.triageapi.triage.SymptomStatus;
import dev.triageapi.triage.Urgency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safety properties of the rule set over random symptom sets, checked on the engine directly. */
@Tag("properties")
class TriagePropertiesTest {

    static final List<String> SYMPTOMS = Rules.CATALOG.symptoms().stream().map(SymptomDefinition::code).toList();
    static final List<String> RISK_FACTORS = Rules.CATALOG.riskFactors().stream().map(r -> r.code()).toList();
    static final TriageEngine ENGINE = new TriageEngine(Rules.CATALOG);

    @Property(tries = 300)
    void addingAPresentSymptomNeverLowersUrgency(@ForAll("cases") TriageCase base, @ForAll("symptom") Symptom added) {
        if (base.symptoms().stream().anyMatch(s -> s.getCode().equals(added.getCode()))) {
            return;
        }
        Symptom present = new Symptom(added.getCode(), SymptomStatus.PRESENT, added.getOnset(), added.getSide(),
                added.getSeverity(), added.getLocations(), added.getHoursSinceOnset(), added.getKnownTrigger(),
                added.getWorsening(), added.getRecurring());
        List<Symptom> more = new ArrayList<>(base.symptoms());
        more.add(present);
        Urgency before = Rules.assess(base).urgency();
        Urgency after = Rules.assess(new TriageCase(base.patient(), more, base.riskFactors())).urgency();
        assertTrue(after.compareTo(before) >= 0, "adding " + present.getCode() + " lowered " + before + " to " + after);
    }

    @Property(tries = 300)
    void addingARiskFactorNeverLowersUrgency(@ForAll("cases") TriageCase base, @ForAll("riskFactor") String factor) {
        if (base.riskFactors().stream().anyMatch(r -> r.code().equals(factor))) {
            return;
        }
        List<RiskFactor> more = new ArrayList<>(base.riskFactors());
        more.add(new RiskFactor(factor));
        Urgency before = Rules.assess(base).urgency();
        Urgency after = Rules.assess(new TriageCase(base.patient(), base.symptoms(), more)).urgency();
        assertTrue(after.compareTo(before) >= 0, "adding " + factor + " lowered " + before + " to " + after);
    }

    @Property(tries = 200)
    void symptomOrderNeverChangesTheAnswer(@ForAll("cases") TriageCase base, @ForAll long seed) {
        List<Symptom> shuffled = new ArrayList<>(base.symptoms());
        Collections.shuffle(shuffled, new Random(seed));
        List<RiskFactor> factors = new ArrayList<>(base.riskFactors());
        Collections.shuffle(factors, new Random(seed + 1));
        assertEquals(Rules.assess(base), Rules.assess(new TriageCase(base.patient(), shuffled, factors)));
    }

    /** Sessions are pooled and reused: nothing of one patient may reach the next one's answer. */
    @Property(tries = 200)
    void aReusedSessionAnswersLikeANewOne(@ForAll("cases") TriageCase earlier, @ForAll("cases") TriageCase c) {
        RuleSet unused = new RuleSet(Rules.RULES.kieBase(), Rules.RULES.kieBase().newKieSessionsPool(1),
                Rules.RULES.version(), Rules.RULES.files(), Rules.RULES.rules());
        Rules.assess(earlier);
        assertEquals(ENGINE.assess(unused, c), Rules.assess(c));
    }

    @Property(tries = 300)
    void everyAnswerIsCompleteAndEveryEmergencyNamesItsRedFlag(@ForAll("cases") TriageCase c) {
        Assessment a = Rules.assess(c);
        assertNotNull(a.urgency());
        assertFalse(a.reasons().isEmpty(), "an answer without a reason");
        assertTrue(a.rulesVersion().startsWith("sha256:"));
        if (a.urgency().isEmergency()) {
            assertFalse(a.redFlags().isEmpty(), "emergency without a red flag");
            assertTrue(a.redFlags().stream().anyMatch(f -> f.definition().urgency() == a.urgency()));
            assertNotNull(a.decidedBy());
        }
        a.followUps().forEach(q -> assertTrue(q.couldRaiseTo().compareTo(a.urgency()) > 0, "a question that cannot raise"));
    }

    @Provide
    Arbitrary<TriageCase> cases() {
        Arbitrary<Patient> patient = Combinators.combine(
                Arbitraries.integers().between(0, 120).injectNull(0.3),
                Arbitraries.of(Sex.class).injectNull(0.3),
                Arbitraries.of(true, false).injectNull(0.5)).as(Patient::new);
        Arbitrary<List<Symptom>> symptoms = symptom().list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(Symptom::getCode)
                // The API refuses a request in which every symptom is absent: there is nothing to triage.
                .filter(list -> list.stream().anyMatch(s -> !s.isAbsent()));
        Arbitrary<List<RiskFactor>> factors = riskFactor().map(RiskFactor::new).list().ofMaxSize(4).uniqueElements();
        return Combinators.combine(patient, symptoms, factors).as(TriageCase::new);
    }

    @Provide
    Arbitrary<Symptom> symptom() {
        Arbitrary<Set<BodyLocation>> locations = Arbitraries.of(BodyLocation.class).set().ofMaxSize(3).map(HashSet::new);
        return Combinators.combine(
                Arbitraries.of(SYMPTOMS),
                Arbitraries.of(SymptomStatus.class).injectNull(0.4),
                Arbitraries.of(Onset.class).injectNull(0.3),
                Arbitraries.of(Side.class).injectNull(0.4),
                Arbitraries.of(Severity.class).injectNull(0.4),
                locations,
                Arbitraries.of(0.5, 3.0, 20.0, 48.0, 100.0, 400.0, 800.0, 5000.0).injectNull(0.4),
                Arbitraries.of(true, false).injectNull(0.6)
        ).as((code, status, onset, side, severity, locs, hours, flag) ->
                new Symptom(code, status, onset, side, severity, locs, hours,
                        "headache".equals(code) ? flag : null, flag, flag == null ? null : !flag));
    }

    @Provide
    Arbitrary<String> riskFactor() {
        return Arbitraries.of(RISK_FACTORS);
    }
}
