package dev.triageapi.triage.api;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.Catalogs;
import dev.triageapi.catalog.RiskFactorDefinition;
import dev.triageapi.catalog.SelfCarePathwayDefinition;
import dev.triageapi.catalog.SymptomDefinition;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.FieldWording;
import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.http.TextTooLongException;
import dev.triageapi.http.Wording;
import dev.triageapi.observability.Triaged;
import dev.triageapi.text.ParsedText;
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
import dev.triageapi.triage.engine.Prober;
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
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Collections;
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
// Built at start, not at the first request: every language's interview plan is read and checked then.
@Startup
@ApplicationScoped
public class TriageService {

    private final RulesRegistry rules;
    private final RequestMapper requests;
    private final Event<Triaged> triaged;
    private final RequestConstraints constraints;
    private final TextIntake text;
    private final int interviewQuestions;
    private final int interviewEvaluations;
    private final Map<Language, Voice> voices = new EnumMap<>(Language.class);

    /**
     * Everything an answer says in one language: the catalog's words, the engine and the interview that write them,
     * the advice and the disclaimer with the emergency number filled in once, at start. The levels and codes are the
     * same in every language; only the words differ.
     */
    private record Voice(Catalog catalog, TriageEngine engine, Interviewer interviewer, Map<Urgency, String> advice,
                         Map<String, SelfCareAdvice> selfCareAdvice, String disclaimer) {

        static Voice of(Catalog catalog, TriageEngine engine, Interviewer interviewer, String emergencyNumber) {
            Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
            for (Urgency level : Urgency.values()) {
                advice.put(level, catalog.urgencyLevel(level).advice().replace("{emergencyNumber}", emergencyNumber));
            }
            Map<String, SelfCareAdvice> selfCare = catalog.selfCarePathways().stream().collect(Collectors.toUnmodifiableMap(
                    SelfCarePathwayDefinition::code, p -> new SelfCareAdvice(p.code(), p.label(), p.advice(), p.watchFor(),
                            p.seeDoctorIf(), p.callEmergencyIf().replace("{emergencyNumber}", emergencyNumber), p.source())));
            return new Voice(catalog, engine, interviewer, Collections.unmodifiableMap(advice), selfCare,
                    Disclaimer.text(catalog, emergencyNumber));
        }
    }

    TriageService(Catalog catalog, Catalogs catalogs, RulesRegistry rules, TriageEngine engine, RequestMapper requests,
                  Event<Triaged> triaged, Validator validator, TriageConfig config, Interviewer interviewer, TextIntake text) {
        this.text = text;
        this.interviewQuestions = config.api().interviewQuestions();
        this.interviewEvaluations = config.api().interviewEvaluations();
        this.rules = rules;
        this.requests = requests;
        this.triaged = triaged;
        this.constraints = new RequestConstraints(validator);
        for (Language language : Language.values()) {
            Catalog words = catalogs.of(language);
            voices.put(language, language == Language.EN ? Voice.of(catalog, engine, interviewer, config.emergencyNumber())
                    : Voice.of(words, new TriageEngine(words), new Interviewer(words), config.emergencyNumber()));
        }
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
        return triage(request, unused, askAbout, Language.EN);
    }

    /** As {@link #triage(TriageRequest, List, List)}, the answer's words in {@code language}. */
    public TriageResponse triage(TriageRequest request, List<UnusedInput> unused, List<String> askAbout, Language language) {
        return triage(request, Objects.requireNonNull(unused), Objects.requireNonNull(askAbout), true, false, language);
    }

    private TriageResponse triage(TriageRequest request, List<UnusedInput> unused, List<String> askAbout, boolean withTrace,
                                  boolean withInterview, Language acceptLanguage) {
        Voice voice = voices.get(acceptLanguage);
        Interviewer interviewer = voice.interviewer();
        TriageEngine engine = voice.engine();
        if (request == null) { // a JSON null, or no body at all
            throw new InvalidRequestException(List.of(FieldWording.of("body", "field.not-null")));
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
                unused = Stream.concat(unused.stream(), Stream.of(new UnusedInput("text", Wording.of(refused instanceof TextTooLongException
                        ? "unused.text-too-long" : "unused.text-unreadable").in(acceptLanguage)))).toList();
            }
        }
        if (fromText != null) {
            TextIntake.Reading reading = TextIntake.read(request, fromText);
            if (reading.wide().symptoms().isEmpty()) {
                throw new InvalidRequestException(List.of(FieldWording.of("text", "field.text-no-symptom")));
            }
            constraints.check(reading.wide()); // the readings differ only in modifiers the parser gave
            request = text.choose(reading);
        } else {
            constraints.check(request);
        }
        RuleSet ruleSet = rules.current().orElseThrow(() -> new IllegalStateException("rules not loaded"));
        RequestMapper.Mapped mapped = requests.map(request, acceptLanguage);
        PostedAnswers.Answered answered = interviewer.answer(mapped.triageCase(), request.answers() == null ? List.of()
                : request.answers().stream().map(a -> Map.entry(a.question(), a.answer())).toList());
        if (!answered.refusals().isEmpty()) {
            throw new InvalidRequestException(answered.refusals().stream().map(r -> new FieldWording(
                    "answers[" + r.index() + "]." + (r.question() ? "question" : "answer"), new Wording(r.key(), r.arguments()))).toList());
        }
        requests.checkSize(answered.triageCase(), "answers");
        TriageEngine.Judged judged = engine.judge(ruleSet, answered.triageCase(), withTrace);
        Assessment assessment = judged.assessment();
        Prober whatIf = judged.prober();
        Interview interview = withInterview ? interviewer.interview(answered.triageCase(), answered.dontKnow(),
                assessment, whatIf, interviewQuestions, interviewEvaluations) : null;
        if (!mapped.ignored().isEmpty()) {
            unused = Stream.concat(mapped.ignored().stream(), unused.stream()).toList();
        }
        List<FollowUpQuestion> asked = new ArrayList<>();
        for (String code : askAbout.stream().distinct().sorted().toList()) {
            SymptomDefinition symptom = voice.catalog().symptom(code).orElse(null);
            List<TriageCase> ifReported = symptom == null ? List.of() : interviewer.ifReported(answered.triageCase(), code);
            // Asked only when it could matter, as every follow-up question is; it stays listed in unused either way.
            Urgency worst = assessment.urgency();
            for (TriageCase form : ifReported) {
                worst = worst.max(whatIf.above(form, assessment.urgency()).urgency());
            }
            if (worst.compareTo(assessment.urgency()) > 0) {
                asked.add(new FollowUpQuestion(code, "status", "present", worst,
                        voice.catalog().message("namedOnlyInWords").replace("{question}", symptom.question())));
            }
        }
        TriageResponse answer = toResponse(voice, assessment, asked, interview, unused, fromText, withTrace);
        triaged.fire(new Triaged(answer.urgency()));
        return answer;
    }

    private static String screenQuestion(Voice voice, ScreenQuestion q) {
        return switch (q.subject()) {
            case ScreenQuestion.SYMPTOM -> voice.catalog().symptom(q.code()).map(SymptomDefinition::question).orElseThrow();
            case ScreenQuestion.RISK_FACTOR -> voice.catalog().riskFactor(q.code()).map(RiskFactorDefinition::question).orElseThrow();
            default -> voice.interviewer().answering().text(Question.pregnancy());
        };
    }

    private static InterviewView interviewView(Voice voice, Interview interview) {
        if (interview == null) {
            return null;
        }
        List<QuestionView> questions = interview.questions().stream().map(q -> questionView(voice.interviewer(), q)).toList();
        return new InterviewView(interview.complete(), questions.isEmpty() ? null : questions.get(0), questions,
                interview.unresolved().stream().map(q -> questionView(voice.interviewer(), q)).toList());
    }

    private static QuestionView questionView(Interviewer interviewer, Interviewer.Asked asked) {
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

    private static TriageResponse toResponse(Voice voice, Assessment a, List<FollowUpQuestion> asked, Interview interview,
                                             List<UnusedInput> unused, ParsedText fromText, boolean withTrace) {
        Catalog catalog = voice.catalog();
        SelfCareAdvice selfCare = a.selfCare() == null ? null : voice.selfCareAdvice().get(a.selfCare().code());
        return new TriageResponse(
                a.urgency(),
                selfCare == null ? voice.advice().get(a.urgency()) : selfCare.inOneText(),
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
                        q.couldLowerTo(), screenQuestion(voice, q))).toList(),
                interviewView(voice, interview),
                selfCare,
                List.copyOf(unused),
                fromText == null ? null : TriageResponse.FromText.of(fromText),
                withTrace ? a.trace().stream().map(f -> new TraceEntry(f.rule().name(), f.rule().file(), f.rule().line(),
                        f.rule().source(), f.matched(), f.rule().equals(a.decidedBy()))).toList() : null,
                a.rulesVersion(),
                voice.disclaimer());
    }
}
