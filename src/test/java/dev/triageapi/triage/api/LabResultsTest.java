package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Laboratory results and known diagnoses over HTTP: the contract's `labs`, its range checks, and what they change. */
@QuarkusTest
class LabResultsTest {

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/triage").then();
    }

    @Test
    void shouldSendAPatientWithAPotassiumOf68ToTheEmergencyDepartmentNamingTheResult() {
        post(Examples.LABS_REQUEST).statusCode(200)
                .body("urgency", equalTo("emergency"))
                .body("redFlags.code", hasItem("severe_high_potassium"))
                .body("redFlags.find { it.code == 'severe_high_potassium' }.evidence", hasItem("labs.potassium"))
                .body("redFlags.find { it.code == 'severe_high_potassium' }.source", containsString("UK Kidney Association"))
                .body("causeGroups.conditions.flatten().code", hasItem("hyperkalemia"));
    }

    @Test
    void shouldGiveTheSameAnswerWithNormalResultsAsWithNone() {
        String cramps = "{\"age\":40,\"symptoms\":[{\"code\":\"muscle_cramps\",\"onset\":\"gradual\",\"hoursSinceOnset\":300,"
                + "\"severity\":\"mild\"}]";
        String without = post(cramps + "}").statusCode(200).extract().path("urgency");
        post(cramps + ",\"labs\":{\"potassium\":4.2,\"sodium\":140,\"calcium\":2.4,\"creatineKinase\":120}}").statusCode(200)
                .body("urgency", equalTo(without));
        post(cramps + ",\"labs\":{\"potassium\":3.3}}").statusCode(200)
                .body("urgency", equalTo("consultation")).body("causeGroups.conditions.flatten().code", hasItem("hypokalemia"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource({"potassium,45", "potassium,0.5", "sodium,14", "sodium,1400", "calcium,10.2", "calcium,0", "creatineKinase,0",
            "creatineKinase,2000000"})
    void shouldRefuseALabResultOutsideItsRangeNamingTheField(String field, String value) {
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"labs\":{\"" + field + "\":" + value + "}}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("labs." + field));
    }

    @Test
    void shouldListAnUnknownLabFieldAsNotUsed() {
        post("{\"symptoms\":[{\"code\":\"fatigue\"}],\"labs\":{\"potassium\":4.0,\"magnesium\":0.4}}").statusCode(200)
                .body("unused.location", hasItem("labs.magnesium"));
    }

    @Test
    void shouldCallAnAmbulanceForTroubleSwallowingInKnownMyasthenia() {
        post("{\"age\":61,\"symptoms\":[{\"code\":\"difficulty_swallowing\",\"onset\":\"gradual\",\"hoursSinceOnset\":10}],"
                + "\"riskFactors\":[\"myasthenia_gravis\"]}").statusCode(200)
                .body("urgency", equalTo("emergency_ambulance"))
                .body("redFlags.code", hasItem("possible_myasthenic_crisis"))
                .body("redFlags.find { it.code == 'possible_myasthenic_crisis' }.evidence", hasItems("myasthenia_gravis", "difficulty_swallowing"));
    }

    @Test
    void shouldAskAboutAdrenalInsufficiencyWhenItCouldRaiseVomitingToAnAmbulance() {
        post("{\"age\":35,\"symptoms\":[{\"code\":\"vomiting\",\"onset\":\"sudden\",\"hoursSinceOnset\":5,\"severity\":\"mild\"}]}")
                .statusCode(200)
                .body("urgency", not(equalTo("emergency_ambulance")))
                .body("interview.questions.riskFactor", hasItem("adrenal_insufficiency"));
    }
}
