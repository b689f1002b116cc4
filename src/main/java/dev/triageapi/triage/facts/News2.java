package dev.triageapi.triage.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A NEWS2 score the rules computed (rules/vitals/news2.drl): the points of each parameter and their sum. A parameter
 * not measured scores nothing, so {@code total} is the lowest the full score can be: a band reached on part of the
 * chart is reached on all of it.
 */
public record News2(int respiration, int saturation, int oxygen, int systolic, int pulse, int consciousness, int temperature) {

    public int getTotal() { return respiration + saturation + oxygen + systolic + pulse + consciousness + temperature; }

    /** The highest points any one parameter scored (3 in one parameter is a band of its own). */
    public int getHighestSingle() {
        return Math.max(Math.max(Math.max(respiration, saturation), Math.max(oxygen, systolic)),
                Math.max(Math.max(pulse, consciousness), temperature));
    }

    /** The parameters that scored, for a red flag's evidence, as {@code vitals.<field>}. */
    public List<String> getScoring() {
        List<String> out = new ArrayList<>();
        add(out, respiration, "vitals.respiratoryRate");
        add(out, saturation, "vitals.oxygenSaturation");
        add(out, oxygen, "vitals.onSupplementalOxygen");
        add(out, systolic, "vitals.systolicBloodPressure");
        add(out, pulse, "vitals.heartRate");
        add(out, consciousness, "vitals.consciousness");
        add(out, temperature, "vitals.temperature");
        return List.copyOf(out);
    }

    private static void add(List<String> out, int points, String field) {
        if (points > 0) {
            out.add(field);
        }
    }
}
