package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.Consciousness;

/** The vital signs measured for this case; each may be {@code null} (not measured), which the rules never read as normal. */
public record VitalSigns(Integer respiratoryRate, Integer oxygenSaturation, Boolean onSupplementalOxygen,
                         Integer systolicBloodPressure, Integer heartRate, Double temperature,
                         Consciousness consciousness, Double bloodGlucose) {

    public Integer getRespiratoryRate() { return respiratoryRate; }
    public Integer getOxygenSaturation() { return oxygenSaturation; }
    public Boolean getOnSupplementalOxygen() { return onSupplementalOxygen; }
    public Integer getSystolicBloodPressure() { return systolicBloodPressure; }
    public Integer getHeartRate() { return heartRate; }
    public Double getTemperature() { return temperature; }
    public Consciousness getConsciousness() { return consciousness; }
    public Double getBloodGlucose() { return bloodGlucose; }

    /** Measured and below {@code mmol} mmol/L. */
    public boolean glucoseBelow(double mmol) { return bloodGlucose != null && bloodGlucose < mmol; }
    /** Measured and at least {@code mmol} mmol/L. */
    public boolean glucoseAtLeast(double mmol) { return bloodGlucose != null && bloodGlucose >= mmol; }
    /** Measured and at least {@code celsius}. */
    public boolean temperatureAtLeast(double celsius) { return temperature != null && temperature >= celsius; }
    /** A temperature below this; false when not measured. */
    public boolean temperatureBelow(double celsius) { return temperature != null && temperature < celsius; }
    /** Responds only to voice or pain, or not at all (V, P or U of ACVPU). */
    public boolean isConsciousnessReduced() {
        return consciousness == Consciousness.VOICE || consciousness == Consciousness.PAIN || consciousness == Consciousness.UNRESPONSIVE;
    }
    /** Anything but alert, new confusion included. */
    public boolean isNotAlert() { return consciousness != null && consciousness != Consciousness.ALERT; }
    public boolean isNewlyConfused() { return consciousness == Consciousness.NEW_CONFUSION; }
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
