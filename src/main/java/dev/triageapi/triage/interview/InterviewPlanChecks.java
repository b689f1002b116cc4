package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.triage.facts.Hours;
import dev.triageapi.triage.interview.InterviewPlan.Complaint;
import dev.triageapi.triage.interview.InterviewPlan.Duration;
import dev.triageapi.vocabulary.Modifier;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.triageapi.triage.interview.InterviewPlan.RESOURCE;

/** The checks the interview plan passes when it is read, against the catalog and the rules' durations. */
final class InterviewPlanChecks {

    /** The complaints by symptom code, each naming known symptoms, risk factors with a question and pathways, with a source. */
    static Map<String, Complaint> complaints(List<Complaint> complaints, Catalog catalog) {
        Map<String, Complaint> byCode = new LinkedHashMap<>();
        for (Complaint complaint : complaints) {
            String where = "complaint " + complaint.symptom() + " in " + RESOURCE;
            if (catalog.symptom(complaint.symptom()).isEmpty()) {
                throw new IllegalStateException(where + ": no such symptom");
            }
            if (complaint.source() == null || complaint.source().isBlank()) {
                throw new IllegalStateException(where + ": no source");
            }
            complaint.symptoms().stream().filter(code -> catalog.symptom(code).isEmpty() || code.equals(complaint.symptom()))
                    .findAny().ifPresent(code -> {
                        throw new IllegalStateException(where + ": asks about an unknown symptom, or itself: " + code);
                    });
            complaint.riskFactors().stream().filter(code -> catalog.riskFactor(code).map(RiskFactorDefinition::question).isEmpty())
                    .findAny().ifPresent(code -> {
                        throw new IllegalStateException(where + ": asks about a risk factor the catalog has no question for: " + code);
                    });
            complaint.selfCare().stream().filter(code -> catalog.selfCarePathway(code).isEmpty()).findAny().ifPresent(code -> {
                throw new IllegalStateException(where + ": no such self-care pathway: " + code);
            });
            if (byCode.put(complaint.symptom(), complaint) != null) {
                throw new IllegalStateException(where + ": listed twice");
            }
        }
        return Map.copyOf(byCode);
    }

    /**
     * Each key must be a modifier code (or, for the way down, a subject) and each answer one the question takes: a typo
     * would otherwise weaken a bound in silence.
     */
    static void answers(List<Duration> durations, String where, Map<String, String> answers, boolean subjects) {
        Set<String> subjectKeys = Set.of("symptom", "riskFactor", "pregnancy", "underTreatment");
        answers.forEach((key, answer) -> {
            Optional<Modifier> modifier = Modifier.byCode(key);
            boolean ok;
            if (modifier.isPresent()) {
                ok = switch (modifier.get().kind()) {
                    case BOOLEAN -> answer.equals("yes") || answer.equals("no");
                    case DECIMAL -> durations.stream().anyMatch(d -> d.code().equals(answer));
                    case CHOICE, CHOICES -> modifier.get().choice(answer).isPresent();
                };
            } else {
                ok = subjects && subjectKeys.contains(key) && (answer.equals("no") || answer.equals("not_pregnant"));
            }
            if (!ok) {
                throw new IllegalStateException(RESOURCE + ": " + where + ".answers has " + key + "=" + answer
                        + ", which is no answer that question takes");
            }
        });
    }

    /**
     * The middle of each range (twice the last bound for the open one). A rule compares hours with a duration of
     * {@link Hours}; each such duration must be a range's bound, or two answers to the same question could differ
     * by a rule the range hides.
     */
    static double[] representatives(List<Duration> durations) {
        if (durations.isEmpty() || durations.get(durations.size() - 1).upToHours() != null) {
            throw new IllegalStateException("the last duration of " + RESOURCE + " must be open-ended");
        }
        Set<Double> bounds = new TreeSet<>();
        double[] out = new double[durations.size()];
        double previous = 0;
        for (int i = 0; i < durations.size(); i++) {
            Double upTo = durations.get(i).upToHours();
            if (upTo != null && upTo <= previous) {
                throw new IllegalStateException("durations of " + RESOURCE + " must grow: " + durations.get(i).code());
            }
            out[i] = upTo == null ? previous * 2 : (previous + upTo) / 2;
            if (upTo != null) {
                bounds.add(upTo);
                previous = upTo;
            }
        }
        for (Field field : Hours.class.getFields()) {
            if (field.getType() == double.class) { // Hours holds constants only
                double hours = readHours(field);
                if (!bounds.contains(hours)) {
                    throw new IllegalStateException("Hours." + field.getName() + " (" + hours + ") is no bound of the durations in "
                            + RESOURCE + ": two answers in one range could fall either side of a rule");
                }
            }
        }
        return out;
    }

    private static double readHours(Field field) {
        try {
            return field.getDouble(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> minus(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return Set.copyOf(out);
    }

    private InterviewPlanChecks() {
    }

    /** Refuses a plan with no age to probe, or an age to probe or to search a lower level at outside 0 to 120. */
    static void ages(List<Integer> probes, List<Integer> lowering) {
        if (probes.isEmpty() || Stream.concat(probes.stream(), lowering.stream()).anyMatch(a -> a < 0 || a > 120)) {
            throw new IllegalStateException(RESOURCE + ": ages.probes and lowering.ages must be ages from 0 to 120");
        }
    }
}
