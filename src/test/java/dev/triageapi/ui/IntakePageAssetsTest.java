package dev.triageapi.ui;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The intake page's own files are served without a browser: page, favicon (which every browser asks for). */
@QuarkusTest
class IntakePageAssetsTest {

    @Test
    void shouldServeTheFaviconsThePageLinks() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("href=\"favicon.svg\"")).body(containsString("href=\"favicon.ico\""));
        given().when().get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/"));
        given().when().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }
}
