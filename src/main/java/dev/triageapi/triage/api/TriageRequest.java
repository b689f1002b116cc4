package dev.triageapi.triage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triageapi.json.ReportUnknownFields;
import dev.triageapi.triage.facts.LabResults;
import dev.triageapi.triage.facts.VitalSigns;
import dev.triageapi.vocabulary.Language;
import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A patient's reported symptoms and risk factors: the body of {@code POST /api/v1/triage}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ReportUnknownFields
@Schema(name = "TriageRequest", description = "The symptoms and risk factors to triage. Everything except `symptoms` is optional.")
public record TriageRequest(
        @Schema(description = "Age in years.", examples = "71", minimum = "0", maximum = "120")
        @Min(0) @Max(120)
        Integer age,

        @Schema(description = "Sex as reported.")
        Sex sex,

        @Schema(description = "1 to 50 reported symptoms (fewer where the server is configured lower), each code at most once, "
                + "at least one not `absent`. May be left out when `text` names a symptom.", maxItems = 50)
        @NotEmpty
        List<@NotNull @Valid SymptomReport> symptoms,

        @Schema(description = "Risk factors the patient has, codes from GET /api/v1/risk-factors. A risk factor listed "
                + "neither here nor in `absentRiskFactors` is unknown, never absent.", examples = "[\"diabetes\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 64) String> riskFactors,

        @Schema(description = "Risk factors the patient was asked about and does not have (e.g. not on a blood thinner, "
                + "no cancer history). Self-care screens need them; a code may not be in both lists.",
                examples = "[\"immunosuppression\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 64) String> absentRiskFactors,

        @Schema(description = "True if the patient is already being treated for muscle weakness.")
        Boolean underTreatment,

        @Schema(description = "Pregnant, postpartum (gave birth within the last six weeks) or not_pregnant; omit if unknown. "
                + "A headache or a change in vision in pregnancy or just after it is an emergency of its own (pre-eclampsia).")
        Pregnancy pregnancy,

        @Schema(description = "Vital signs and blood glucose measured now; omit what was not measured.")
        @Valid
        VitalSigns vitals,

        @Schema(description = "Recent laboratory results (potassium, sodium, adjusted calcium, creatine kinase) in SI "
                + "units; omit what was not measured.")
        @Valid
        LabResults labs,

        @Schema(description = "The patient's answers to the interview's questions so far, each `{question, answer}` as "
                + "`interview.questions` offered it. Post the first request again with every answer given so far: the "
                + "answers are put into the case (a symptom answered `yes` is reported present, `no` absent) and the "
                + "questions already answered, `unknown` included, are not asked again. An answer that contradicts the "
                + "request is a 400.", maxItems = 200)
        @Size(max = 200)
        List<@NotNull @Valid InterviewAnswer> answers,

        @Schema(description = "The patient's own words, up to 2,000 characters (more is a 413), in English or Spanish "
                + "(`textLanguage`). They are read into symptoms, modifiers, risk factors, age, sex and pregnancy and "
                + "merged under the fields above: a field always wins, the text only fills what the fields leave "
                + "unknown, and a phrase it does not understand is never taken as \"no\". With `text`, `symptoms` may be "
                + "left out. The answer's `fromText` shows what was understood.",
                examples = "My left arm went weak suddenly an hour ago and my speech is slurred", maxLength = 2000)
        String text,

        @Schema(description = "The language of `text`: `en` or `es`. Omitted: the first supported language of "
                + "`Accept-Language`, else English.")
        Language textLanguage) {

    /** A request with interview answers and no text. */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors,
                         List<String> absentRiskFactors, Boolean underTreatment, Pregnancy pregnancy, VitalSigns vitals,
                         List<InterviewAnswer> answers) {
        this(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals, null, answers, null, null);
    }

    /** A request with laboratory results and no interview answers or text. */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors,
                         List<String> absentRiskFactors, Boolean underTreatment, Pregnancy pregnancy, VitalSigns vitals,
                         LabResults labs) {
        this(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals, labs, null, null, null);
    }

    /** A request with no interview answers. */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors,
                         List<String> absentRiskFactors, Boolean underTreatment, Pregnancy pregnancy, VitalSigns vitals) {
        this(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals, (LabResults) null);
    }

    /** A request without a pregnancy answer (unknown). */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors, Boolean underTreatment) {
        this(age, sex, symptoms, riskFactors, null, underTreatment, null, null);
    }

    /** A request without denied risk factors or vital signs. */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors, Boolean underTreatment,
                         Pregnancy pregnancy) {
        this(age, sex, symptoms, riskFactors, null, underTreatment, pregnancy, null);
    }
}
