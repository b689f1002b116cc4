package dev.triageapi.triage.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The loaded rule set is open to audit. */
@QuarkusTest
class RulesResourceTest {

    @Test
    void shouldDescribeEveryFileAndRuleWithItsProvenance() {
        String version = given().contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"fatigue\"}]}")
                .post("/api/v1/triage").then().extract().path("rulesVersion");
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rulesVersion", equalTo(version))
                .body("source", equalTo("bundled"))
                .body("files.path", hasItem("rules/emergency/stroke.drl"))
                .body("files.sha256", everyItem(matchesPattern("sha256:[0-9a-f]{64}")))
                .body("files.rules", everyItem(greaterThan(0)))
                .body("rules.source", everyItem(not(emptyString())))
                .body("rules.line", everyItem(greaterThan(0)))
                .body("rules.find { it.name == 'Sudden weakness, numbness or paralysis of the face, an arm or a leg is a stroke sign' }.redFlags",
                        hasItem("stroke_sudden_one_sided_weakness"))
                .body("rules.find { it.name == 'Muscle cramps or weakness while taking a diuretic suggest low potassium' }.conditions",
                        hasItem("hypokalemia"))
                .body("rules.find { it.name == 'Weakness with fever needs a doctor within a day' }.levels", hasItem("consultation_24"))
                .body("reload.watching", equalTo(false));
    }
}
