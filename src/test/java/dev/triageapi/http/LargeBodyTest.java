package dev.triageapi.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/**
 * A valid body is read whole up to the body limit, on every door: the request guard reads it first, and the REST
 * layer must then take it from memory (every valid body over 10 KiB was once refused as malformed JSON, because the
 * REST layer read the request stream a second time and found it ended).
 */
@QuarkusTest
class LargeBodyTest {

    @ParameterizedTest(name = "{0} with {2} bytes of whitespace")
    @CsvSource({
            "/api/v1/triage, application/json, 11000, 200",
            "/api/v1/triage, application/json, 60000, 200",
            "/api/v1/triage, application/json, 70000, 413",
            "/api/v1/parse, application/json, 40000, 200",
            "/api/v1/triage/fhir, application/fhir+json, 40000, 200",
            "/cds-services/muscle-weakness-triage, application/json, 40000, 200"})
    void shouldReadAValidBodyPaddedUpToTheLimit(String path, String contentType, int padding, int status) throws Exception {
        String body = switch (path) {
            case "/api/v1/triage" -> "{\"symptoms\": [{\"code\": \"muscle_weakness\", \"onset\": \"sudden\", \"side\": \"left\"}]}";
            case "/api/v1/parse" -> "{\"text\": \"sudden weakness of my left arm\"}";
            case "/api/v1/triage/fhir" -> Files.readString(Path.of("examples/questionnaire-response.json"));
            default -> Files.readString(Path.of("examples/encounter-start.json"));
        };
        body = body.strip();
        byte[] padded = (body.substring(0, body.length() - 1) + " ".repeat(padding) + "}").getBytes(StandardCharsets.UTF_8);
        given().contentType(contentType).body(padded).when().post(path).then().statusCode(status);
    }
}
