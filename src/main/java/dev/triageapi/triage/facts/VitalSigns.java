package dev.triageapi.triage.facts;

import dev.triageapi.json.ReportUnknownFields;
import dev.triageapi.vocabulary.Consciousness;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Vital signs and blood glucose as a clinic or a nurse measured them. The same record is the request's {@code vitals},
 * the OpenAPI schema and the fact the rules read, so a measurement is stated once. Every value is optional and
 * range-checked: a value outside the range is a typing or unit error (a pulse of 900, a temperature in °F), refused
 * with a 400, never guessed at. A value not measured is unknown, and no rule reads it as normal. The predicates are
 * not named as bean properties, so no schema or JSON lists them.
 */
@ReportUnknownFields(at = "vitals")
@Schema(name = "Vitals", description = "Vital signs measured now (all optional; omitted means not measured). Scored with "
        + "NEWS2 (Royal College of Physicians, scale 1) for adults; low blood glucose is an emergency of its own.")
public record VitalSigns(
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

    /** Measured and below {@code mmol} mmol/L. */
    public boolean glucoseBelow(double mmol) { return bloodGlucose != null && bloodGlucose < mmol; }
    /** Measured and at least {@code mmol} mmol/L. */
    public boolean glucoseAtLeast(double mmol) { return bloodGlucose != null && bloodGlucose >= mmol; }
    /** Measured and at least {@code celsius}. */
    public boolean temperatureAtLeast(double celsius) { return temperature != null && temperature >= celsius; }
    /** A temperature below this; false when not measured. */
    public boolean temperatureBelow(double celsius) { return temperature != null && temperature < celsius; }
    /** Responds only to voice or pain, or not at all (V, P or U of ACVPU). */
    public boolean consciousnessReduced() {
        return consciousness == Consciousness.VOICE || consciousness == Consciousness.PAIN || consciousness == Consciousness.UNRESPONSIVE;
    }
    /** Anything but alert, new confusion included. */
    public boolean notAlert() { return consciousness != null && consciousness != Consciousness.ALERT; }
    public boolean newlyConfused() { return consciousness == Consciousness.NEW_CONFUSION; }
    /** Measured, on air, at or below {@code percent}. */
    public boolean saturationAtMost(int percent) { return oxygenSaturation != null && oxygenSaturation <= percent; }
    /** Breathing at least this fast; false when not measured. */
    public boolean respiratoryRateAtLeast(int perMinute) { return respiratoryRate != null && respiratoryRate >= perMinute; }
    /** Breathing slower than this; false when not measured. */
    public boolean respiratoryRateBelow(int perMinute) { return respiratoryRate != null && respiratoryRate < perMinute; }
    /** A pulse at least this fast; false when not measured. */
    public boolean heartRateAtLeast(int perMinute) { return heartRate != null && heartRate >= perMinute; }
    /** A pulse slower than this; false when not measured. */
    public boolean heartRateBelow(int perMinute) { return heartRate != null && heartRate < perMinute; }
    /** A systolic pressure below this; false when not measured. */
    public boolean systolicBelow(int mmHg) { return systolicBloodPressure != null && systolicBloodPressure < mmHg; }
}
