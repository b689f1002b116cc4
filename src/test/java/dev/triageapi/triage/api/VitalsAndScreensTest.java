package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Vital signs, denied risk factors and self-care screens over HTTP: the contract's new fields, their checks and answers. */
@QuarkusTest
class VitalsAndScreensTest {

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/triage").then();
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"heartRate,900", "heartRate,0", "respiratoryRate,-3", "oxygenSaturation,101", "systolicBloodPressure,20",
            "temperature,98.6", "temperature,-1", "bloodGlucose,0", "bloodGlucose,180"})
    void shouldRefuseAVitalSignOutsideItsRangeNamingTheField(String field, String value) {
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"vitals\":{\"" + field + "\":" + value + "}}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("vitals." + field));
    }

    @Test
    void shouldRefuseAConsciousnessLevelThatIsNotOnTheScale() {
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"vitals\":{\"consciousness\":\"drowsy\"}}")
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseARiskFactorReportedBothPresentAndAbsent() {
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"riskFactors\":[\"diabetes\"],\"absentRiskFactors\":[\"diabetes\"]}")
                .statusCode(400).body("errors.field", hasItem("absentRiskFactors[0]"))
                .body("errors[0].message", containsString("either present or absent"));
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"absentRiskFactors\":[\"fatige\"]}")
                .statusCode(400).body("errors.field", hasItem("absentRiskFactors[0]"));
    }

    @Test
    void shouldCallAnAmbulanceForANews2OfSevenAndNameTheVitalSignsBehindIt() {
        post(Examples.VITALS_REQUEST).statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("news2_high"))
                .body("redFlags.find { it.code == 'news2_high' }.evidence", hasItems("vitals.respiratoryRate", "vitals.oxygenSaturation"))
                .body("redFlags.find { it.code == 'news2_high' }.source", containsString("Royal College of Physicians"))
                .body("selfCare", nullValue());
    }

    @Test
    void shouldAdviseSelfCareWithSafetyNettingForScreenedSorenessAfterExercise() {
        post(Examples.EXERCISE_SORENESS_REQUEST).statusCode(200)
                .body("urgency", equalTo("self_care"))
                .body("selfCare.pathway", equalTo("exercise_soreness"))
                .body("advice", containsString("exercise"))
                .body("selfCare.watchFor", hasItem(containsString("urine")))
                .body("selfCare.seeDoctorIf", notNullValue())
                .body("selfCare.callEmergencyIf", containsString("911"))
                .body("advice", containsString("Call 911")) // the v1 field carries the safety netting too
                .body(not(containsString("{emergencyNumber}")))
                .body("screenQuestions", empty())
                .body("disclaimer", containsString("not medical advice"));
    }

    @Test
    void shouldListTheScreenQuestionsThatCouldLowerTheLevelAndLowerItOnceAnswered() {
        String unscreened = """
                {"age": 27, "sex": "female",
                 "symptoms": [{"code": "muscle_pain", "onset": "gradual", "hoursSinceOnset": 40, "severity": "moderate",
                               "worsening": false, "trigger": "exercise", "locations": ["thigh"]}]}""";
        post(unscreened).statusCode(200)
                .body("urgency", equalTo("consultation"))
                .body("selfCare", nullValue())
                .body("screenQuestions.code", hasItems("dark_urine", "fever", "numbness", "statin_use"))
                .body("screenQuestions.find { it.code == 'statin_use' }.subject", equalTo("riskFactor"))
                .body("screenQuestions.find { it.code == 'dark_urine' }.answer", equalTo("absent"))
                .body("screenQuestions.couldLowerTo", not(hasItem(not(equalTo("self_care")))))
                .body("screenQuestions.question", not(hasItem(nullValue())));
        String answered = unscreened.replace("\"locations\": [\"thigh\"]}]}", """
                "locations": ["thigh"]},
                 {"code": "dark_urine", "status": "absent"}, {"code": "fever", "status": "absent"},
                 {"code": "numbness", "status": "absent"}],
                 "absentRiskFactors": ["statin_use"]}""");
        post(answered).statusCode(200).body("urgency", equalTo("self_care")).body("screenQuestions", empty());
    }

    @Test
    void shouldNotOfferHomeCareInAnEmergencyAnswerEvenWhenTheBenignPictureIsScreened() {
        String alarming = Examples.EXERCISE_SORENESS_REQUEST.replace("\"absentRiskFactors\"",
                "\"vitals\": {\"respiratoryRate\": 28, \"heartRate\": 135}, \"absentRiskFactors\"");
        post(alarming).statusCode(200)
                .body("urgency", equalTo("emergency"))
                .body("selfCare", nullValue())
                .body("reasons", not(hasItem(containsString("looked after at home"))));
    }

    @Test
    void shouldNeverReadAnUnlistedRiskFactorAsDenied() {
        String screenedButStatinUnknown = Examples.EXERCISE_SORENESS_REQUEST.replace("\"absentRiskFactors\": [\"statin_use\"]", "\"absentRiskFactors\": []");
        post(screenedButStatinUnknown).statusCode(200).body("urgency", equalTo("consultation"))
                .body("screenQuestions.code", hasItem("statin_use"));
    }
}
