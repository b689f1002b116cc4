package dev.triageapi.triage.facts;

import dev.triageapi.triage.Sex;

/** Who the symptoms belong to. Age and treatment status may be unknown ({@code null}). */
public final class Patient {

    private final Integer age;
    private final Sex sex;
    private final Boolean underTreatment;

    public Patient(Integer age, Sex sex, Boolean underTreatment) {
        this.age = age;
        this.sex = sex == null ? Sex.UNKNOWN : sex;
        this.underTreatment = underTreatment;
    }

    public Integer getAge() { return age; }
    public Sex getSex() { return sex; }
    public Boolean getUnderTreatment() { return underTreatment; }

    /** Reported as under treatment for muscle weakness (false when unanswered). */
    public boolean isUnderTreatmentKnown() { return Boolean.TRUE.equals(underTreatment); }
    /** Reported as not under treatment for muscle weakness (false when unanswered). */
    public boolean isUnderTreatmentDenied() { return Boolean.FALSE.equals(underTreatment); }
    public boolean agedAtLeast(Integer years) { return age != null && age >= years; }
    public boolean youngerThan(Integer years) { return age != null && age < years; }
}
