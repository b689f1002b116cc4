package dev.triageapi.bench;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.api.SymptomReport;
import dev.triageapi.triage.api.TriageRequest;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import dev.triageapi.vocabulary.BodyLocation;
import dev.triageapi.vocabulary.Onset;
import dev.triageapi.vocabulary.Severity;
import dev.triageapi.vocabulary.Sex;
import dev.triageapi.vocabulary.Side;
import dev.triageapi.vocabulary.SymptomStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.triageapi.vocabulary.BodyLocation.ARM;
import static dev.triageapi.vocabulary.BodyLocation.FOOT;
import static dev.triageapi.vocabulary.BodyLocation.HAND;
import static dev.triageapi.vocabulary.BodyLocation.LEG;
import static dev.triageapi.vocabulary.Onset.GRADUAL;
import static dev.triageapi.vocabulary.Severity.MILD;
import static dev.triageapi.vocabulary.Severity.MODERATE;
import static dev.triageapi.vocabulary.Side.BOTH;
import static dev.triageapi.vocabulary.SymptomStatus.ABSENT;
import static dev.triageapi.vocabulary.SymptomStatus.UNKNOWN;

/**
 * The rule set, catalog and engine exactly as the service builds them, and realistic requests of any size.
 *
 * <p>Requests are prefixes of one intake form of all 42 catalog symptoms, in the order a patient with a long-standing
 * multi-system complaint might fill it in: the first five are the hyperthyroidism vignette
 * ({@code cause-metabolic-hyperthyroidism-heat-weight-loss-palpitations-tremor.json}, weakness first), then further
 * gradual symptoms up to 20, then the rest of the form, mostly answered "absent" or "unknown" as intake forms are. The
 * catalog has 42 symptom codes and a request may not repeat one, so sizes above 42 add risk factors instead (one per
 * extra item, in catalog order): "50" is 42 symptoms and 8 risk factors, i.e. 50 reported items.
 *
 * <p>The {@code acute} presentation is the same form with every item present, sudden and two hours old: the worst case
 * for the emergency rules (many red flags, a long trace).
 */
public final class Cases {

    static {
        Logging.likeTheService();
    }

    /** The service's JVM options (heap, collector), given to every benchmark fork: measured as it runs. */
    public static final String JVM_OPTIONS = "@src/main/jvm/jvm.options";

    public static final Catalog CATALOG = Catalog.load();
    public static final RuleSet RULES = RuleCompiler.compile(RuleSources.fromDirectory(Path.of("rules")));
    public static final TriageEngine ENGINE = new TriageEngine(CATALOG);
    public static final RequestMapper MAPPER = new RequestMapper(CATALOG, 50);

    /** The intake form, in order. */
    static final List<SymptomReport> FORM = List.of(
            // 1-5: the hyperthyroidism vignette, weakness first
            s("muscle_weakness", GRADUAL, BOTH, MILD, Set.of(LEG), 800.0),
            s("heat_intolerance", GRADUAL, null, null, null, 1500.0),
            s("weight_loss", GRADUAL, null, null, null, 1500.0),
            s("palpitations", GRADUAL, null, null, null, 1000.0),
            s("tremor", GRADUAL, BOTH, null, Set.of(HAND), 1000.0),
            // 6-20: more long-standing complaints
            s("fatigue", GRADUAL, null, MODERATE, null, 1500.0),
            s("muscle_cramps", GRADUAL, BOTH, null, Set.of(LEG), 700.0),
            s("muscle_pain", GRADUAL, BOTH, MODERATE, Set.of(ARM, LEG), 700.0),
            s("numbness", GRADUAL, BOTH, MILD, Set.of(FOOT), 2000.0),
            s("pins_and_needles", GRADUAL, BOTH, MILD, Set.of(FOOT, HAND), 2000.0),
            s("difficulty_walking", GRADUAL, null, MILD, null, 500.0),
            s("sleep_problems", GRADUAL, null, null, null, 3000.0),
            new SymptomReport("headache", null, GRADUAL, null, MODERATE, null, 200.0, true, null, true, null),
            s("frequent_falls", GRADUAL, null, null, null, 400.0),
            s("burning_sensation", GRADUAL, BOTH, null, Set.of(FOOT), 2000.0),
            s("widespread_pain", GRADUAL, null, MODERATE, null, 3000.0),
            s("twitching", GRADUAL, BOTH, null, Set.of(ARM), 600.0),
            s("dizziness", GRADUAL, null, MILD, null, 300.0),
            s("excessive_thirst", GRADUAL, null, null, null, 1000.0),
            s("frequent_urination", GRADUAL, null, null, null, 1000.0),
            // 21-42: the rest of the form
            s("bone_pain", GRADUAL, null, MILD, null, 2000.0),
            s("loss_of_coordination", GRADUAL, null, MILD, null, 500.0),
            s("muscle_spasms", GRADUAL, BOTH, null, Set.of(LEG), 700.0),
            status("weight_gain", ABSENT),
            status("dark_urine", ABSENT),
            status("difficulty_breathing", ABSENT),
            status("difficulty_swallowing", ABSENT),
            status("paralysis", ABSENT),
            status("confusion", ABSENT),
            status("difficulty_speaking", ABSENT),
            status("difficulty_understanding", ABSENT),
            status("vision_change", ABSENT),
            status("double_vision", UNKNOWN),
            status("abdominal_pain", UNKNOWN),
            status("drooping_eyelids", ABSENT),
            status("skin_rash", ABSENT),
            status("fever", ABSENT),
            status("cold_intolerance", ABSENT),
            status("darkened_skin", UNKNOWN),
            status("salt_craving", ABSENT),
            status("vomiting", ABSENT),
            status("diarrhea", ABSENT));

    private Cases() {
    }

    /** The first {@code items} reported items of the form, as a request body. */
    public static TriageRequest request(int items, String presentation) {
        if (items < 1 || items > FORM.size() + CATALOG.riskFactors().size()) {
            throw new IllegalArgumentException("size out of range: " + items);
        }
        boolean acute = switch (presentation) {
            case "chronic" -> false;
            case "acute" -> true;
            default -> throw new IllegalArgumentException("presentation must be chronic or acute: " + presentation);
        };
        List<SymptomReport> symptoms = new ArrayList<>();
        for (SymptomReport r : FORM.subList(0, Math.min(items, FORM.size()))) {
            symptoms.add(acute ? acute(r) : r);
        }
        List<String> riskFactors = CATALOG.riskFactors().stream().map(RiskFactorDefinition::code)
                .limit(Math.max(0, items - FORM.size())).toList();
        return new TriageRequest(58, Sex.FEMALE, symptoms, riskFactors, null);
    }

    /** The same, validated and mapped the way the service does it. */
    public static TriageCase triageCase(int items, String presentation) {
        return MAPPER.toCase(request(items, presentation));
    }

    /** One line describing what a case leads to, printed by the benchmarks' setup so the figures can be explained. */
    public static String describe(int items, String presentation) {
        Assessment a = ENGINE.assess(RULES, triageCase(items, presentation));
        return String.format("[case %d %s] urgency=%s redFlags=%d causeGroups=%d followUps=%d rulesFired=%d",
                items, presentation, a.urgency(), a.redFlags().size(), a.causeGroups().size(), a.followUps().size(),
                a.trace().size());
    }

    private static SymptomReport acute(SymptomReport r) {
        return new SymptomReport(r.code(), SymptomStatus.PRESENT, Onset.SUDDEN, r.side(), r.severity(), r.locations(), 2.0,
                "headache".equals(r.code()) ? Boolean.FALSE : null, r.worsening(), r.recurring(), r.resolved());
    }

    private static SymptomReport s(String code, Onset onset, Side side, Severity severity, Set<BodyLocation> locations,
                                   Double hours) {
        return new SymptomReport(code, null, onset, side, severity, locations == null ? null : List.copyOf(locations),
                hours, null, null, null, null);
    }

    private static SymptomReport status(String code, SymptomStatus status) {
        return new SymptomReport(code, status, null, null, null, null, null, null, null, null, null);
    }

    /** Self-check: the form names every catalog symptom once, and every size maps without a validation error. */
    public static void main(String[] args) {
        Set<String> form = FORM.stream().map(SymptomReport::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalog = CATALOG.symptoms().stream().map(SymptomDefinition::code).collect(Collectors.toCollection(TreeSet::new));
        if (form.size() != FORM.size() || !form.equals(catalog)) {
            throw new IllegalStateException("form does not cover the catalog: " + form + " vs " + catalog);
        }
        for (String p : List.of("chronic", "acute")) {
            for (int n = 1; n <= 50; n++) {
                String line = describe(n, p);
                if (List.of(1, 2, 5, 10, 15, 20, 30, 42, 50).contains(n)) {
                    System.out.println(line);
                }
            }
        }
    }
}
