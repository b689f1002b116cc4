package dev.triageapi.triage.engine;

import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.testing.Seeds;
import dev.triageapi.triage.Modifier;
import dev.triageapi.triage.Sex;
import dev.triageapi.triage.SymptomStatus;
import dev.triageapi.triage.Urgency;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

/** Safety properties of the rule set over random symptom sets, checked on the engine directly (seeded, see {@link Seeds}). */
@Tag("properties")
class TriagePropertiesTest {

    static final List<String> SYMPTOMS = Rules.CATALOG.symptoms().stream().map(SymptomDefinition::code).toList();
    static final List<String> RISK_FACTORS = Rules.CATALOG.riskFactors().stream().map(r -> r.code()).toList();
    static final List<Double> HOURS = List.of(0.5, 3.0, 20.0, 48.0, 100.0, 400.0, 800.0, 5000.0);
    static final TriageEngine ENGINE = new TriageEngine(Rules.CATALOG);

    @Test
    void addingAPresentSymptomNeverLowersUrgency() {
        Seeds.forAll(300, random -> {
            TriageCase base = triageCase(random);
            Symptom added = symptom(random);
            if (base.symptoms().stream().anyMatch(s -> s.getCode().equals(added.getCode()))) {
                return;
            }
            Symptom present = added.withStatus(SymptomStatus.PRESENT);
            List<Symptom> more = new ArrayList<>(base.symptoms());
            more.add(present);
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(new TriageCase(base.patient(), more, base.riskFactors())).urgency();
            assertTrue(after.compareTo(before) >= 0, "adding " + present + " to " + base + " lowered " + before + " to " + after);
        });
    }

    @Test
    void addingARiskFactorNeverLowersUrgency() {
        Seeds.forAll(300, random -> {
            TriageCase base = triageCase(random);
            String factor = RISK_FACTORS.get(random.nextInt(RISK_FACTORS.size()));
            if (base.riskFactors().stream().anyMatch(r -> r.code().equals(factor))) {
                return;
            }
            List<RiskFactor> more = new ArrayList<>(base.riskFactors());
            more.add(new RiskFactor(factor));
            Urgency before = Rules.assess(base).urgency();
            Urgency after = Rules.assess(new TriageCase(base.patient(), base.symptoms(), more)).urgency();
            assertTrue(after.compareTo(before) >= 0, "adding " + factor + " to " + base + " lowered " + before + " to " + after);
        });
    }

    @Test
    void symptomOrderNeverChangesTheAnswer() {
        Seeds.forAll(200, random -> {
            TriageCase base = triageCase(random);
            List<Symptom> shuffled = new ArrayList<>(base.symptoms());
            Collections.shuffle(shuffled, random);
            List<RiskFactor> factors = new ArrayList<>(base.riskFactors());
            Collections.shuffle(factors, random);
            assertEquals(Rules.assess(base), Rules.assess(new TriageCase(base.patient(), shuffled, factors)), base.toString());
        });
    }

    @Test
    void theSameCaseAlwaysGetsTheSameAnswer() {
        Seeds.forAll(100, random -> {
            TriageCase c = triageCase(random);
            assertEquals(Rules.assess(c), Rules.assess(c), c.toString());
        });
    }

    /** Sessions are pooled and reused: nothing of one patient may reach the next one's answer. */
    @Test
    void aReusedSessionAnswersLikeANewOne() {
        Seeds.forAll(200, random -> {
            TriageCase earlier = triageCase(random);
            TriageCase c = triageCase(random);
            RuleSet unused = new RuleSet(Rules.RULES.kieBase(), Rules.RULES.kieBase().newKieSessionsPool(1),
                    Rules.RULES.version(), Rules.RULES.files(), Rules.RULES.rules());
            Rules.assess(earlier);
            assertEquals(ENGINE.assess(unused, c), Rules.assess(c), "after " + earlier + ": " + c);
        });
    }

    @Test
    void everyAnswerIsCompleteAndEveryEmergencyNamesItsRedFlag() {
        Seeds.forAll(300, random -> {
            TriageCase c = triageCase(random);
            Assessment a = Rules.assess(c);
            assertNotNull(a.urgency());
            assertFalse(a.reasons().isEmpty(), "an answer without a reason: " + c);
            assertTrue(a.rulesVersion().startsWith("sha256:"));
            if (a.urgency().isEmergency()) {
                assertFalse(a.redFlags().isEmpty(), "emergency without a red flag: " + c);
                assertTrue(a.redFlags().stream().anyMatch(f -> f.definition().urgency() == a.urgency()), c.toString());
                assertNotNull(a.decidedBy());
            }
            a.followUps().forEach(q -> assertTrue(q.couldRaiseTo().compareTo(a.urgency()) > 0, "a question that cannot raise: " + c));
        });
    }

    /** A patient with 1 to 8 distinct symptoms (at least one not absent: the API refuses all-absent) and up to 4 risk factors. */
    static TriageCase triageCase(Random random) {
        Patient patient = new Patient(random.nextDouble() < 0.3 ? null : random.nextInt(121),
                Seeds.orNull(random, 0.3, Sex.values()), Seeds.orNull(random, 0.5, true, false));
        List<Symptom> symptoms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int count = 1 + random.nextInt(8);
        while (symptoms.size() < count) {
            Symptom s = symptom(random);
            if (codes.add(s.getCode())) {
                symptoms.add(s);
            }
        }
        if (symptoms.stream().allMatch(Symptom::isAbsent)) {
            Symptom first = symptoms.get(0);
            symptoms.set(0, first.withStatus(SymptomStatus.PRESENT));
        }
        List<String> shuffled = new ArrayList<>(RISK_FACTORS);
        Collections.shuffle(shuffled, random);
        List<RiskFactor> factors = shuffled.subList(0, random.nextInt(5)).stream().map(RiskFactor::new).toList();
        return new TriageCase(patient, symptoms, factors);
    }

    /** A symptom of the catalog with a random status and, for each modifier the catalog lets it carry, a random answer or none. */
    static Symptom symptom(Random random) {
        SymptomDefinition definition = Rules.CATALOG.symptoms().get(random.nextInt(SYMPTOMS.size()));
        Symptom.Builder symptom = Symptom.builder(definition.code())
                .status(Seeds.orNull(random, 0.4, SymptomStatus.values()));
        for (String code : definition.modifiers()) {
            Modifier modifier = Modifier.byCode(code).orElseThrow();
            if (random.nextDouble() < 0.4) {
                continue; // not answered: unknown
            }
            List<String> choices = modifier.choices();
            symptom.set(modifier, switch (modifier.kind()) {
                case CHOICE -> modifier.choice(choices.get(random.nextInt(choices.size()))).orElseThrow();
                case CHOICES -> {
                    List<Object> some = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) { // none at all too: an empty list is "not answered"
                        some.add(modifier.choice(choices.get(random.nextInt(choices.size()))).orElseThrow());
                    }
                    yield some;
                }
                case DECIMAL -> HOURS.get(random.nextInt(HOURS.size()));
                case BOOLEAN -> random.nextBoolean();
            });
        }
        return symptom.build();
    }
}
