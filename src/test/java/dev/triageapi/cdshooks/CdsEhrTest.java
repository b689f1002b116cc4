package dev.triageapi.cdshooks;

import dev.triageapi.testing.RealEhr;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CDS Hooks against a real EHR on loopback (HAPI FHIR's RestfulServer, see {@link RealEhr}): data that was not
 * prefetched is fetched with the call's bearer token, across pages, in bounded time, and only from an allowed server;
 * and every call must carry a JWT that one of the configured clients signed, as "Trusting CDS Clients" asks.
 */
@QuarkusTest
@TestProfile(RealEhr.class)
class CdsEhrTest {

    static final String SERVICE = "/cds-services/muscle-weakness-triage";
    static final String AUD = "https://triage.example.test/cds-services/muscle-weakness-triage";

    @BeforeEach
    void forget() {
        RealEhr.AUTHORIZATIONS.clear();
    }

    static String jwt(String keyProperty, String issuer, String audience, Consumer<JwtClaims> claimsChange,
                      Consumer<JsonWebSignature> headerChange) throws Exception {
        PublicJsonWebKey key = RealEhr.privateKey(keyProperty);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setGeneratedJwtId();
        claimsChange.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        jws.setHeader("typ", "JWT");
        headerChange.accept(jws);
        return jws.getCompactSerialization();
    }

    static String ecJwt(String audience) throws Exception {
        return jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, audience, c -> { }, h -> { });
    }

    static String call(String patientId, String prefetch, String token) {
        return "{\"hook\":\"encounter-start\",\"hookInstance\":\"" + java.util.UUID.randomUUID() + "\","
                + "\"fhirServer\":\"" + System.getProperty(RealEhr.FHIR_BASE) + "\","
                + "\"fhirAuthorization\":{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"patient/Patient.read patient/Observation.read\",\"subject\":\"muscle-weakness-triage\"},"
                + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"" + patientId + "\"}"
                + (prefetch == null ? "" : ",\"prefetch\":" + prefetch) + "}";
    }

    static ValidatableResponse post(String body) throws Exception {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ecJwt(AUD)).body(body)
                .when().post(SERVICE).then().log().ifValidationFails();
    }

    @Test
    void shouldFetchWhatWasNotPrefetchedWithTheBearerTokenAcrossEveryPage() throws Exception {
        post(call("weak", null, RealEhr.TOKEN)).statusCode(200)
                .body("cards[0].indicator", equalTo("critical"))
                .body("cards[0].detail", containsString("earlier record of a symptom"));
        assertEquals(2, RealEhr.AUTHORIZATIONS.stream().filter(a -> a.contains("_getpages=")).count(),
                "the two further pages of three were read: " + RealEhr.AUTHORIZATIONS);
        assertTrue(RealEhr.AUTHORIZATIONS.stream().anyMatch(a -> a.contains("/fhir/Patient/weak")), RealEhr.AUTHORIZATIONS.toString());
        assertTrue(RealEhr.AUTHORIZATIONS.stream().anyMatch(a -> a.contains("_sort=-date") && a.contains("_count=100")),
                "the search is bounded as the discovery's prefetch template says: " + RealEhr.AUTHORIZATIONS);
        RealEhr.AUTHORIZATIONS.forEach(a -> assertTrue(a.startsWith("Bearer " + RealEhr.TOKEN + " "), a));
    }

    @Test
    void shouldFetchAKeySentAsNullAndSayWhenNothingIsRecorded() throws Exception {
        post(call("none", "{\"symptoms\":null,\"patient\":null}", RealEhr.TOKEN)).statusCode(200)
                .body("cards[0].indicator", equalTo("info"))
                .body("cards[0].summary", equalTo("No symptom records to triage"));
        assertTrue(RealEhr.AUTHORIZATIONS.size() >= 1);
    }

    @Test
    void shouldFetchInsteadOfAnOperationOutcomeTheEhrSent() throws Exception {
        post(call("weak", "{\"symptoms\":{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}}",
                RealEhr.TOKEN)).statusCode(200).body("cards[0].indicator", equalTo("critical"));
    }

    @Test
    void shouldAnswer412InBoundedTimeWhenTheFhirServerIsSlowFailingRefusingOrEndless() throws Exception {
        Instant start = Instant.now();
        post(call("slow", null, RealEhr.TOKEN)).statusCode(412).body("detail", containsString("did not answer within 2000 ms"));
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 15, "the service does not wait for a server that hangs");
        post(call("broken", null, RealEhr.TOKEN)).statusCode(412).body("detail", containsString("answered HTTP 500"));
        post(call("weak", null, "wrong-token")).statusCode(412).body("detail", containsString("refused the fhirAuthorization token"));
        post(call("many", null, RealEhr.TOKEN)).statusCode(412).body("detail", containsString("more than 5 pages"));
    }

    @Test
    void shouldNeverQueryAFhirServerItIsNotConfiguredFor() throws Exception {
        post(call("weak", null, RealEhr.TOKEN).replace(System.getProperty(RealEhr.FHIR_BASE), "http://127.0.0.1:9/fhir"))
                .statusCode(412).body("detail", containsString("triage.cds.fhir-servers"));
        assertEquals(0, RealEhr.AUTHORIZATIONS.size());
    }

    @Test
    void shouldAcceptJwtsOfEveryConfiguredClientForTheUrlCalled() throws Exception {
        String body = call("weak", null, RealEhr.TOKEN);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ecJwt(AUD)).body(body)
                .when().post(SERVICE).then().statusCode(200);
        String rsa = jwt(RealEhr.RSA_PRIVATE_JWK, RealEhr.RSA_ISSUER, AUD, c -> { }, h -> { });
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + rsa).body(body)
                .when().post(SERVICE).then().statusCode(200);
        given().header("Authorization", "Bearer " + ecJwt("https://triage.example.test/cds-services"))
                .when().get("/cds-services").then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ecJwt(AUD)).body(CdsExamples.FEEDBACK)
                .when().post(SERVICE + "/feedback").then().statusCode(204);
    }

    static void refused(String token) {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(call("weak", null, RealEhr.TOKEN))
                .when().post(SERVICE).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseWith401EveryJwtTheSpecSaysNotToTrust() throws Exception {
        JsonWebSignature none = new JsonWebSignature();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(RealEhr.EC_ISSUER);
        claims.setAudience(AUD);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setGeneratedJwtId();
        none.setPayload(claims.toJson());
        none.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        none.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        refused(none.getCompactSerialization());

        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(claims.toJson());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA384);
        hmac.setKey(new HmacKey(new byte[48]));
        refused(hmac.getCompactSerialization());

        refused(jwt(RealEhr.EC_PRIVATE_JWK, "https://stranger.example.test/", AUD, c -> { }, h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, "https://elsewhere.example.test/cds-services/muscle-weakness-triage", c -> { }, h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> c.setExpirationTimeMinutesInTheFuture(-2), h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
            c.setExpirationTimeMinutesInTheFuture(2);
        }, h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> c.setExpirationTimeMinutesInTheFuture(600), h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> c.unsetClaim("jti"), h -> { }));
        refused(jwt(RealEhr.EC_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> c.unsetClaim("iat"), h -> { }));
        // Signed by the other client's key, claiming this one's issuer, with a jku of its own choosing.
        refused(jwt(RealEhr.RSA_PRIVATE_JWK, RealEhr.EC_ISSUER, AUD, c -> { },
                h -> h.setHeader("jku", "http://127.0.0.1:9/attacker-jwks.json")));
        refused("not-a-jwt");

        String once = ecJwt(AUD);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + once).body(call("none", null, RealEhr.TOKEN))
                .when().post(SERVICE).then().statusCode(200);
        refused(once);
    }

    @Test
    void shouldRefuseACallWithoutAJwtWhenClientsAreConfigured() {
        int status = given().contentType(ContentType.JSON).body(call("weak", null, RealEhr.TOKEN))
                .when().post(SERVICE).then().extract().statusCode();
        assertTrue(status == 401 || status == 403, "status " + status);
        given().contentType(ContentType.JSON).body("{\"symptoms\":[{\"code\":\"fatigue\"}]}")
                .when().post("/api/v1/triage").then().statusCode(200);
    }
}
