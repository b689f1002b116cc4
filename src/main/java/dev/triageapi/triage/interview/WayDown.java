package dev.triageapi.triage.interview;

import dev.triageapi.triage.engine.Probe;
import dev.triageapi.triage.engine.Prober;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Answering.Option;
import dev.triageapi.triage.interview.Answering.Outcome;
import dev.triageapi.vocabulary.Urgency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search for a lower level: the open questions answered benignly together, and the answers that reach it. */
final class WayDown {

    /** Details with at most this many answers are also tried in pairs; more would cost an evaluation per product. */
    private static final int PAIRED_OPTIONS = 3;

    private final InterviewPlan plan;
    private final Answering answering;
    private final Candidates candidates;

    WayDown(InterviewPlan plan, Answering answering, Candidates candidates) {
        this.plan = plan;
        this.answering = answering;
        this.candidates = candidates;
    }

    /** The lowest level found and the answers that reach it. */
    record Joint(Map<Question, String> answers, Urgency level) {
    }

    /**
     * The lowest level the open questions can reach together, and the answers that reach it: every open question given
     * its benign answer, then, for each modifier with no single benign answer (what brought it on, how long ago), each
     * of its answers tried for all its open questions at once, keeping the one that lowers the level most. Trying one
     * answer for all of them at once finds what trying them one at a time cannot: two complaints that each keep the
     * level up until both are answered. A modifier none of whose questions the rules read when they evaluated the best
     * case so far is not tried: no answer to it can change that level. An open age has no benign answer either, and a
     * self-care pathway needs both an age in its range and, often, what brought the complaint on: the search is made
     * again at each age the plan tries ({@link InterviewPlan#loweringAges()}), and the lowest found is kept.
     */
    Joint lowest(TriageCase c, Urgency current, List<Question> open, Prober prober) {
        Map<Question, String> benign = new LinkedHashMap<>();
        for (Question q : open) {
            // A symptom or risk factor left unsaid already counts as not there for every rule; only a self-care screen
            // needs to hear "no" said. Leaving the others out keeps the case small (its size drives the cost).
            if (!q.subject().reportsPresence() || candidates.screened(q)) {
                plan.benignAnswer(q).ifPresent(answer -> benign.put(q, answer));
            }
        }
        Map<Question, String> chosen = new LinkedHashMap<>(benign);
        Probe best = eachDetail(c, open, chosen, prober.level(answered(c, chosen), current), prober);
        Question age = open.stream().filter(q -> q.subject() == Question.Subject.AGE).findFirst().orElse(null);
        for (int years : age == null ? List.<Integer>of() : plan.loweringAges()) {
            if (best.urgency() == Urgency.SELF_CARE) {
                break;
            }
            Map<Question, String> trial = new LinkedHashMap<>(benign);
            trial.put(age, String.valueOf(years));
            Probe found = eachDetail(c, open, trial, prober.level(answered(c, trial), current), prober);
            if (found.lowerThan(best)) {
                best = found;
                chosen = trial;
            }
        }
        if (best.urgency().compareTo(current) >= 0) {
            best = pairs(c, open, chosen, best, prober); // only when nothing else found a way down: pairs cost a product
        }
        return new Joint(chosen, best.urgency());
    }

    /**
     * From the case of {@code chosen} (whose probe is {@code best}), each modifier with no single benign answer tried
     * answer by answer for all its open questions at once; the answers that lower the level are kept in {@code chosen}.
     */
    private Probe eachDetail(TriageCase c, List<Question> open, Map<Question, String> chosen, Probe best, Prober prober) {
        for (String modifier : plan.triedEach()) {
            List<Question> group = open.stream().filter(q -> plan.triesEach(q) && q.modifier().code().equals(modifier)).toList();
            Probe unchanged = best;
            if (group.stream().noneMatch(q -> unchanged.read().read(q.symptom(), q.modifier()))) {
                continue;
            }
            Map<Question, String> kept = null;
            // The best case so far is tried already: a trial it or an earlier trial asks alike about lowers nothing more.
            Tried tried = new Tried(group).with(answered(c, chosen), best);
            for (Option option : answering.options(group.get(0))) {
                Map<Question, String> trial = new LinkedHashMap<>(chosen);
                group.forEach(q -> trial.put(q, option.code()));
                TriageCase x = answered(c, trial);
                if (tried.alike(x) != null) {
                    continue;
                }
                Probe p = prober.level(x, best.urgency());
                tried.with(x, p);
                if (p.lowerThan(best)) {
                    best = p;
                    kept = trial;
                }
            }
            if (kept != null) {
                chosen.clear();
                chosen.putAll(kept);
            }
        }
        return best;
    }

    /**
     * Two details of one symptom that lower the level only together (a sudden severe headache is familiar only when it
     * has a known trigger and keeps coming back: each answer alone leaves a red flag). For each symptom, every pair of
     * its open details with few answers each (yes or no, a handful of choices), one of which the rules read, is tried
     * in all combinations; the pair that lowers the level most is kept in {@code chosen}.
     */
    private Probe pairs(TriageCase c, List<Question> open, Map<Question, String> chosen, Probe best,
                        Prober prober) {
        List<Question> small = open.stream().filter(q -> plan.triesEach(q)
                && answering.options(q).size() <= PAIRED_OPTIONS).toList();
        // Every pair is tried on the case of chosen, which changes only once all pairs are tried: what that case's
        // evaluation read decides which pairs and trials are alike, not the probe of a pair that lowered it since.
        TriageCase start = answered(c, chosen);
        Probe atStart = best;
        Map<Question, String> kept = null;
        for (int i = 0; i < small.size(); i++) {
            for (int j = i + 1; j < small.size(); j++) {
                Question a = small.get(i);
                Question b = small.get(j);
                // One of the two read is enough: the rules may read the second only once the first is answered ("gone
                // again" and then "does it keep coming back?").
                if (!a.symptom().equals(b.symptom())
                        || !atStart.read().read(a.symptom(), a.modifier()) && !atStart.read().read(b.symptom(), b.modifier())) {
                    continue;
                }
                Tried tried = new Tried(List.of(a, b)).with(start, atStart);
                for (Option oa : answering.options(a)) {
                    for (Option ob : answering.options(b)) {
                        Map<Question, String> trial = new LinkedHashMap<>(chosen);
                        trial.put(a, oa.code());
                        trial.put(b, ob.code());
                        TriageCase x = answered(c, trial);
                        if (tried.alike(x) != null) {
                            continue;
                        }
                        Probe p = prober.level(x, best.urgency());
                        tried.with(x, p);
                        if (p.urgency().compareTo(best.urgency()) < 0) {
                            best = p;
                            kept = trial;
                        }
                    }
                }
            }
        }
        if (kept != null) {
            chosen.clear();
            chosen.putAll(kept);
        }
        return best;
    }

    /** The case with each of these answers given; an answer the case refuses is left out (and dropped from the map). */
    private TriageCase answered(TriageCase c, Map<Question, String> answers) {
        TriageCase out = c;
        for (var it = answers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Question, String> e = it.next();
            Outcome given = answering.answer(out, e.getKey(), e.getValue());
            if (given.refusal() == null) {
                out = given.triageCase();
            } else {
                it.remove();
            }
        }
        return out;
    }
}
