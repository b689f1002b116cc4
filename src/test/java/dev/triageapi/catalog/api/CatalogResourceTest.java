package dev.triageapi.catalog.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The catalogs an intake app builds its form from. */
@QuarkusTest
class CatalogResourceTest {

    static final List<String> REQUIRED_SYMPTOMS = List.of("muscle_weakness", "numbness", "paralysis", "confusion",
            "difficulty_speaking", "difficulty_understanding", "vision_change", "double_vision", "dizziness",
            "difficulty_walking", "loss_of_coordination", "headache", "abdominal_pain", "difficulty_swallowing",
            "difficulty_breathing", "drooping_eyelids", "burning_sensation", "frequent_falls", "muscle_spasms",
            "muscle_pain", "pins_and_needles", "twitching", "fatigue", "muscle_cramps", "skin_rash", "widespread_pain",
            "sleep_problems", "fever", "weight_loss", "weight_gain", "heat_intolerance", "cold_intolerance",
            "palpitations", "tremor", "excessive_thirst", "frequent_urination", "darkened_skin", "salt_craving",
            "vomiting", "diarrhea", "dark_urine", "bone_pain");

    @Test
    void shouldListEveryModifierWithItsQuestionAndValueLabels() {
        given().when().get("/api/v1/modifiers")
                .then().statusCode(200)
                .body("code", org.hamcrest.Matchers.contains("onset", "side", "severity", "locations", "hoursSinceOnset",
                        "knownTrigger", "worsening", "recurring", "resolved", "spread", "trigger", "noticedOnWaking",
                        "hoursSinceLastKnownWell"))
                .body("find { it.code == 'trigger' }.values.code", org.hamcrest.Matchers.contains("exercise", "injury", "poor_sleep", "recent_illness",
                        "vaccination", "stress", "heat", "alcohol", "travel", "none"))
                .body("find { it.code == 'locations' }.values.code", org.hamcrest.Matchers.hasItems("shoulder", "upper_arm", "hip", "thigh", "back"))
                .body("find { it.code == 'onset' }.kind", org.hamcrest.Matchers.equalTo("choice"))
                .body("find { it.code == 'onset' }.values.code", org.hamcrest.Matchers.contains("sudden", "gradual"))
                .body("find { it.code == 'locations' }.kind", org.hamcrest.Matchers.equalTo("choices"))
                .body("find { it.code == 'worsening' }.values", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldListTheSymptomGroupsTheRulesName() {
        given().when().get("/api/v1/symptom-groups")
                .then().statusCode(200)
                .body("find { it.code == 'focal_deficits' }.symptoms",
                        org.hamcrest.Matchers.contains("muscle_weakness", "numbness", "paralysis"));
    }

    @Test
    void shouldListEverySymptomWithConfirmedSnomedCodesOnly() {
        given().when().get("/api/v1/symptoms")
                .then().statusCode(200)
                .body("code", hasItems(REQUIRED_SYMPTOMS.toArray(String[]::new)))
                .body("find { it.code == 'muscle_weakness' }.snomedCode", equalTo("26544005"))
                .body("find { it.code == 'numbness' }.snomedCode", equalTo("44077006"))
                .body("find { it.code == 'headache' }.snomedCode", equalTo("25064002"))
                .body("find { it.code == 'dizziness' }.snomedCode", equalTo("404640003"))
                .body("find { it.code == 'difficulty_breathing' }.snomedCode", equalTo("267036007"))
                .body("find { it.code == 'twitching' }.snomedCode", nullValue())
                .body("find { it.code == 'headache' }.modifiers", hasItem("knownTrigger"));
    }

    @Test
    void shouldListEveryRiskFactor() {
        given().when().get("/api/v1/risk-factors")
                .then().statusCode(200)
                .body("code", contains("recent_infection", "home_canned_food", "tick_bite", "diuretic_use", "statin_use",
                        "corticosteroid_use", "diabetes", "thyroid_disease", "covid19", "prolonged_bed_rest",
                        "family_history_neuromuscular", "alcohol_use", "cancer_history", "anticoagulant_use", "recent_surgery",
                        "immunosuppression", "injected_drug_use", "honey_given_to_infant",
                        "myasthenia_gravis", "adrenal_insufficiency", "chronic_kidney_disease", "multiple_sclerosis"))
                .body("find { it.code == 'immunosuppression' }.question", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldListTheSelfCarePathwaysWithTheirScreensAndSafetyNetting() {
        given().when().get("/api/v1/self-care-pathways")
                .then().statusCode(200)
                .body("code", contains("short_tiredness", "exercise_soreness", "poor_sleep_tiredness", "mild_viral_illness",
                        "muscle_cramps", "simple_back_pain", "vaccine_reaction", "tension_headache", "stomach_upset",
                        "constipation", "neck_ache", "heat_exhaustion", "muscle_strain",
                        "hangover", "post_viral_tiredness"))
                .body("find { it.code == 'simple_back_pain' }.screen.symptomsAbsent", hasItems("saddle_numbness", "bladder_or_bowel_problems"))
                .body("find { it.code == 'simple_back_pain' }.screen.riskFactorsAbsent", hasItems("cancer_history"))
                .body("find { it.code == 'mild_viral_illness' }.screen.notPregnant", org.hamcrest.Matchers.equalTo(true))
                .body("watchFor.flatten()", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString())));
    }

    @Test
    void shouldListTheSixCauseGroupsWithTheArticlesConditions() {
        given().when().get("/api/v1/cause-groups")
                .then().statusCode(200)
                .body("code", contains("metabolic", "autoimmune", "neurological", "muscular", "infectious", "other"))
                .body("find { it.code == 'metabolic' }.conditions.code", hasItems("addisons_disease", "hyperparathyroidism",
                        "hyperthyroidism", "hypothyroidism", "hypokalemia", "hyponatremia"))
                .body("find { it.code == 'autoimmune' }.conditions.code", hasItems("diabetes", "graves_disease",
                        "myasthenia_gravis", "guillain_barre_syndrome"))
                .body("find { it.code == 'neurological' }.conditions.code", hasItems("bells_palsy", "cerebral_palsy",
                        "charcot_marie_tooth_disease", "multiple_sclerosis", "chronic_fatigue_syndrome",
                        "amyotrophic_lateral_sclerosis", "stroke"))
                .body("find { it.code == 'muscular' }.conditions.code", hasItems("dermatomyositis", "muscular_dystrophy", "fibromyalgia"))
                .body("find { it.code == 'infectious' }.conditions.code", hasItems("botulism", "severe_covid19", "influenza", "lyme_disease"))
                .body("find { it.code == 'other' }.conditions.code", hasItems("statin_myopathy", "corticosteroid_myopathy", "deconditioning"));
    }

    @Test
    void shouldListTheUrgencyLevelsLowestFirst() {
        given().when().get("/api/v1/urgency-levels")
                .then().statusCode(200)
                .body("code", contains("self_care", "consultation", "consultation_24", "emergency", "emergency_ambulance"))
                .body("$", hasSize(5));
    }
}
