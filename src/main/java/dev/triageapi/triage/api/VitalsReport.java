package dev.triageapi.triage.api;

import dev.triageapi.json.ReportUnknownFields;
import dev.triageapi.vocabulary.Consciousness;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Vital signs and blood glucose as a clinic or a nurse measured them. Every value is optional and range-checked: a value
 * outside the range is a typing or unit error (a pulse of 900, a temperature in °F), refused with a 400, never guessed at.
 */
@ReportUnknownFields(at = "vitals")
@Schema(name = "Vitals", description = "Vital signs measured now (all optional; omitted means not measured). Scored with "
        + "NEWS2 (Royal College of Physicians, scale 1) for adults; low blood glucose is an emergency of its own.")
public record VitalsReport(
        @Schema(description = "Breaths per minute.", examples = "18", minimum = "1", maximum = "80")
        @Min(1) @Max(80)
        Integer respiratoryRate,

        @Schema(description = "Oxygen saturation by pulse oximetry, percent.", examples = "97", minimum = "50", maximum = "100")
        @Min(50) @Max(100)
        Integer oxygenSaturation,

        @Schema(description = "True if the saturation was measured while breathing supplemental oxygen.")
        Boolean onSupplementalOxygen,

        @Schema(description = "Systolic blood pressure, mmHg.", examples = "128", minimum = "40", maximum = "300")
        @Min(40) @Max(300)
        Integer systolicBloodPressure,

        @Schema(description = "Heart rate, beats per minute.", examples = "76", minimum = "20", maximum = "250")
        @Min(20) @Max(250)
        Integer heartRate,

        @Schema(description = "Body temperature in degrees Celsius.", examples = "37.1", minimum = "25", maximum = "45")
        @DecimalMin("25") @DecimalMax("45")
        Double temperature,

        @Schema(description = "Level of consciousness (ACVPU): alert, new confusion, responds to voice, to pain, or unresponsive.")
        Consciousness consciousness,

        @Schema(description = "Capillary or venous blood glucose, mmol/L (divide mg/dL by 18).", examples = "5.6",
                minimum = "0.5", maximum = "60")
        @DecimalMin("0.5") @DecimalMax("60")
        Double bloodGlucose) {

    /** True when no value was given at all (not named as a bean property, so no schema or JSON lists it). */
    public boolean noneMeasured() {
        return respiratoryRate == null && oxygenSaturation == null && onSupplementalOxygen == null
                && systolicBloodPressure == null && heartRate == null && temperature == null && consciousness == null
                && bloodGlucose == null;
    }
}
