package dev.triageapi.cdshooks;

import dev.triageapi.testing.RealEhr;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR fetch bounded as a whole against an allowed server that misbehaves on purpose ({@code HostileFhirServer}):
 * whatever it does with its headers and body, the hook call is answered 412 by the deadline
 * ({@code triage.cds.fetch-timeout}, 2 s here), never later, never with a 500, and never with its bytes.
 */
@QuarkusTest
@TestProfile(RealEhr.class)
class CdsFetchDeadlineTest {

    /** The deadline, plus the margin a loaded 2-core machine needs to answer. */
    private static final Duration BOUND = Duration.ofSeconds(6);

    private static String call(String patientId) {
        return CdsEhrTest.call(patientId, null, RealEhr.TOKEN)
                .replace(System.getProperty(RealEhr.FHIR_BASE), System.getProperty(RealEhr.HOSTILE_BASE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "silent, did not answer within 2000 ms",
            "headers-only, did not answer within 2000 ms",
            "trickle, did not answer within 2000 ms",
            "huge, larger than 2097152 bytes",
            "huge-chunked, larger than 2097152 bytes",
            "hostile, not valid FHIR R4 JSON",
            "redirect, answered HTTP 302",
            "escape, next page outside its base URL"})
    void shouldAnswer412ByTheDeadlineWhateverTheFhirServerDoes(String behaviour, String reason) throws Exception {
        Instant start = Instant.now();
        CdsEhrTest.post(call(behaviour)).statusCode(412).contentType("application/problem+json")
                .body("detail", containsString(reason));
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(BOUND) < 0, behaviour + " held the call for " + took.toMillis() + " ms");
    }

    @Test
    void shouldReadNoBodyOfAnAnswerThatIsNotA200() throws Exception {
        // A 404 is "no such records" at once: its body, trickled for 30 s, is not read (reading it would run into the
        // deadline, and the call would be a 412).
        CdsEhrTest.post(call("trickled-404")).statusCode(200).body("cards[0].summary", equalTo("No symptom records to triage"));
    }

    @Test
    void shouldNeverFollowANextLinkThatLeavesTheBasePath() throws Exception {
        CdsEhrTest.post(call("escape")).statusCode(412);
        assertFalse(RealEhr.hostile.requests.stream().anyMatch(line -> line.contains("secret")), RealEhr.hostile.requests.toString());
    }

    @Test
    void shouldAnswerACallThatOutlastsTheBodyTimeoutWithoutA408() throws Exception {
        // The FHIR server takes 1.5 s; the body timeout is 1 s: the body arrived long before, so this is no slow client.
        CdsEhrTest.post(call("late")).statusCode(200).body("cards[0].summary", equalTo("No symptom records to triage"));
    }

    @Test
    void shouldBoundAllQueriesOfACallByOneDeadline() throws Exception {
        // Both the search and the Patient read take 1.5 s: the read gets what is left of the 2 s and is given up.
        Instant start = Instant.now();
        CdsEhrTest.post(call("late-everywhere")).statusCode(200)
                .body("cards[0].detail", containsString("prefetch.patient: could not be fetched"));
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(BOUND) < 0, "took " + took.toMillis() + " ms");
    }

    @Test
    void shouldQueryOnlyTheServersOfTheClientThatSignedTheCall() throws Exception {
        int before = RealEhr.hostile.requests.size();
        String rsa = CdsEhrTest.jwt(RealEhr.RSA_PRIVATE_JWK, RealEhr.RSA_ISSUER, CdsEhrTest.AUD, c -> { }, h -> { });
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + rsa).body(call("late"))
                .when().post(CdsEhrTest.SERVICE).then().statusCode(412)
                .body("detail", containsString("not one this CDS client may have the service query"));
        assertEquals(before, RealEhr.hostile.requests.size(), "the other EHR's server was never asked");
        String again = CdsEhrTest.jwt(RealEhr.RSA_PRIVATE_JWK, RealEhr.RSA_ISSUER, CdsEhrTest.AUD, c -> { }, h -> { });
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + again)
                .body(CdsEhrTest.call("weak", null, RealEhr.TOKEN))
                .when().post(CdsEhrTest.SERVICE).then().statusCode(200);
    }

    @Test
    void shouldRefuseAPatientIdThatIsAPathSegment() throws Exception {
        int before = RealEhr.AUTHORIZATIONS.size();
        for (String id : new String[] {"..", ".", "...", "a/../b", "%2e%2e"}) {
            CdsEhrTest.post(CdsEhrTest.call(id, null, RealEhr.TOKEN)).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("context.patientId"));
        }
        assertEquals(before, RealEhr.AUTHORIZATIONS.size(), "no query was made: " + RealEhr.AUTHORIZATIONS);
    }

    @Test
    void shouldChallengeARefusedTokenWithBearer() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not-a-jwt").body(call("late"))
                .when().post(CdsEhrTest.SERVICE).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        given().contentType(ContentType.JSON).body(call("late"))
                .when().post(CdsEhrTest.SERVICE).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }
}
