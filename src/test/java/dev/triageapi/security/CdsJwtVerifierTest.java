package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier against data it did not write: the JWT and keys the CDS Hooks 2.0 specification publishes in
 * "Trusting CDS Clients" ({@code src/test/resources/cds-hooks/}). The published token verifies with the published key
 * and is refused only because it expired in 2015; the same claims signed now with the specification's key pass.
 */
class CdsJwtVerifierTest {

    static final Path DIR = Path.of("src/test/resources/cds-hooks");
    static final String ISSUER = "https://fhir-ehr.example.com/";
    static final String AUDIENCE = "https://cds.example.org/cds-services/some-service";
    /** The specification's private key, published with the example (test data, not a secret). */
    static final String SPEC_PRIVATE_JWK = """
            {"kty": "EC", "d": "SeFXUXda8UomZ8GFUl7HH_Oi15rIbfMcsWj9ecIsDR8kLbqsEz2CGNgwy_IcILxy", "use": "sig",
             "crv": "P-384", "kid": "example-kid", "x": "46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
             "y": "XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI", "alg": "ES384"}""";

    static CdsJwtVerifier verifier() {
        TriageConfig.Cds.Client client = new TriageConfig.Cds.Client() {
            @Override public String issuer() { return ISSUER; }
            @Override public Optional<URI> jwksUrl() { return Optional.empty(); }
            @Override public Optional<Path> jwksFile() { return Optional.of(DIR.resolve("spec-example-jwks.json")); }
        };
        TriageConfig.Cds cds = new TriageConfig.Cds() {
            @Override public Map<String, Client> clients() { return Map.of("spec-example", client); }
            @Override public Optional<List<URI>> fhirServers() { return Optional.empty(); }
            @Override public Duration fetchTimeout() { return Duration.ofSeconds(4); }
            @Override public int maxPages() { return 5; }
        };
        TriageConfig config = new TriageConfig() {
            @Override public String emergencyNumber() { return "911"; }
            @Override public Optional<URI> publicBaseUrl() { return Optional.of(URI.create("https://cds.example.org/")); }
            @Override public Rules rules() { return null; }
            @Override public Api api() { return null; }
            @Override public Security security() { return null; }
            @Override public WarmUp warmUp() { return null; }
            @Override public Cds cds() { return cds; }
        };
        return new CdsJwtVerifier(config);
    }

    @Test
    void shouldVerifyTheSpecificationsTokenWithItsKeyAndRefuseItAsExpired() throws Exception {
        String published = Files.readString(DIR.resolve("spec-example.jwt")).strip();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(published);
        jws.setKey(new JsonWebKeySet(Files.readString(DIR.resolve("spec-example-jwks.json"))).getJsonWebKeys().get(0).getKey());
        assertTrue(jws.verifySignature(), "the published example is signed by the published key");
        assertEquals(Optional.empty(), verifier().verify(published, List.of(AUDIENCE)), "it expired in 2015");
    }

    @Test
    void shouldAcceptTheSpecificationsClaimsSignedNowWithItsKey() throws Exception {
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(SPEC_PRIVATE_JWK);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setGeneratedJwtId();
        claims.setStringClaim("tenant", "2ddd6c3a-8e9a-44c6-a305-52111ad302a2");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue("example-kid");
        jws.setAlgorithmHeaderValue("ES384");
        jws.setHeader("typ", "JWT");
        jws.setHeader("jku", "https://fhir-ehr.example.com/jwk_uri");
        CdsJwtVerifier verifier = verifier();
        String token = jws.getCompactSerialization();
        assertEquals(Optional.of("spec-example"), verifier.verify(token, List.of(AUDIENCE)));
        assertEquals(Optional.empty(), verifier.verify(token, List.of(AUDIENCE)), "the same jti twice is a replay");
    }
}
