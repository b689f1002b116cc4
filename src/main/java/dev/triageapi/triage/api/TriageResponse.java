package dev.triageapi.triage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triageapi.text.ParsedText;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Urgency;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The triage answer: urgency, advice, the red flags and reasons behind it, candidate causes, and the disclaimer. */
@Schema(name = "TriageResponse", description = "The triage answer. Lists are always present (possibly empty) and deterministically ordered.")
public record TriageResponse(
        @Schema(description = "Urgency, lowest to highest: self_care, consultation, consultation_24, emergency, emergency_ambulance.", required = true)
        Urgency urgency,
        @Schema(description = "What to do now, in plain words.", required = true)
        String advice,
        @Schema(description = "Emergency signs found, highest urgency first. Every emergency answer has at least one.", required = true)
        List<RedFlagView> redFlags,
        @Schema(description = "Why this urgency: one sentence per finding, highest level first.", required = true)
        List<String> reasons,
        @Schema(description = "Candidate cause groups with the conditions the reported pattern points to. Not a diagnosis.", required = true)
        List<CauseGroupView> causeGroups,
        @Schema(description = "Unanswered questions whose answer could raise the urgency, highest first. Ask them and post again.", required = true)
        List<FollowUpQuestion> missingInformation,
        @Schema(description = "The screen questions of a self-care pathway still unanswered: answered \"no\" all together "
                + "(symptom reported absent, risk factor in absentRiskFactors, pregnancy not_pregnant), they lower the "
                + "urgency to `couldLowerTo`. Empty when no self-care picture was recognised.", required = true)
        List<ScreenQuestionView> screenQuestions,
        @Schema(description = "The interview: what to ask the patient next, each question verified to change the urgency "
                + "with one of its answers, and whether anything is left to ask. Ask `next`, add the answer to `answers` "
                + "and post the request again, until `complete`. See docs/integration.md. Null in the plain JSON answer "
                + "of the FHIR door, which has no interview.", required = true, nullable = true)
        InterviewView interview,
        @Schema(description = "When the urgency is self_care: the pathway, what to do at home and the safety-netting "
                + "advice (what to watch for, when to see a doctor, when to call the emergency number); null otherwise.",
                nullable = true)
        SelfCareAdvice selfCare,
        @Schema(description = "Parts of the request the triage did not read, and why: in JSON a modifier that does not apply "
                + "to its symptom (accepted and ignored, never a 400) and a field the contract does not have (a misspelt "
                + "one); in FHIR and CDS Hooks intakes, what was not used.",
                required = true)
        List<UnusedInput> unused,
        @Schema(description = "What was understood in the request's `text`, so an app can show \"we understood: ...\" "
                + "and ask the patient to rephrase what was not; left out when the request had no text.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        FromText fromText,
        @Schema(description = "Every rule that fired, with its file, line and the facts it matched. Left out when the "
                + "request asked `Prefer: return=minimal` (the answer then says `Preference-Applied: return=minimal`).")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<TraceEntry> trace,
        @Schema(description = "Content hash of the loaded rule files.", examples = "sha256:4f1c…", required = true)
        String rulesVersion,
        @Schema(description = "Always present: this is information, not medical advice.", required = true)
        String disclaimer) {

    /** What the parser understood in a request's text. */
    @Schema(name = "FromText", description = "What was understood in the text, and what was not.")
    public record FromText(
            @Schema(description = "The language the text was read in.", required = true) Language language,
            @Schema(description = "One entry per phrase understood, in the order of the text.", required = true)
            List<ParsedText.Mention> mentions,
            @Schema(description = "Stretches of the text not understood (never read as \"no\"): ask the patient to "
                    + "rephrase them or to answer the interview's questions.", required = true)
            List<ParsedText.Span> unrecognized) {

        static FromText of(ParsedText parsed) {
            return new FromText(parsed.language(), parsed.mentions(), parsed.unrecognized());
        }
    }

    /** An emergency sign found in the request. */
    @Schema(name = "RedFlag")
    public record RedFlagView(
            @Schema(examples = "stroke_sudden_one_sided_weakness", required = true) String code,
            @Schema(required = true) String label,
            @Schema(description = "Level this sign leads to.", required = true) Urgency urgency,
            @Schema(description = "Where the knowledge behind this sign comes from.", required = true) String source,
            @Schema(description = "Codes of the reported symptoms and risk factors that raised it.", required = true) List<String> evidence) {
    }

    /** A candidate cause group. */
    @Schema(name = "CauseGroupSuggestion")
    public record CauseGroupView(
            @Schema(examples = "neurological", required = true) String code,
            @Schema(examples = "Neurological", required = true) String label,
            @Schema(required = true) List<ConditionView> conditions,
            @Schema(description = "All codes that pointed to this group.", required = true) List<String> evidence) {
    }

    /** A candidate condition. */
    @Schema(name = "ConditionSuggestion")
    public record ConditionView(
            @Schema(examples = "stroke", required = true) String code,
            @Schema(examples = "Stroke", required = true) String name,
            @Schema(description = "True for serious or possibly life-threatening conditions.", required = true) boolean serious,
            @Schema(description = "Codes that pointed to this condition.", required = true) List<String> evidence) {
    }

    /** A question whose answer could raise the urgency. */
    @Schema(name = "FollowUpQuestion")
    public record FollowUpQuestion(
            @Schema(description = "Symptom the question is about.", examples = "muscle_weakness", required = true) String symptom,
            @Schema(description = "Field to fill in on that symptom.", examples = "onset", required = true) String modifier,
            @Schema(description = "The answer that would raise the urgency.", examples = "sudden", required = true) String value,
            @Schema(description = "The urgency that answer would lead to.", required = true) Urgency couldRaiseTo,
            @Schema(examples = "Did it start suddenly, within seconds or minutes?", required = true) String question) {
    }

    /** A screen question that, answered "no" with the others of its pathway, could lower the urgency. */
    @Schema(name = "ScreenQuestion")
    public record ScreenQuestionView(
            @Schema(description = "Self-care pathway the question screens for.", examples = "exercise_soreness", required = true) String pathway,
            @Schema(description = "What to fill in: a symptom's status, a risk factor in absentRiskFactors, or the patient's pregnancy.",
                    enumeration = {"symptom", "riskFactor", "pregnancy"}, required = true) String subject,
            @Schema(description = "The symptom or risk factor code, or `pregnancy`.", examples = "dark_urine", required = true) String code,
            @Schema(description = "The answer that clears it: `absent` (symptom or risk factor) or `not_pregnant`.",
                    examples = "absent", required = true) String answer,
            @Schema(description = "The urgency once all of the pathway's open questions are answered so.", required = true) Urgency couldLowerTo,
            @Schema(examples = "Is your urine darker than usual, like tea or cola?", required = true) String question) {
    }

    /** Where the interview stands. */
    @Schema(name = "Interview")
    public record InterviewView(
            @Schema(description = "True when no unanswered question could change the urgency: stop asking.", required = true)
            boolean complete,
            @Schema(description = "The one question to ask now: those that could raise the urgency come before those that "
                    + "could lower it, the most dangerous first. Null when complete.", nullable = true)
            QuestionView next,
            @Schema(description = "Every question verified to change the urgency, in the order to ask them; `next` is the first.",
                    required = true)
            List<QuestionView> questions,
            @Schema(description = "Questions the patient answered \"I don't know\" whose \"yes\", or one of whose answers "
                    + "(how a symptom began, whether it is getting worse), would raise the urgency to `couldRaiseTo`: not "
                    + "asked again, and not ruled out either. Show them with the advice: if in doubt, seek care at that level.",
                    required = true)
            List<QuestionView> unresolved) {
    }

    /** A question of the interview, with the answers an app shows as buttons. */
    @Schema(name = "InterviewQuestion")
    public record QuestionView(
            @Schema(description = "What to post back as `answers[].question`.", examples = "symptom:saddle_numbness", required = true)
            String id,
            @Schema(description = "The question as the patient reads it.", examples = "Do you have numbness between your legs or around your bottom?",
                    required = true)
            String text,
            @Schema(description = "What it asks about.", enumeration = {"symptom", "modifier", "riskFactor", "pregnancy",
                    "underTreatment", "age"}, required = true)
            String subject,
            @Schema(description = "The symptom it asks about, or whose modifier it asks.", examples = "saddle_numbness", nullable = true)
            String symptom,
            @Schema(description = "The modifier it asks, for a modifier question.", examples = "onset", nullable = true)
            String modifier,
            @Schema(description = "The risk factor it asks about.", examples = "anticoagulant_use", nullable = true)
            String riskFactor,
            @Schema(description = "`choice`: post one option; `choices`: post one answer per option that applies; "
                    + "`integer`: post a whole number (age in years) or `unknown`.", enumeration = {"choice", "choices", "integer"},
                    required = true)
            String answerType,
            @Schema(description = "The answers to offer, in order; the last is always `unknown` (\"I don't know\").", required = true)
            List<AnswerOption> options,
            @Schema(description = "The highest urgency one of its answers gives, all else unchanged; null when no answer raises it.",
                    nullable = true)
            Urgency couldRaiseTo,
            @Schema(description = "The urgency once `lowersWith` is the answer (together with the other questions that have "
                    + "a `lowersWith` when no single answer lowers it); null when no answer lowers it.", nullable = true)
            Urgency couldLowerTo,
            @Schema(description = "The answer that lowers the urgency to `couldLowerTo`.", examples = "no", nullable = true)
            String lowersWith) {
    }

    /** One answer a question offers. */
    @Schema(name = "AnswerOption")
    public record AnswerOption(
            @Schema(description = "What to post as `answers[].answer`.", examples = "no", required = true) String answer,
            @Schema(description = "The button's words.", examples = "No", required = true) String label) {
    }

    /** What a self-care answer tells the patient to do and to watch for. */
    @Schema(name = "SelfCareAdvice")
    public record SelfCareAdvice(
            @Schema(examples = "exercise_soreness", required = true) String pathway,
            @Schema(examples = "Muscle soreness after exercise", required = true) String label,
            @Schema(description = "What to do at home.", required = true) String advice,
            @Schema(description = "Signs that mean it is not the benign picture after all.", required = true) List<String> watchFor,
            @Schema(description = "When to see a doctor.", required = true) String seeDoctorIf,
            @Schema(description = "When to call the emergency number.", required = true) String callEmergencyIf,
            @Schema(description = "Where the pathway and its screen come from.", required = true) String source) {

        /** The advice, when to see a doctor and when to call the emergency number, as one text (the answer's advice). */
        String inOneText() {
            return String.join(" ", advice, seeDoctorIf, callEmergencyIf);
        }
    }

    /** A rule that fired. */
    @Schema(name = "TraceEntry")
    public record TraceEntry(
            @Schema(required = true) String rule,
            @Schema(examples = "rules/emergency/stroke.drl", required = true) String file,
            @Schema(required = true) int line,
            @Schema(description = "Where the rule's knowledge comes from.", required = true) String source,
            @Schema(description = "Codes of the facts the rule matched.", required = true) List<String> matched,
            @Schema(description = "True for the rule that set the final urgency.", required = true) boolean decisive) {
    }
}
