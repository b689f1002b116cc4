package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;
import dev.triageapi.vocabulary.Urgency;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the interview takes a rule set to do, checked on one case by evaluating every rule. The interview skips
 * questions on the strength of these, so rules that break one would leave unasked a question that could raise the
 * level:
 * <ul>
 *   <li>reporting an open symptom, risk factor or pregnancy never lowers the level, nor does answering it "I don't
 *   know", nor does turning a denial into "I don't know";</li>
 *   <li>an open symptom at its most alarming never gets less than with its details unknown;</li>
 *   <li>every open presence reported together gets at least what any one does, and so do the open risk factors.</li>
 * </ul>
 * The bundled rules are tested for these on random cases; a clinic's rules are held to them on the vignettes before
 * they serve.
 */
public final class InterviewPremises {

    private static final String UNANSWERED = ": turning its \"no\" into \"I don't know\" lowers ";

    private final TriageEngine engine;
    private final Answering answering;
    private final Candidates candidates;
    private final WayUp wayUp;

    public InterviewPremises(Catalog catalog, InterviewPlan plan, TriageEngine engine) {
        this.engine = engine;
        this.answering = new Answering(catalog, plan);
        this.candidates = new Candidates(catalog, plan, answering);
        this.wayUp = new WayUp(plan, answering);
    }

    /** Each premise the rules break on this case, one line each; empty when they keep them all. */
    public List<String> broken(RuleSet rules, TriageCase c) {
        Function<TriageCase, Probe> probe = x -> engine.probeOnEveryRule(rules, x);
        Urgency start = probe.apply(c).urgency();
        List<String> out = new ArrayList<>();
        List<Question> open = candidates.of(c, Set.of());
        Urgency anyAlone = start;
        Urgency anyRisk = start;
        for (Question q : open) {
            if (!q.subject().reportsPresence()) {
                continue;
            }
            Outcome yes = answering.answer(c, q, q.subject() == Question.Subject.PREGNANCY ? Pregnancy.PREGNANT.code() : Answering.YES);
            if (yes.refusal() != null) {
                continue;
            }
            Urgency plain = probe.apply(yes.triageCase()).urgency();
            if (plain.compareTo(start) < 0) {
                out.add(q.id() + ": reporting it lowers " + start.code() + " to " + plain.code());
            }
            // "I don't know" of a risk factor or a pregnancy changes no fact; of a symptom it adds one of unknown status.
            Outcome dontKnow = answering.answer(c, q, Answering.UNKNOWN);
            Urgency unknown = dontKnow.refusal() == null && !dontKnow.triageCase().equals(c)
                    ? probe.apply(dontKnow.triageCase()).urgency() : start;
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
            }
            anyAlone = max(anyAlone, alone);
            if (q.subject() == Question.Subject.RISK_FACTOR) {
                anyRisk = max(anyRisk, alone);
            }
        }
        if (anyAlone.compareTo(start) > 0) {
            Urgency together = wayUp.allPresent(c, open, probe);
            if (together.compareTo(anyAlone) < 0) {
                out.add("every open symptom, risk factor and pregnancy reported together gets " + together.code()
                        + ", less than " + anyAlone.code() + ", which one of them gets alone");
            }
        }
        if (anyRisk.compareTo(start) > 0 && !wayUp.riskFactorsCanRaise(c, open, start, probe).getAsBoolean()) {
            out.add("every open risk factor reported together stays at " + start.code() + ", where one of them alone gets "
                    + anyRisk.code());
        }
        unanswered(c, start, probe, out);
        return out;
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
