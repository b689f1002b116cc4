package dev.triageapi.triage.interview;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.facts.Patient;
import dev.triageapi.triage.facts.RiskFactor;
import dev.triageapi.triage.facts.RiskFactorAbsent;
import dev.triageapi.triage.facts.Symptom;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.SymptomStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer options of each question and what an answer does to a case: the one place that turns "yes", "sudden" or
 * "1_to_3_days" into facts, used alike for answers a client posts and for the what-ifs that verify a question.
 * "I don't know" ({@value #UNKNOWN}) is an answer to every question and changes no fact (a symptom answered so is
 * recorded as unknown, which the rules never read as "no").
 */
public final class Answering {

    /** The answer every question takes: the patient does not know. */
    public static final String UNKNOWN = "unknown";
    static final String YES = "yes";
    static final String NO = "no";

    /** One answer a question takes, as posted and as shown. */
    public record Option(String code, String label) {
    }

    /**
     * A case with an answer given, or why the answer cannot be given: the key of the words that say so (a
     * {@code field.*} key of the problem words) and their arguments.
     */
    public record Outcome(TriageCase triageCase, String refusal, List<Object> arguments) {
        Outcome(TriageCase triageCase, String refusal) {
            this(triageCase, refusal, List.of());
        }

        static Outcome refused(String key, Object... arguments) {
            return new Outcome(null, key, Arrays.asList(arguments));
        }
    }

    private final Catalog catalog;
    private final InterviewPlan plan;

    public Answering(Catalog catalog, InterviewPlan plan) {
        this.catalog = catalog;
        this.plan = plan;
    }

    /** The answers a question takes besides {@value #UNKNOWN}; empty for age, which takes a number of years. */
    public List<Option> options(Question q) {
        return switch (q.subject()) {
            case SYMPTOM, RISK_FACTOR, UNDER_TREATMENT -> yesNo();
            case PREGNANCY -> List.of(new Option(Pregnancy.PREGNANT.code(), plan.text("pregnant")),
                    new Option(Pregnancy.POSTPARTUM.code(), plan.text("postpartum")),
                    new Option(Pregnancy.NOT_PREGNANT.code(), plan.text("not_pregnant")));
            case AGE -> List.of();
            case MODIFIER -> switch (q.modifier().kind()) {
                case BOOLEAN -> yesNo();
                case DECIMAL -> plan.durations().stream().map(d -> new Option(d.code(), d.label())).toList();
                case CHOICE, CHOICES -> catalog.modifier(q.modifier()).values().stream()
                        .map(v -> new Option(v.code(), v.label())).toList();
            };
        };
    }

    /** The question as the patient reads it, in the catalog's words. */
    public String text(Question q) {
        return switch (q.subject()) {
            case SYMPTOM -> catalog.symptom(q.symptom()).map(SymptomDefinition::question).orElseThrow();
            case RISK_FACTOR -> catalog.riskFactor(q.riskFactor()).map(r -> r.question()).orElseThrow();
            case PREGNANCY -> plan.text("pregnancy");
            case UNDER_TREATMENT -> plan.text("underTreatment");
            case AGE -> plan.text("age");
            case MODIFIER -> plan.text("modifierQuestion")
                    .replace("{symptom}", catalog.symptom(q.symptom()).map(d -> d.label().toLowerCase(Locale.ROOT)).orElseThrow())
                    .replace("{question}", catalog.modifier(q.modifier()).question());
        };
    }

    /** The options to show: those of {@link #options}, then "I don't know". */
    public List<Option> optionsWithUnknown(Question q) {
        List<Option> out = new ArrayList<>(options(q));
        out.add(unknownOption());
        return List.copyOf(out);
    }

    /** The "I don't know" option every question ends with. */
    private Option unknownOption() {
        return new Option(UNKNOWN, plan.text("unknown"));
    }

    private List<Option> yesNo() {
        return List.of(new Option(YES, plan.text("yes")), new Option(NO, plan.text("no")));
    }

    /** The case with the answer given; refused when the answer is not one the question takes or contradicts the case. */
    public Outcome answer(TriageCase c, Question q, String answer) {
        if (answer == null) {
            return Outcome.refused("field.answer-required");
        }
        return switch (q.subject()) {
            case SYMPTOM -> symptom(c, q.symptom(), answer);
            case MODIFIER -> modifier(c, q, answer);
            case RISK_FACTOR -> riskFactor(c, q.riskFactor(), answer);
            case PREGNANCY -> pregnancy(c, answer);
            case UNDER_TREATMENT -> underTreatment(c, answer);
            case AGE -> age(c, answer);
        };
    }

    private Outcome symptom(TriageCase c, String code, String answer) {
        if (catalog.symptom(code).isEmpty()) {
            return Outcome.refused("field.no-such-symptom");
        }
        SymptomStatus status = switch (answer) {
            case YES -> SymptomStatus.PRESENT;
            case NO -> SymptomStatus.ABSENT;
            case UNKNOWN -> SymptomStatus.UNKNOWN;
            default -> null;
        };
        if (status == null) {
            return Outcome.refused("field.takes-one-of", takes(yesNo()));
        }
        List<Symptom> symptoms = new ArrayList<>(c.symptoms());
        for (int i = 0; i < symptoms.size(); i++) {
            Symptom s = symptoms.get(i);
            if (!s.getCode().equals(code)) {
                continue;
            }
            if (s.getStatus() == status || status == SymptomStatus.UNKNOWN) {
                return new Outcome(c, null);
            }
            if (s.getStatus() != SymptomStatus.UNKNOWN) {
                return Outcome.refused("field.symptom-already", s.getStatus().code());
            }
            symptoms.set(i, s.withStatus(status));
            return new Outcome(c.withSymptoms(symptoms), null);
        }
        symptoms.add(Symptom.builder(code).status(status).build());
        return new Outcome(c.withSymptoms(symptoms), null);
    }

    private Outcome modifier(TriageCase c, Question q, String answer) {
        SymptomDefinition definition = catalog.symptom(q.symptom()).orElse(null);
        if (definition == null || !definition.modifiers().contains(q.modifier().code())) {
            return Outcome.refused("field.symptom-takes-no", q.symptom(), q.modifier().code());
        }
        int at = indexOf(c, q.symptom());
        if (at < 0 || c.symptoms().get(at).getStatus() == SymptomStatus.ABSENT) {
            return Outcome.refused("field.symptom-not-reported", q.symptom());
        }
        if (UNKNOWN.equals(answer)) {
            return new Outcome(c, null);
        }
        Object value = value(q.modifier(), answer).orElse(null);
        if (value == null) {
            return Outcome.refused("field.takes-one-of", takes(options(q)));
        }
        Symptom symptom = c.symptoms().get(at);
        Object given = symptom.get(q.modifier());
        if (q.modifier().kind() != Modifier.Kind.CHOICES && given != null) {
            // A duration is answered as a range: the hours the request gives agree with the range they fall in.
            boolean same = q.modifier().kind() == Modifier.Kind.DECIMAL
                    ? plan.durationOf((Double) given).code().equals(answer) : given.equals(value);
            return same ? new Outcome(c, null)
                    : Outcome.refused("field.symptom-other-value", q.modifier().code());
        }
        List<Symptom> symptoms = new ArrayList<>(c.symptoms());
        symptoms.set(at, symptom.with(q.modifier(), value));
        return new Outcome(c.withSymptoms(symptoms), null);
    }

    private Optional<Object> value(Modifier modifier, String answer) {
        return switch (modifier.kind()) {
            case BOOLEAN -> Optional.ofNullable(YES.equals(answer) ? Boolean.TRUE : NO.equals(answer) ? Boolean.FALSE : null);
            case DECIMAL -> plan.hours(answer).map(Object.class::cast);
            case CHOICE -> modifier.choice(answer);
            case CHOICES -> modifier.choice(answer).map(List::of);
        };
    }

    private Outcome riskFactor(TriageCase c, String code, String answer) {
        if (!catalog.isRiskFactor(code)) {
            return Outcome.refused("field.no-such-risk-factor");
        }
        boolean present = c.riskFactors().stream().anyMatch(r -> r.getCode().equals(code));
        boolean absent = c.absentRiskFactors().stream().anyMatch(r -> r.getCode().equals(code));
        switch (answer) {
            case UNKNOWN -> {
                return new Outcome(c, null);
            }
            case YES -> {
                if (absent) {
                    return Outcome.refused("field.risk-factor-in-absent");
                }
                if (present) {
                    return new Outcome(c, null);
                }
                List<RiskFactor> more = new ArrayList<>(c.riskFactors());
                more.add(new RiskFactor(code));
                return new Outcome(new TriageCase(c.patient(), c.symptoms(), more, c.absentRiskFactors(), c.vitals(), c.labs()), null);
            }
            case NO -> {
                if (present) {
                    return Outcome.refused("field.risk-factor-in-present");
                }
                if (absent) {
                    return new Outcome(c, null);
                }
                List<RiskFactorAbsent> more = new ArrayList<>(c.absentRiskFactors());
                more.add(new RiskFactorAbsent(code));
                return new Outcome(new TriageCase(c.patient(), c.symptoms(), c.riskFactors(), more, c.vitals(), c.labs()), null);
            }
            default -> {
                return Outcome.refused("field.takes-one-of", takes(yesNo()));
            }
        }
    }

    private Outcome pregnancy(TriageCase c, String answer) {
        if (UNKNOWN.equals(answer)) {
            return new Outcome(c, null);
        }
        Pregnancy value = null;
        for (Pregnancy p : Pregnancy.values()) {
            if (p.code().equals(answer)) {
                value = p;
            }
        }
        if (value == null) {
            return Outcome.refused("field.takes-one-of", takes(options(Question.pregnancy())));
        }
        Patient p = c.patient();
        if (p.getPregnancy() != null) {
            return p.getPregnancy() == value ? new Outcome(c, null) : Outcome.refused("field.other-pregnancy");
        }
        return new Outcome(with(c, new Patient(p.getAge(), p.getSex(), p.getUnderTreatment(), value)), null);
    }

    private Outcome underTreatment(TriageCase c, String answer) {
        if (UNKNOWN.equals(answer)) {
            return new Outcome(c, null);
        }
        Boolean value = YES.equals(answer) ? Boolean.TRUE : NO.equals(answer) ? Boolean.FALSE : null;
        if (value == null) {
            return Outcome.refused("field.takes-one-of", takes(yesNo()));
        }
        Patient p = c.patient();
        if (p.getUnderTreatment() != null) {
            return p.getUnderTreatment().equals(value) ? new Outcome(c, null)
                    : Outcome.refused("field.other-under-treatment");
        }
        return new Outcome(with(c, new Patient(p.getAge(), p.getSex(), value, p.getPregnancy())), null);
    }

    private Outcome age(TriageCase c, String answer) {
        if (UNKNOWN.equals(answer)) {
            return new Outcome(c, null);
        }
        Integer years = answer.matches("[0-9]{1,3}") ? Integer.valueOf(answer) : null;
        if (years == null || years > 120) {
            return Outcome.refused("field.age-answer");
        }
        Patient p = c.patient();
        if (p.getAge() != null) {
            return p.getAge().equals(years) ? new Outcome(c, null) : Outcome.refused("field.other-age");
        }
        return new Outcome(with(c, new Patient(years, p.getSex(), p.getUnderTreatment(), p.getPregnancy())), null);
    }

    private static TriageCase with(TriageCase c, Patient patient) {
        return new TriageCase(patient, c.symptoms(), c.riskFactors(), c.absentRiskFactors(), c.vitals(), c.labs());
    }

    static int indexOf(TriageCase c, String code) {
        for (int i = 0; i < c.symptoms().size(); i++) {
            if (Objects.equals(c.symptoms().get(i).getCode(), code)) {
                return i;
            }
        }
        return -1;
    }

    private static String takes(List<Option> options) {
        List<String> codes = new ArrayList<>(options.stream().map(Option::code).toList());
        codes.add(UNKNOWN);
        return String.join(", ", codes);
    }
}
