package dev.triageapi.triage.facts;

import dev.triageapi.vocabulary.Pregnancy;
import dev.triageapi.vocabulary.Sex;

/** Who the symptoms belong to. Age and treatment status may be unknown ({@code null}). */
public final class Patient {

    private final Integer age;
    private final Sex sex;
    private final Boolean underTreatment;
    private final Pregnancy pregnancy;

    public Patient(Integer age, Sex sex, Boolean underTreatment) {
        this(age, sex, underTreatment, null);
    }

    public Patient(Integer age, Sex sex, Boolean underTreatment, Pregnancy pregnancy) {
        this.age = age;
        this.sex = sex == null ? Sex.UNKNOWN : sex;
        this.underTreatment = underTreatment;
        this.pregnancy = pregnancy;
    }

    /** This patient with another pregnancy answer. */
    public Patient withPregnancy(Pregnancy answer) {
        return new Patient(age, sex, underTreatment, answer);
    }

    public Integer getAge() { return age; }
    public Sex getSex() { return sex; }
    public Boolean getUnderTreatment() { return underTreatment; }
    public Pregnancy getPregnancy() { return pregnancy; }

    /** Reported pregnant, or given birth within the last six weeks (false when unanswered). */
    public boolean isPregnantOrPostpartum() { return pregnancy == Pregnancy.PREGNANT || pregnancy == Pregnancy.POSTPARTUM; }

    /** Known not to be pregnant or just after a birth: said so, or male. */
    public boolean isKnownNotPregnant() { return pregnancy == Pregnancy.NOT_PREGNANT || sex == Sex.MALE; }

    /** Reported as under treatment for muscle weakness (false when unanswered). */
    public boolean isUnderTreatmentKnown() { return Boolean.TRUE.equals(underTreatment); }
    /** Reported as not under treatment for muscle weakness (false when unanswered). */
    public boolean isUnderTreatmentDenied() { return Boolean.FALSE.equals(underTreatment); }
    public boolean agedAtLeast(Integer years) { return age != null && age >= years; }
    public boolean youngerThan(Integer years) { return age != null && age < years; }
}
