package dev.triageapi.triage.interview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.Translations;
import dev.triageapi.vocabulary.Modifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which questions each presenting complaint opens ({@code catalog/interview.json}), with the words the interview
 * needs, checked against the catalog and the rules' durations when read: a code it names must exist, a risk factor it
 * asks about must have a question, and no duration a rule compares with may fall inside one answer's range.
 */
public final class InterviewPlan {

    static final String RESOURCE = "catalog/interview.json";
    private static final Set<String> TEXTS = Set.of("yes", "no", "unknown", "modifierQuestion", "pregnancy", "pregnant",
            "postpartum", "not_pregnant", "underTreatment", "age");

    /**
     * What one complaint opens, beyond its own modifiers: symptoms and risk factors, red flags first, and the self-care
     * pathways it may turn out to be, whose screens are asked too.
     */
    public record Complaint(String symptom, String source, List<String> symptoms, List<String> riskFactors,
                            boolean pregnancy, boolean underTreatment, List<String> selfCare) {
        public Complaint {
            symptoms = List.copyOf(symptoms);
            riskFactors = List.copyOf(riskFactors);
            selfCare = selfCare == null ? List.of() : List.copyOf(selfCare);
        }
    }

    /** An answer to "how long ago did it start?": up to {@code upToHours} (inclusive), above the previous one's. */
    public record Duration(String code, String label, Double upToHours) {
    }

    /** The ages at which pregnancy is asked about. */
    public record PregnancyAges(int fromAge, int toAge, String source) {
    }

    /** The ages at which the rules differ, one per band: asking the age is verified by evaluating each. */
    public record Ages(List<Integer> probes, String source) {
        public Ages {
            probes = List.copyOf(probes);
        }
    }

    /**
     * How a lower level is sought: the answer taken as the benign one, by subject ({@code symptom}, {@code riskFactor},
     * {@code pregnancy}, {@code underTreatment}) or by modifier code, the modifiers with no single benign answer, each
     * of whose answers is tried, and the ages at which the search is made again when the age is not known.
     */
    public record Lowering(Map<String, String> answers, List<String> tryEach, List<Integer> ages, String source) {
        public Lowering {
            answers = Map.copyOf(answers);
            tryEach = List.copyOf(tryEach);
            ages = ages == null ? List.of() : List.copyOf(ages);
        }
    }

    /** The answers, by modifier code, that describe a symptom at its most alarming, to judge whether to ask about it. */
    public record Raising(Map<String, String> answers, List<Map<String, String>> alternatives, List<SymptomForm> bySymptom,
                          List<String> exposures, String exposuresSource, String source) {
        public Raising {
            answers = Map.copyOf(answers);
            alternatives = alternatives == null ? List.of() : alternatives.stream().map(Map::copyOf).toList();
            bySymptom = bySymptom == null ? List.of() : List.copyOf(bySymptom);
            exposures = exposures == null ? List.of() : List.copyOf(exposures);
        }
    }

    /** A worst form of one symptom that the general ones miss (severe muscle pain after an injury), over the first. */
    public record SymptomForm(String symptom, Map<String, String> answers, String source) {
        public SymptomForm {
            answers = Map.copyOf(answers);
        }
    }

    record File(String about, Map<String, String> texts, PregnancyAges pregnancy, List<Duration> durations, Ages ages,
                Raising raising, Lowering lowering, List<Complaint> complaints) {
    }

    private final Map<String, Complaint> complaints;
    private final Map<String, String> texts;
    private final List<Duration> durations;
    /** The hours each duration answer stands for. */
    private final Map<String, Double> hoursByCode;
    private final PregnancyAges pregnancyAges;
    private final Ages ages;
    private final Lowering lowering;
    private final Raising raising;
    private final Set<String> alarmingModifiers;
    /** The worst forms, general and by symptom, made once: the interview asks for them for every symptom it probes. */
    private final List<Map<String, String>> alarmingForms;
    private final Map<String, List<Map<String, String>>> symptomForms;
    private final List<String> exposures;

    InterviewPlan(File file, Catalog catalog) {
        if (!file.texts().keySet().containsAll(TEXTS)) {
            throw new IllegalStateException(RESOURCE + " lacks texts " + new TreeSet<>(InterviewPlanChecks.minus(TEXTS, file.texts().keySet())));
        }
        this.texts = Map.copyOf(file.texts());
        this.pregnancyAges = file.pregnancy();
        this.ages = file.ages();
        this.lowering = file.lowering();
        this.raising = file.raising();
        Set<String> alarming = new TreeSet<>(raising.answers().keySet());
        raising.alternatives().forEach(a -> alarming.addAll(a.keySet()));
        this.alarmingModifiers = Collections.unmodifiableSet(alarming);
        List<Map<String, String>> general = new ArrayList<>(List.of(raising.answers()));
        raising.alternatives().forEach(alternative -> general.add(over(raising.answers(), alternative)));
        this.alarmingForms = List.copyOf(general);
        Map<String, List<Map<String, String>>> bySymptom = new HashMap<>();
        raising.bySymptom().forEach(form -> bySymptom.computeIfAbsent(form.symptom(), k -> new ArrayList<>())
                .add(over(raising.answers(), form.answers())));
        bySymptom.replaceAll((symptom, forms) -> List.copyOf(forms));
        this.symptomForms = Map.copyOf(bySymptom);
        this.exposures = raising.exposures().stream().sorted().toList();
        this.durations = List.copyOf(file.durations());
        double[] representatives = InterviewPlanChecks.representatives(durations);
        Map<String, Double> byCode = new HashMap<>();
        for (int i = 0; i < durations.size(); i++) {
            byCode.put(durations.get(i).code(), representatives[i]);
        }
        this.hoursByCode = Map.copyOf(byCode);
        InterviewPlanChecks.answers(durations, "raising", raising.answers(), false);
        raising.alternatives().forEach(a -> InterviewPlanChecks.answers(durations, "raising.alternatives", a, false));
        raising.exposures().stream().filter(code -> Modifier.TRIGGER.choice(code).isEmpty()).findAny().ifPresent(code -> {
            throw new IllegalStateException(RESOURCE + ": raising.exposures names no trigger: " + code);
        });
        for (SymptomForm form : raising.bySymptom()) {
            if (catalog.symptom(form.symptom()).isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": raising.bySymptom names no symptom of the catalog: " + form.symptom());
            }
            InterviewPlanChecks.answers(durations, "raising.bySymptom", form.answers(), false);
            List<String> takes = catalog.symptom(form.symptom()).orElseThrow().modifiers();
            form.answers().keySet().stream().filter(code -> !takes.contains(code)).findAny().ifPresent(code -> {
                throw new IllegalStateException(RESOURCE + ": raising.bySymptom gives " + form.symptom() + " a " + code
                        + ", which that symptom does not take");
            });
        }
        InterviewPlanChecks.answers(durations, "lowering", lowering.answers(), true);
        lowering.tryEach().stream().filter(code -> Modifier.byCode(code).isEmpty()).findAny().ifPresent(code -> {
            throw new IllegalStateException(RESOURCE + ": lowering.tryEach names no modifier: " + code);
        });
        InterviewPlanChecks.ages(ages.probes(), lowering.ages());
        this.complaints = InterviewPlanChecks.complaints(file.complaints(), catalog);
    }

    /**
     * Reads the bundled plan and checks it against the catalog; its words for the patient (the texts, the durations'
     * labels) in the catalog's language.
     */
    public static InterviewPlan load(Catalog catalog) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = InterviewPlan.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            JsonNode tree = json.readTree(in);
            Translations words = Translations.of(catalog.language());
            for (String part : TRANSLATED) {
                words.apply(TRANSLATIONS_KEY + "." + part, tree.get(part));
            }
            return new InterviewPlan(json.treeToValue(tree, File.class), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The parts of the plan a patient reads, and the prefix of their {@link Translations} keys. */
    public static final List<String> TRANSLATED = List.of("texts", "durations");
    public static final String TRANSLATIONS_KEY = "interview";

    /** What a reported symptom opens beyond its own modifiers; empty when the catalog declares nothing for it. */
    public Optional<Complaint> complaint(String symptom) {
        return Optional.ofNullable(complaints.get(symptom));
    }

    /** A word of the interview's own ({@code yes}, {@code unknown}, the pregnancy question...). */
    public String text(String key) {
        return texts.get(key);
    }

    /** The answers to "how long ago did it start?", shortest first. */
    public List<Duration> durations() {
        return durations;
    }

    /** The hours an answer of {@link #durations()} stands for: a value inside its range, never on a rule's boundary. */
    public Optional<Double> hours(String durationCode) {
        return Optional.ofNullable(hoursByCode.get(durationCode));
    }

    /** The duration answer a number of hours falls in. */
    public Duration durationOf(double hours) {
        for (Duration d : durations) {
            if (d.upToHours() == null || hours <= d.upToHours()) {
                return d;
            }
        }
        throw new IllegalStateException("the last duration of " + RESOURCE + " must be open-ended");
    }

    /** One age in each band the rules tell apart, to verify whether asking the age could change the level. */
    public List<Integer> ageProbes() {
        return ages.probes();
    }

    /** The benign answer to a question, when it has one (see {@link Lowering}). */
    public Optional<String> benignAnswer(Question q) {
        String key = switch (q.subject()) {
            case SYMPTOM -> "symptom";
            case RISK_FACTOR -> "riskFactor";
            case PREGNANCY -> "pregnancy";
            case UNDER_TREATMENT -> "underTreatment";
            case AGE -> "age";
            case MODIFIER -> q.modifier().code();
        };
        return Optional.ofNullable(lowering.answers().get(key));
    }

    /** The modifiers some worst form of a symptom answers ({@link #alarmingForms()}), by code. */
    public Set<String> alarmingModifiers() {
        return alarmingModifiers;
    }

    /**
     * Every worst form of a symptom, as modifier answers by code: the most alarming answers, then each alternative
     * over them. No one form is the worst for every rule (one side is the stroke pattern, both legs the spinal one).
     */
    public List<Map<String, String>> alarmingForms() {
        return alarmingForms;
    }

    /** The form {@code base} with {@code changes} answered over it. */
    private static Map<String, String> over(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>(base);
        form.putAll(changes);
        return Map.copyOf(form);
    }

    /**
     * What can bring a whole episode on (a drink, the heat, a recent illness) rather than one symptom, in code order:
     * asked of each complaint the patient reports, and judged of the symptoms the patient has not mentioned all together.
     */
    public List<String> exposures() {
        return exposures;
    }

    /**
     * The worst forms of this symptom besides {@link #alarmingForms()}, each over the first of those, with the
     * modifiers in which it differs from the first.
     */
    public List<Map<String, String>> symptomForms(String symptom) {
        return symptomForms.getOrDefault(symptom, List.of());
    }

    /** The modifiers in which each worst form after the first differs from the first, in {@link #alarmingForms()} order. */
    public Set<Modifier> alternativeModifiers(int form) {
        return raising.alternatives().get(form - 1).keySet().stream().map(code -> Modifier.byCode(code).orElseThrow())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The modifiers each of whose answers is tried in search of a lower level, in the order they are tried. */
    public List<String> triedEach() {
        return lowering.tryEach();
    }

    /** The ages at which the search for a lower level is made again when the age is not known. */
    public List<Integer> loweringAges() {
        return lowering.ages();
    }

    /** True when each answer of this modifier is tried in search of a lower level, as none is benign by itself. */
    public boolean triesEach(Question q) {
        return q.subject() == Question.Subject.MODIFIER && lowering.tryEach().contains(q.modifier().code());
    }

    /** True when pregnancy is asked about at this age (unknown ages are asked). */
    public boolean asksPregnancyAt(Integer age) {
        return age == null || (age >= pregnancyAges.fromAge() && age <= pregnancyAges.toAge());
    }
}
