package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Option;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the interview takes a rule set to do, checked on one case by evaluating it: the case and the worst forms on
 * every rule, the other what-ifs on the rules that can decide them, as the interview's own are. The interview skips
 * questions and answers on the strength of these, so rules that break one would leave unasked a question that could
 * raise the level (or, for an age, lower it, and the interview would call itself complete too early):
 * <ul>
 *   <li>reporting an open symptom, risk factor or pregnancy never lowers the level, nor does answering it "I don't
 *   know", nor does turning a denial into "I don't know";</li>
 *   <li>the reporting answer it tries gets the most: no other answer of a presence question ("no", "I don't know",
 *   "postpartum") gets more than "yes" or "pregnant";</li>
 *   <li>an open symptom at its most alarming gets at least what it gets with its details unknown, or with any one of
 *   its details answered otherwise; brought on by an exposure of the whole episode ({@link InterviewPlan#exposures()}),
 *   it gets at most what every open symptom so brought on gets together;</li>
 *   <li>every open presence reported together gets at least what any one does, and so do the open risk factors;</li>
 *   <li>where the age is not given, every age of a band of the plan's gets what the age tried for the band gets.</li>
 * </ul>
 * The bundled rules are tested for these on random cases; a clinic's rules are held to them on the vignettes before
 * they serve. A case is a sample: what holds on the vignettes may not hold on every case an interview reaches.
 */
public final class InterviewPremises {

    private static final String UNANSWERED = ": turning its \"no\" into \"I don't know\" lowers ";

    private final Catalog catalog;
    private final TriageEngine engine;
    private final Answering answering;
    private final Candidates candidates;
    private final WayUp wayUp;

    public InterviewPremises(Catalog catalog, InterviewPlan plan, TriageEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
        this.answering = new Answering(catalog, plan);
        this.candidates = new Candidates(catalog, plan, answering);
        this.wayUp = new WayUp(plan, answering);
    }

    /** Each premise the rules break on this case, one line each; empty when they keep them all. */
    public List<String> broken(RuleSet rules, TriageCase c) {
        // The what-ifs the interview makes: a level expected on the rules that can conclude it or a higher one (exact),
        // whether a case rises above a level on those that can conclude a higher one.
        Prober prober = engine.prober(rules);
        Function<TriageCase, Probe> probe = x -> engine.probeOnEveryRule(rules, x);
        Urgency start = probe.apply(c).urgency();
        Function<TriageCase, Probe> atStart = x -> prober.level(x, start);
        List<String> out = new ArrayList<>();
        List<Question> open = candidates.of(c, Set.of());
        Urgency anyAlone = start;
        Urgency anyRisk = start;
        Map<String, Urgency> exposed = new HashMap<>();
        Function<String, Urgency> allExposed = e -> exposed.computeIfAbsent(e, x -> exposedTogether(c, open, x, probe));
        for (Question q : open) {
            if (!q.subject().reportsPresence()) {
                continue;
            }
            Outcome yes = answering.answer(c, q, q.subject() == Question.Subject.PREGNANCY ? Pregnancy.PREGNANT.code() : Answering.YES);
            if (yes.refusal() != null) {
                continue;
            }
            Urgency plain = atStart.apply(yes.triageCase()).urgency();
            if (plain.compareTo(start) < 0) {
                out.add(q.id() + ": reporting it lowers " + start.code() + " to " + plain.code());
            }
            // "I don't know" of a risk factor or a pregnancy changes no fact; of a symptom it adds one of unknown status.
            Outcome dontKnow = answering.answer(c, q, Answering.UNKNOWN);
            Urgency unknown = dontKnow.refusal() == null && !dontKnow.triageCase().equals(c)
                    ? atStart.apply(dontKnow.triageCase()).urgency() : start;
            if (unknown.compareTo(start) < 0) {
                out.add(q.id() + ": answering \"I don't know\" lowers " + start.code() + " to " + unknown.code());
            }
            Urgency alone = plain;
            if (q.subject() == Question.Subject.SYMPTOM) {
                Urgency worst = wayUp.highestForm(yes.triageCase(), q.symptom(), probe);
                if (worst.compareTo(plain) < 0) {
                    out.add(q.id() + ": at its most alarming it gets " + worst.code() + ", less than " + plain.code()
                            + " with its details unknown");
                }
                alone = max(alone, worst);
                if (alone != Urgency.EMERGENCY_AMBULANCE) {
                    Urgency most = alone;
                    milderForms(yes.triageCase(), q.symptom(), most, probe, x -> prober.above(x, most).urgency(), allExposed, out);
                }
            }
            // The interview tries a presence question's reporting answer alone ("yes" at its most alarming, "pregnant"):
            // no other answer, "I don't know" included, may get more.
            if (unknown.compareTo(alone) > 0) {
                out.add(q.id() + ": answering " + Answering.UNKNOWN + " gets " + unknown.code() + ", more than " + alone.code()
                        + ", the most the interview tries it for");
            }
            for (Option other : answering.options(q)) {
                if (other.code().equals(Answering.YES) || other.code().equals(Pregnancy.PREGNANT.code())) {
                    continue;
                }
                Outcome given = answering.answer(c, q, other.code());
                Urgency most = alone;
                Urgency l = given.refusal() != null ? start : prober.above(given.triageCase(), most).urgency();
                if (l.compareTo(alone) > 0) {
                    out.add(q.id() + ": answering " + other.code() + " gets " + l.code() + ", more than " + alone.code()
                            + ", the most the interview tries it for");
                }
            }
            anyAlone = max(anyAlone, alone);
            if (q.subject() == Question.Subject.RISK_FACTOR) {
                anyRisk = max(anyRisk, alone);
            }
        }
        if (anyAlone.compareTo(start) > 0) {
            Urgency most = anyAlone;
            Urgency together = wayUp.allPresent(c, open, x -> prober.level(x, most));
            if (together.compareTo(anyAlone) < 0) {
                out.add("every open symptom, risk factor and pregnancy reported together gets " + together.code()
                        + ", less than " + anyAlone.code() + ", which one of them gets alone");
            }
        }
        if (anyRisk.compareTo(start) > 0 && !wayUp.riskFactorsCanRaise(c, open, start, x -> prober.above(x, start)).getAsBoolean()) {
            out.add("every open risk factor reported together stays at " + start.code() + ", where one of them alone gets "
                    + anyRisk.code());
        }
        unanswered(c, start, atStart, out);
        if (c.patient().getAge() == null) {
            ageBands(c, atStart, out);
        }
        return out;
    }

    /**
     * Where the case with its age left unknown breaks the premise of the age question: the age the interview tries for
     * a band of ages gets what every age of it gets. Asked of a sample of cases as well as of those without an age.
     */
    public List<String> brokenWithoutTheAge(RuleSet rules, TriageCase c) {
        Patient p = c.patient();
        TriageCase ageless = new TriageCase(new Patient(null, p.getSex(), p.getUnderTreatment(), p.getPregnancy()),
                c.symptoms(), c.riskFactors(), c.absentRiskFactors(), c.vitals(), c.labs());
        Prober prober = engine.prober(rules);
        Urgency start = engine.probeOnEveryRule(rules, ageless).urgency();
        List<String> out = new ArrayList<>();
        ageBands(ageless, x -> prober.level(x, start), out);
        return out;
    }

    /**
     * A symptom's most alarming form gets at least what it gets with any one of its details answered otherwise: the
     * interview judges an unmentioned symptom by its most alarming forms alone. Details the evaluation of that form did
     * not read, and answers it asked alike, give the same level and are not evaluated; the others are evaluated on the
     * rules that can conclude a higher level than the most alarming form's, all that can tell whether they get more.
     */
    private void milderForms(TriageCase reported, String symptom, Urgency alarming, Function<TriageCase, Probe> probe,
                             Function<TriageCase, Urgency> above, Function<String, Urgency> allExposed, List<String> out) {
        Map<String, String> worst = wayUp.plan().alarmingForms().get(0);
        TriageCase form = wayUp.inForm(reported, symptom, worst);
        Probe first = probe.apply(form);
        Symptom at = form.symptoms().get(Answering.indexOf(form, symptom));
        for (String code : catalog.symptom(symptom).orElseThrow().modifiers()) {
            Modifier modifier = Modifier.byCode(code).orElseThrow();
            if (!first.read().read(symptom, modifier)) {
                continue;
            }
            for (Option option : answering.options(Question.modifier(symptom, modifier))) {
                // An exposure is judged of every open symptom together: that must get at least what one so brought on does.
                boolean exposure = modifier == Modifier.TRIGGER && wayUp.plan().exposures().contains(option.code());
                Urgency credited = exposure ? max(alarming, allExposed.apply(option.code())) : alarming;
                Map<String, String> other = new HashMap<>(worst);
                other.put(code, option.code());
                TriageCase changed = wayUp.inForm(reported, symptom, other);
                Symptom then = changed.symptoms().get(Answering.indexOf(changed, symptom));
                if (!first.read().tellsApart(symptom, modifier, at.get(modifier), then.get(modifier))) {
                    continue;
                }
                Urgency l = above.apply(changed);
                if (l.compareTo(credited) > 0) {
                    out.add("symptom:" + symptom + ": with " + code + " " + option.code() + " it gets " + l.code()
                            + ", more than " + credited.code() + (exposure ? ", what every open symptom so brought on gets"
                            : " at its most alarming"));
                }
            }
        }
    }

    /**
     * The interview asks the age by evaluating one age of each band of the plan's ({@link InterviewPlan#ageProbes()}):
     * every age of a band must get what that one gets, or an age the rules set apart is never seen.
     */
    private void ageBands(TriageCase c, Function<TriageCase, Probe> probe, List<String> out) {
        List<Integer> probes = wayUp.plan().ageProbes().stream().sorted().toList();
        Urgency asked = null;
        int band = -1;
        for (int age = probes.get(0); age <= MAX_AGE; age++) {
            Outcome given = answering.answer(c, Question.age(), String.valueOf(age));
            if (given.refusal() != null) {
                continue;
            }
            Urgency l = probe.apply(given.triageCase()).urgency();
            if (probes.contains(age)) {
                band = age;
                asked = l;
            } else if (l != asked) {
                out.add("age: at " + age + " it gets " + l.code() + ", at " + band + ", the age the interview tries for "
                        + band + " to " + nextProbe(probes, band) + ", " + asked.code());
                while (age + 1 <= MAX_AGE && !probes.contains(age + 1)) {
                    age++; // one line a band
                }
            }
        }
    }

    /** The oldest age a patient is asked about: the contract's limit. */
    private static final int MAX_AGE = 120;

    private static String nextProbe(List<Integer> probes, int band) {
        return probes.stream().filter(p -> p > band).findFirst().map(p -> String.valueOf(p - 1)).orElse(String.valueOf(MAX_AGE));
    }

    /** Every open symptom reported in its first worst form and brought on by the exposure, together. */
    private Urgency exposedTogether(TriageCase c, List<Question> open, String exposure, Function<TriageCase, Probe> probe) {
        Map<String, String> form = new HashMap<>(wayUp.plan().alarmingForms().get(0));
        form.put(Modifier.TRIGGER.code(), exposure);
        TriageCase all = c;
        for (Question q : open) {
            if (q.subject() == Question.Subject.SYMPTOM) {
                Outcome yes = answering.answer(all, q, Answering.YES);
                if (yes.refusal() == null) {
                    all = wayUp.inForm(yes.triageCase(), q.symptom(), form);
                }
            }
        }
        return probe.apply(all).urgency();
    }

    /** Unknown is never "no": a denied symptom or risk factor turned to unknown never lowers the level. */
    private static void unanswered(TriageCase c, Urgency start, Function<TriageCase, Probe> probe, List<String> out) {
        for (int i = 0; i < c.symptoms().size(); i++) {
            Symptom s = c.symptoms().get(i);
            if (s.getStatus() != SymptomStatus.ABSENT) {
                continue;
            }
            List<Symptom> symptoms = new ArrayList<>(c.symptoms());
            symptoms.set(i, s.withStatus(SymptomStatus.UNKNOWN));
            Urgency l = probe.apply(c.withSymptoms(symptoms)).urgency();
            if (l.compareTo(start) < 0) {
                out.add("symptom:" + s.getCode() + UNANSWERED + start.code() + " to " + l.code());
            }
        }
        for (RiskFactorAbsent denied : c.absentRiskFactors()) {
            List<RiskFactorAbsent> rest = c.absentRiskFactors().stream().filter(r -> r != denied).toList();
            Urgency l = probe.apply(new TriageCase(c.patient(), c.symptoms(), c.riskFactors(), rest, c.vitals(), c.labs())).urgency();
            if (l.compareTo(start) < 0) {
                out.add("riskFactor:" + denied.code() + UNANSWERED + start.code() + " to " + l.code());
            }
        }
    }

    private static Urgency max(Urgency a, Urgency b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
