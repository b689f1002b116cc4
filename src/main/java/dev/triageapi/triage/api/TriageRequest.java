package dev.triageapi.triage.api;

import dev.triageapi.json.ReportUnknownFields;
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
@ReportUnknownFields
@Schema(name = "TriageRequest", description = "The symptoms and risk factors to triage. Everything except `symptoms` is optional.")
public record TriageRequest(
        @Schema(description = "Age in years.", examples = "71", minimum = "0", maximum = "120")
        @Min(0) @Max(120)
        Integer age,

        @Schema(description = "Sex as reported.")
        Sex sex,

        @Schema(description = "1 to 50 reported symptoms (fewer where the server is configured lower), each code at most once, "
                + "at least one not `absent`.", required = true, maxItems = 50)
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
        VitalsReport vitals,

        @Schema(description = "The patient's answers to the interview's questions so far, each `{question, answer}` as "
                + "`interview.questions` offered it. Post the first request again with every answer given so far: the "
                + "answers are put into the case (a symptom answered `yes` is reported present, `no` absent) and the "
                + "questions already answered, `unknown` included, are not asked again. An answer that contradicts the "
                + "request is a 400.", maxItems = 200)
        @Size(max = 200)
        List<@NotNull @Valid InterviewAnswer> answers) {

    /** A request with no interview answers. */
    public TriageRequest(Integer age, Sex sex, List<SymptomReport> symptoms, List<String> riskFactors,
                         List<String> absentRiskFactors, Boolean underTreatment, Pregnancy pregnancy, VitalsReport vitals) {
        this(age, sex, symptoms, riskFactors, absentRiskFactors, underTreatment, pregnancy, vitals, null);
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
