package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
        TriageConfig config = config(Optional.empty(), Optional.of(DIR.resolve("spec-example-jwks.json")));
        return new CdsJwtVerifier(config, new ClientKeySets(config));
    }

    /** One client, the specification's issuer, with its keys at a URL or in a file. */
    static TriageConfig config(Optional<URI> jwksUrl, Optional<Path> jwksFile) {
        TriageConfig.Cds.Client client = new TriageConfig.Cds.Client() {
            @Override public String issuer() { return ISSUER; }
            @Override public Optional<URI> jwksUrl() { return jwksUrl; }
            @Override public Optional<Path> jwksFile() { return jwksFile; }
            @Override public Optional<List<URI>> fhirServers() { return Optional.empty(); }
        };
        TriageConfig.Cds cds = new TriageConfig.Cds() {
            @Override public Map<String, Client> clients() { return Map.of("spec-example", client); }
            @Override public Optional<List<URI>> fhirServers() { return Optional.empty(); }
            @Override public Duration fetchTimeout() { return Duration.ofSeconds(4); }
            @Override public int maxPages() { return 5; }
            @Override public Duration jwksRefresh() { return Duration.ofMinutes(5); }
        };
        return new TriageConfig() {
            @Override public String emergencyNumber() { return "911"; }
            @Override public Optional<URI> publicBaseUrl() { return Optional.of(URI.create("https://cds.example.org/")); }
            @Override public Rules rules() { return null; }
            @Override public Api api() { return null; }
            @Override public Security security() { return null; }
            @Override public WarmUp warmUp() { return null; }
            @Override public Cds cds() { return cds; }
        };
    }

    static String signed(String kid, Consumer<JwtClaims> change) throws Exception {
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(SPEC_PRIVATE_JWK);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(4);
        claims.setGeneratedJwtId();
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue("ES384");
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    /** A key host on loopback serving /jwks.json with this handler, on threads of its own; stop it when done. */
    static HttpServer keyHost(HttpHandler handler) throws IOException {
        HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/jwks.json", handler);
        host.setExecutor(Executors.newCachedThreadPool());
        host.start();
        return host;
    }

    /** One client whose keys are at this host's /jwks.json. */
    static TriageConfig config(HttpServer keyHost) {
        return config(Optional.of(URI.create("http://127.0.0.1:" + keyHost.getAddress().getPort() + "/jwks.json")), Optional.empty());
    }

    static void stop(HttpServer keyHost) {
        keyHost.stop(0);
        ((ExecutorService) keyHost.getExecutor()).shutdownNow();
    }

    /** Answers with the key set. */
    static void serve(HttpExchange exchange, byte[] jwks) throws IOException {
        exchange.sendResponseHeaders(200, jwks.length);
        exchange.getResponseBody().write(jwks);
    }

    @Test
    void shouldNeverDownloadKeysBecauseOfATokenWithAnUnknownKid() throws Exception {
        AtomicInteger downloads = new AtomicInteger();
        byte[] jwks = Files.readAllBytes(DIR.resolve("spec-example-jwks.json"));
        HttpServer keyHost = keyHost(exchange -> {
            downloads.incrementAndGet();
            serve(exchange, jwks);
            exchange.close();
        });
        try {
            TriageConfig config = config(keyHost);
            ClientKeySets keys = new ClientKeySets(config);
            keys.refreshAll();
            assertEquals(1, downloads.get());
            CdsJwtVerifier verifier = new CdsJwtVerifier(config, keys);
            for (int i = 0; i < 6; i++) {
                String madeUp = signed("made-up-kid-" + i, c -> { });
                String garbage = madeUp.substring(0, madeUp.lastIndexOf('.') + 1) + "AAAA" + i;
                assertEquals(Optional.empty(), verifier.verify(garbage, List.of(AUDIENCE)));
                assertEquals(Optional.empty(), verifier.verify(madeUp, List.of(AUDIENCE)));
            }
            assertEquals(1, downloads.get(), "a token never makes the service download a key set");
            assertEquals(Optional.of("spec-example"), verifier.verify(signed("example-kid", c -> { }), List.of(AUDIENCE)),
                    "the keys of the one download verify a token the client signed");
        } finally {
            stop(keyHost);
        }
    }

    @Test
    void shouldTryAgainAtTheNextCheckOnlyWhileAKeySetIsMissingOrStale() throws Exception {
        byte[] jwks = Files.readAllBytes(DIR.resolve("spec-example-jwks.json"));
        AtomicInteger calls = new AtomicInteger();
        HttpServer keyHost = keyHost(exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(503, -1); // down at start
            } else {
                serve(exchange, jwks);
            }
            exchange.close();
        });
        try {
            TriageConfig config = config(keyHost);
            ClientKeySets keys = new ClientKeySets(config);
            CdsJwtVerifier verifier = new CdsJwtVerifier(config, keys);
            keys.refreshAll();
            assertEquals(Optional.empty(), verifier.verify(signed("example-kid", c -> { }), List.of(AUDIENCE)), "no keys yet");
            keys.refreshDue();
            assertEquals(2, calls.get(), "a missing key set is due at the next check");
            assertEquals(Optional.of("spec-example"), verifier.verify(signed("example-kid", c -> { }), List.of(AUDIENCE)));
            keys.refreshDue();
            assertEquals(2, calls.get(), "a fresh key set is not downloaded again before the refresh interval");
        } finally {
            stop(keyHost);
        }
    }

    @Test
    void shouldKeepTheLastKeysWhenAKeyHostFailsOrTrickles() throws Exception {
        byte[] jwks = Files.readAllBytes(DIR.resolve("spec-example-jwks.json"));
        AtomicInteger calls = new AtomicInteger();
        HttpServer keyHost = keyHost(exchange -> {
            if (calls.incrementAndGet() == 1) {
                serve(exchange, jwks);
            } else {
                exchange.sendResponseHeaders(200, 1000);
                try {
                    for (int i = 0; i < 20; i++) { // a byte every quarter second: 5 s in all, five times the deadline
                        exchange.getResponseBody().write(' ');
                        exchange.getResponseBody().flush();
                        Thread.sleep(250);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the service gave up on it
                }
            }
            exchange.close();
        });
        try {
            TriageConfig config = config(keyHost);
            ClientKeySets keys = new ClientKeySets(config, Duration.ofSeconds(1));
            keys.refreshAll();
            long start = System.nanoTime();
            keys.refreshAll();
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            assertTrue(seconds < 4, "a trickled key set is given up at its deadline, took " + seconds + " s");
            assertEquals(Optional.of("spec-example"), new CdsJwtVerifier(config, keys)
                    .verify(signed("example-kid", c -> { }), List.of(AUDIENCE)), "the last good keys stay in use");
        } finally {
            stop(keyHost);
        }
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
