package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The v1 triage contract over HTTP. */
@QuarkusTest
class TriageResourceTest {

    static final String STROKE = Examples.STROKE_REQUEST;

    static String post(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/triage")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
    }

    @Test
    void shouldCallAmbulanceForSuddenOneSidedWeakness() {
        given().contentType(ContentType.JSON).body(STROKE)
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("advice", containsString("Call 911"))
                .body("redFlags.code", hasItem("stroke_sudden_one_sided_weakness"))
                .body("redFlags.code", hasItem("stroke_sudden_confusion_or_speech_trouble"))
                .body("redFlags.source", everyItem(not(empty())))
                .body("redFlags[0].label", notNullValue())
                .body("causeGroups.code", hasItem("neurological"))
                .body("causeGroups.find { it.code == 'neurological' }.conditions.code", hasItem("stroke"))
                .body("causeGroups.find { it.code == 'neurological' }.evidence", hasItem("muscle_weakness"))
                .body("causeGroups.find { it.code == 'neurological' }.conditions.find { it.code == 'stroke' }.serious", equalTo(true))
                .body("trace.file", everyItem(matchesPattern("rules/.+\\.drl")))
                .body("trace.findAll { it.decisive }.file", everyItem(equalTo("rules/emergency/stroke.drl")))
                .body("rulesVersion", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("missingInformation", empty())
                .body("disclaimer", containsString("not medical advice"))
                .body("disclaimer", containsString("911"));
    }

    @Test
    void shouldTriageAHeadInjuryOnAnticoagulantsWhoseIntakeGaveItAnOnsetListingTheOnsetAsUnused() {
        String withOnset = """
                {"age": 78, "riskFactors": ["anticoagulant_use"],
                 "symptoms": [{"code": "head_injury", "onset": "sudden", "hoursSinceOnset": 3},
                              {"code": "muscle_weakness", "onset": "sudden", "side": "left", "locations": ["arm"]}]}""";
        String without = withOnset.replace("\"onset\": \"sudden\", \"hoursSinceOnset\": 3", "\"hoursSinceOnset\": 3");
        given().contentType(ContentType.JSON).body(withOnset)
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("unused.location", contains("symptoms[0].onset"))
                .body("unused[0].reason", containsString("does not apply to symptom 'head_injury'"));
        assertEquals(given().contentType(ContentType.JSON).body(without).post("/api/v1/triage").jsonPath().getString("urgency"),
                given().contentType(ContentType.JSON).body(withOnset).post("/api/v1/triage").jsonPath().getString("urgency"),
                "the ignored onset changes nothing");
    }

    @Test
    void shouldListEveryFieldItDoesNotKnowInsteadOfDroppingItUnsaid() {
        given().contentType(ContentType.JSON)
                .body("{\"age\": 70, \"agee\": 1, \"symptoms\": [{\"code\": \"fatigue\"}, "
                        + "{\"code\": \"muscle_weakness\", \"onsett\": \"sudden\", \"side\": \"left\", \"extra\": {\"a\": [1, 2]}}], "
                        + "\"vitals\": {\"heartrate\": 120}}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("unused.location", containsInAnyOrder("agee", "symptoms[1].onsett", "symptoms[1].extra", "vitals.heartrate"))
                .body("unused.reason", everyItem(containsString("not a field of the triage request")))
                .body("missingInformation.modifier", hasItem("onset"));
    }

    /** Shaped like another vendor's intake (evidence, extras), with noise: found to put "interview_id." before every name. */
    @Test
    void shouldNameUnknownFieldsOfAnotherVendorsIntakeByTheirOwnPaths() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"sex": "female", "age": 58,
                         "evidence": [{"id": "s_21", "choice_id": "present", "source": "initial"}],
                         "extras": {"disable_groups": true},
                         "symptoms": [{"code": "headache", "onset": "sudden", "severity": "severe", "duration": "2 hours"},
                                      {"code": "fatigue", "notes": {"text": "since yesterday"}}],
                         "vitals": {"heartRate": 88, "pulse_ox": 97},
                         "patient_name": "Jane Doe", "interview_id": "d083e76f-3c29-44aa-8893-587f3691c0c5"}""")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("unused.location", containsInAnyOrder("evidence", "extras", "symptoms[0].duration", "symptoms[1].notes",
                        "vitals.pulse_ox", "patient_name", "interview_id"));
    }

    @Test
    void shouldNeverRepeatAnUnknownFieldNameThatIsNotAPlainIdentifier() {
        String answer = given().contentType(ContentType.JSON)
                .body("{\"<img src=x onerror=alert(1)>\": 1, \"symptoms\": [{\"code\": \"fatigue\", \"on\\u001b[31mset\": 1}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("unused.location", containsInAnyOrder("?", "symptoms[0].?"))
                .extract().asString();
        assertFalse(answer.contains("<img") || answer.contains("onerror") || answer.contains("\\u001b"), answer);
    }

    @Test
    void shouldTriageASeizureWithAnOnsetAndMorningStiffnessWithASeverity() {
        given().contentType(ContentType.JSON)
                .body("{\"age\": 30, \"symptoms\": [{\"code\": \"seizure\", \"onset\": \"sudden\", \"hoursSinceOnset\": 1}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("unused.location", contains("symptoms[0].onset"));
        given().contentType(ContentType.JSON)
                .body("{\"age\": 60, \"symptoms\": [{\"code\": \"morning_stiffness\", \"severity\": \"severe\", "
                        + "\"knownTrigger\": true, \"hoursSinceOnset\": 2000}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("unused.location", contains("symptoms[0].severity", "symptoms[0].knownTrigger"));
    }

    @Test
    void shouldAnswerByteIdenticallyWhateverTheSymptomOrder() {
        String reordered = """
                {"age": 71, "sex": "male", "underTreatment": false, "riskFactors": ["diabetes"],
                 "symptoms": [
                   {"code": "difficulty_speaking", "onset": "sudden"},
                   {"locations": ["arm", "face"], "code": "muscle_weakness", "hoursSinceOnset": 1.5, "severity": "moderate", "side": "left", "onset": "sudden"}]}""";
        assertEquals(post(STROKE), post(reordered));
    }

    @Test
    void shouldAdviseSelfCareForTirednessWithNormalStrength() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"symptoms": [{"code": "fatigue", "severity": "mild", "hoursSinceOnset": 72},
                                      {"code": "muscle_weakness", "status": "absent"}],
                         "underTreatment": false}""")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("self_care"))
                .body("redFlags", empty())
                .body("advice", containsString("sleep"))
                .body("disclaimer", notNullValue());
    }

    @Test
    void shouldAskWhetherAStrokeSignStartedSuddenlyWhenOnsetIsMissing() {
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"difficulty_speaking\"}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("urgency", equalTo("emergency"))
                .body("redFlags.code", contains("stroke_sign_onset_unknown"))
                .body("missingInformation.find { it.modifier == 'onset' }.symptom", equalTo("difficulty_speaking"))
                .body("missingInformation.find { it.modifier == 'onset' }.value", equalTo("sudden"))
                .body("missingInformation.find { it.modifier == 'onset' }.couldRaiseTo", equalTo("emergency_ambulance"))
                .body("missingInformation.find { it.modifier == 'hoursSinceOnset' }.couldRaiseTo", equalTo("emergency_ambulance"));
    }

    @Test
    void shouldNameTheMatchedEvidenceForACause() {
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\": [{\"code\": \"muscle_cramps\", \"onset\": \"gradual\"}], \"riskFactors\": [\"diuretic_use\"]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("causeGroups[0].code", equalTo("metabolic"))
                .body("causeGroups[0].conditions[0].code", equalTo("hypokalemia"))
                .body("causeGroups[0].conditions[0].evidence", contains("diuretic_use", "muscle_cramps"));
    }

    @Test
    void shouldServeTheSameRulesVersionAsReadiness() {
        String version = given().contentType(ContentType.JSON).body(STROKE).post("/api/v1/triage").then().extract().path("rulesVersion");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.rulesVersion", equalTo(version)));
    }

    @Test
    void shouldReadAnEmptyLocationListAsNotAnswered() {
        String without = given().contentType(ContentType.JSON)
                .body("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"onset\":\"sudden\"}]}")
                .post("/api/v1/triage").then().statusCode(200).extract().path("urgency");
        given().contentType(ContentType.JSON)
                .body("{\"symptoms\":[{\"code\":\"muscle_weakness\",\"onset\":\"sudden\",\"locations\":[]}]}")
                .when().post("/api/v1/triage")
                .then().statusCode(200).body("urgency", equalTo(without));
    }
}
