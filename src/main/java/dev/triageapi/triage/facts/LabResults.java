package dev.triageapi.triage.facts;

import dev.triageapi.json.ReportUnknownFields;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Laboratory results a clinic has for the patient, in SI units. The same record is the request's {@code labs}, the
 * OpenAPI schema and the fact the rules read, so a result is stated once. Every value is optional and range-checked: a
 * value outside its range is a unit or typing error (a calcium in mg/dL, a potassium of 45), refused with a 400.
 * A result that was not given is unknown, and no rule reads it as normal.
 */
@ReportUnknownFields(at = "labs")
@Schema(name = "Labs", description = "Recent laboratory results, in SI units (all optional; omitted means not measured). "
        + "A result far from its normal range is an emergency of its own (severe high or low potassium, low sodium, "
        + "high or low calcium, a very high creatine kinase).")
public record LabResults(
        @Schema(description = "Serum potassium, mmol/L (the same number in mEq/L). Normal about 3.5 to 5.3.",
                examples = "4.2", minimum = "1", maximum = "12")
        @DecimalMin("1") @DecimalMax("12")
        Double potassium,

        @Schema(description = "Serum sodium, mmol/L (the same number in mEq/L). Normal about 133 to 146.",
                examples = "139", minimum = "90", maximum = "200")
        @DecimalMin("90") @DecimalMax("200")
        Double sodium,

        @Schema(description = "Serum calcium adjusted for albumin, mmol/L (divide mg/dL by 4.008). Normal about 2.2 to 2.6.",
                examples = "2.4", minimum = "0.5", maximum = "6")
        @DecimalMin("0.5") @DecimalMax("6")
        Double calcium,

        @Schema(description = "Serum creatine kinase, U/L. Normal up to about 200 (higher in some men and after exercise).",
                examples = "150", minimum = "1", maximum = "1000000")
        @DecimalMin("1") @DecimalMax("1000000")
        Double creatineKinase) {

    /** True when no result was given at all (not named as a bean property, so no schema or JSON lists it). */
    public boolean noneGiven() {
        return potassium == null && sodium == null && calcium == null && creatineKinase == null;
    }

    /** Measured and at least this many mmol/L. */
    public boolean potassiumAtLeast(double mmol) { return potassium != null && potassium >= mmol; }
    /** Measured and below this many mmol/L. */
    public boolean potassiumBelow(double mmol) { return potassium != null && potassium < mmol; }
    /** Measured and at least this many mmol/L. */
    public boolean sodiumAtLeast(double mmol) { return sodium != null && sodium >= mmol; }
    /** Measured and below this many mmol/L. */
    public boolean sodiumBelow(double mmol) { return sodium != null && sodium < mmol; }
    /** Measured and at least this many mmol/L. */
    public boolean calciumAtLeast(double mmol) { return calcium != null && calcium >= mmol; }
    /** Measured and below this many mmol/L. */
    public boolean calciumBelow(double mmol) { return calcium != null && calcium < mmol; }
    /** Measured and at least this many U/L. */
    public boolean creatineKinaseAtLeast(double unitsPerLitre) { return creatineKinase != null && creatineKinase >= unitsPerLitre; }
}
