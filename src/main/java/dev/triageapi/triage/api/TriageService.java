package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldError;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.TextTooLongException;
import dev.triageapi.observability.Triaged;
import dev.triageapi.parse.text.ParsedText;
import dev.triageapi.triage.api.TriageResponse.CauseGroupView;
import dev.triageapi.triage.api.TriageResponse.ConditionView;
import dev.triageapi.triage.api.TriageResponse.AnswerOption;
import dev.triageapi.triage.api.TriageResponse.FollowUpQuestion;
import dev.triageapi.triage.api.TriageResponse.InterviewView;
import dev.triageapi.triage.api.TriageResponse.QuestionView;
import dev.triageapi.triage.api.TriageResponse.RedFlagView;
import dev.triageapi.triage.api.TriageResponse.ScreenQuestionView;
import dev.triageapi.triage.api.TriageResponse.SelfCareAdvice;
import dev.triageapi.triage.api.TriageResponse.TraceEntry;
import dev.triageapi.triage.engine.Assessment;
import dev.triageapi.triage.engine.Assessment.ScreenQuestion;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.interview.Interviewer;
import dev.triageapi.triage.interview.PostedAnswers;
import dev.triageapi.triage.interview.Interviewer.Interview;
import dev.triageapi.triage.interview.Question;
import dev.triageapi.triage.rules.RulesRegistry;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Modifier;
import dev.triageapi.vocabulary.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one path every intake takes, whichever door it came in by (JSON, FHIR, CDS Hooks): validate (the Bean
 * Validation constraints of the request records, see {@link RequestConstraints}), map onto the catalog, assess with
 * the current rules, write the answer, and leave the urgency for the access log and the metrics of the request being
 * served.
 */
@ApplicationScoped
public class TriageService {

    private final Catalog catalog;
    private final RulesRegistry rules;
    private final TriageEngine engine;
    private final RequestMapper requests;
    private final Event<Triaged> triaged;
    private final RequestConstraints constraints;
    private final Interviewer interviewer;
    private final TextIntake text;
    private final int interviewQuestions;
    private final int interviewEvaluations;
    private final Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
    private final String disclaimer;
    /** Each self-care pathway's advice as the answer states it, with the emergency number filled in once, at start. */
    private final Map<String, SelfCareAdvice> selfCareAdvice;

    TriageService(Catalog catalog, RulesRegistry rules, TriageEngine engine, RequestMapper requests,
                  Event<Triaged> triaged, Validator validator, TriageConfig config, Interviewer interviewer, TextIntake text) {
        this.interviewer = interviewer;
        this.text = text;
        this.interviewQuestions = config.api().interviewQuestions();
        this.interviewEvaluations = config.api().interviewEvaluations();
        this.catalog = catalog;
        this.rules = rules;
        this.engine = engine;
        this.requests = requests;
        this.triaged = triaged;
        this.constraints = new RequestConstraints(validator);
        for (Urgency level : Urgency.values()) {
            advice.put(level, catalog.urgencyLevel(level).advice().replace("{emergencyNumber}", config.emergencyNumber()));
        }
        this.disclaimer = Disclaimer.text(config.emergencyNumber());
        this.selfCareAdvice = catalog.selfCarePathways().stream().collect(Collectors.toUnmodifiableMap(
                SelfCarePathwayDefinition::code, p -> new SelfCareAdvice(p.code(), p.label(), p.advice(), p.watchFor(),
                        p.seeDoctorIf(), p.callEmergencyIf().replace("{emergencyNumber}", config.emergencyNumber()), p.source())));
    }

    /** Triages a request; one that breaks the contract is refused with a 400 naming each field. */
    public TriageResponse triage(TriageRequest request) {
        return triage(request, List.of(), List.of(), true, true, Language.EN);
    }

    /**
     * Triages a request, listing in the answer what of it the door did not read; without the trace when
     * {@code withTrace} is false (RFC 7240 {@code Prefer: return=minimal}).
     */
    public TriageResponse triage(TriageRequest request, List<UnusedInput> unread, boolean withTrace) {
        return triage(request, Objects.requireNonNull(unread), List.of(), withTrace, true, Language.EN);
    }

    /**
     * Triages a JSON request, its {@code text} read in {@code textLanguage} or else in {@code acceptLanguage} (the
     * language the client asked answers in).
     */
    public TriageResponse triage(TriageRequest request, List<UnusedInput> unread, boolean withTrace, Language acceptLanguage) {
        return triage(request, Objects.requireNonNull(unread), List.of(), withTrace, true, acceptLanguage);
    }

    /**
     * Triages what a FHIR or CDS Hooks intake held, listing in the answer what it did not use. {@code askAbout} names
     * catalog symptoms the record gave only as text: each that could raise the level becomes a question whose
     * {@code couldRaiseTo} is the level the most alarming form of that symptom gives, so text that could be a red flag
     * is asked about, never dropped.
     */
    public TriageResponse triage(TriageRequest request, List<UnusedInput> unused, List<String> askAbout) {
        return triage(request, Objects.requireNonNull(unused), Objects.requireNonNull(askAbout), true, false, Language.EN);
    }

    private TriageResponse triage(TriageRequest request, List<UnusedInput> unused, List<String> askAbout, boolean withTrace,
                                  boolean withInterview, Language acceptLanguage) {
        if (request == null) { // a JSON null, or no body at all
            throw new InvalidRequestException(List.of(new FieldError("body", "must not be null")));
        }
        ParsedText fromText = null;
        if (request.text() != null) {
            Language language = request.textLanguage() != null ? request.textLanguage() : acceptLanguage;
            boolean fields = request.symptoms() != null && !request.symptoms().isEmpty();
            try {
                fromText = text.read(request.text(), language, "text");
            } catch (InvalidRequestException | TextTooLongException refused) {
                if (!fields) {
                    throw refused;
                }
                // Symptoms in fields are triaged whatever is wrong with the words: an emergency is never refused for them.
                unused = Stream.concat(unused.stream(), Stream.of(new UnusedInput("text", refused instanceof TextTooLongException
                        ? "longer than the text the service reads: not read" : "blank or holds control characters: not read"))).toList();
            }
        }
        if (fromText != null) {
            request = TextIntake.merge(request, fromText);
            if (request.symptoms().isEmpty()) {
                throw new InvalidRequestException(List.of(new FieldError("text", "names no symptom this service knows, and "
                        + "the request has no symptoms: send symptoms, or describe the symptoms in other words")));
            }
        }
        constraints.check(request);
        RuleSet ruleSet = rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        RequestMapper.Mapped mapped = requests.map(request);
        PostedAnswers.Answered answered = interviewer.answer(mapped.triageCase(), request.answers() == null ? List.of()
                : request.answers().stream().map(a -> Map.entry(a.question(), a.answer())).toList());
        if (!answered.refusals().isEmpty()) {
            throw new InvalidRequestException(answered.refusals().stream().map(r -> new FieldError(
                    "answers[" + r.index() + "]." + (r.question() ? "question" : "answer"), r.message())).toList());
        }
        requests.checkSize(answered.triageCase(), "answers");
        Assessment assessment = engine.assess(ruleSet, answered.triageCase(), withTrace);
        Interview interview = withInterview ? interviewer.interview(answered.triageCase(), answered.dontKnow(),
                assessment, c -> engine.probe(ruleSet, c), interviewQuestions, interviewEvaluations) : null;
        if (!mapped.ignored().isEmpty()) {
            unused = Stream.concat(mapped.ignored().stream(), unused.stream()).toList();
        }
        List<FollowUpQuestion> asked = new ArrayList<>();
        for (String code : askAbout.stream().distinct().sorted().toList()) {
            SymptomDefinition symptom = catalog.symptom(code).orElse(null);
            List<TriageCase> ifReported = symptom == null ? List.of() : interviewer.ifReported(answered.triageCase(), code);
            // Asked only when it could matter, as every follow-up question is; it stays listed in unused either way.
            Urgency worst = assessment.urgency();
            for (TriageCase form : ifReported) {
                Urgency l = engine.urgency(ruleSet, form);
                worst = l.compareTo(worst) > 0 ? l : worst;
            }
            if (worst.compareTo(assessment.urgency()) > 0) {
                asked.add(new FollowUpQuestion(code, "status", "present", worst,
                        symptom.question() + " (the record names it only in words)"));
            }
        }
        TriageResponse answer = toResponse(assessment, asked, interview, unused, fromText, withTrace);
        triaged.fire(new Triaged(answer.urgency()));
        return answer;
    }

    private String screenQuestion(ScreenQuestion q) {
        return switch (q.subject()) {
            case ScreenQuestion.SYMPTOM -> catalog.symptom(q.code()).map(SymptomDefinition::question).orElseThrow();
            case ScreenQuestion.RISK_FACTOR -> catalog.riskFactor(q.code()).map(RiskFactorDefinition::question).orElseThrow();
            default -> interviewer.answering().text(Question.pregnancy());
        };
    }

    private InterviewView interviewView(Interview interview) {
        if (interview == null) {
            return null;
        }
        List<QuestionView> questions = interview.questions().stream().map(this::questionView).toList();
        return new InterviewView(interview.complete(), questions.isEmpty() ? null : questions.get(0), questions,
                interview.unresolved().stream().map(this::questionView).toList());
    }

    private QuestionView questionView(Interviewer.Asked asked) {
        Question q = asked.question();
        String answerType = q.subject() == Question.Subject.AGE ? "integer"
                : q.modifier() != null && q.modifier().kind() == Modifier.Kind.CHOICES ? "choices" : "choice";
        return new QuestionView(q.id(), interviewer.answering().text(q), SUBJECTS.get(q.subject()), q.symptom(),
                q.modifier() == null ? null : q.modifier().code(), q.riskFactor(), answerType,
                asked.options().stream().map(o -> new AnswerOption(o.code(), o.label())).toList(),
                asked.couldRaiseTo(), asked.couldLowerTo(), asked.lowersWith());
    }

    private static final Map<Question.Subject, String> SUBJECTS = Map.of(Question.Subject.SYMPTOM, "symptom",
            Question.Subject.MODIFIER, "modifier", Question.Subject.RISK_FACTOR, "riskFactor",
            Question.Subject.PREGNANCY, "pregnancy", Question.Subject.UNDER_TREATMENT, "underTreatment",
            Question.Subject.AGE, "age");

    private TriageResponse toResponse(Assessment a, List<FollowUpQuestion> asked, Interview interview, List<UnusedInput> unused,
                                      ParsedText fromText, boolean withTrace) {
        SelfCareAdvice selfCare = a.selfCare() == null ? null : selfCareAdvice.get(a.selfCare().code());
        return new TriageResponse(
                a.urgency(),
                selfCare == null ? advice.get(a.urgency()) : selfCare.inOneText(),
                a.redFlags().stream().map(f -> new RedFlagView(f.definition().code(), f.definition().label(),
                        f.definition().urgency(), f.definition().source(), f.evidence())).toList(),
                a.reasons(),
                a.causeGroups().stream().map(g -> new CauseGroupView(g.group().code(), g.group().label(),
                        g.conditions().stream().map(c -> new ConditionView(c.condition().code(), c.condition().name(),
                                c.condition().serious(), c.evidence())).toList(),
                        g.evidence())).toList(),
                Stream.concat(asked.stream(), a.followUps().stream().map(q -> new FollowUpQuestion(q.symptom(), q.modifier(),
                                q.value(), q.couldRaiseTo(), Objects.requireNonNullElseGet(q.question(),
                                () -> catalog.followUpQuestion(q.symptom(), q.modifier(), q.value())
                                        .or(() -> catalog.symptom(q.symptom()).map(SymptomDefinition::question)).orElse("")))))
                        .sorted(Comparator.comparing(FollowUpQuestion::couldRaiseTo).reversed()).toList(),
                a.screenQuestions().stream().map(q -> new ScreenQuestionView(q.pathway(), q.subject(), q.code(), q.answer(),
                        q.couldLowerTo(), screenQuestion(q))).toList(),
                interviewView(interview),
                selfCare,
                List.copyOf(unused),
                fromText == null ? null : TriageResponse.FromText.of(fromText),
                withTrace ? a.trace().stream().map(f -> new TraceEntry(f.rule().name(), f.rule().file(), f.rule().line(),
                        f.rule().source(), f.matched(), f.rule().equals(a.decidedBy()))).toList() : null,
                a.rulesVersion(),
                disclaimer);
    }
}
