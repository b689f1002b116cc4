package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the JWTs CDS clients sign, as CDS Hooks 2.0 asks: an issuer of {@code triage.cds.clients}, a signature
 * by one of its keys in ES384 or RS384 (never {@code none}, never a shared-secret algorithm), {@code aud} the URL
 * called, {@code exp} and {@code iat} present and at most five minutes apart from now, and a {@code jti} not seen
 * before (a replayed token is refused until it expires). A {@code jku} header is never followed, and no token makes
 * the service download keys ({@link ClientKeySets}).
 */
@ApplicationScoped
public class CdsJwtVerifier {

    private static final Logger LOG = Logger.getLogger(CdsJwtVerifier.class);
    private static final int SKEW_SECONDS = 30;
    private static final int MAX_LIFETIME_MINUTES = 5;
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, String> names = new HashMap<>();
    private final ClientKeySets keys;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final JwtConsumer unverified = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    CdsJwtVerifier(TriageConfig config, ClientKeySets keys) {
        this.keys = keys;
        config.cds().clients().forEach((name, client) -> names.put(client.issuer(), name));
    }

    /** The name of the trusted client that signed this token for one of these audiences; empty when it is refused. */
    public Optional<String> verify(String token, List<String> audiences) {
        try {
            JwtContext context = unverified.process(token);
            String issuer = context.getJwtClaims().getIssuer();
            Optional<VerificationKeyResolver> trusted = issuer == null ? Optional.empty() : keys.keys(issuer);
            if (trusted.isEmpty()) {
                LOG.debug("CDS client JWT refused: unknown issuer");
                return Optional.empty();
            }
            new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, AlgorithmIdentifiers.RSA_USING_SHA384))
                    .setVerificationKeyResolver(trusted.get())
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(audiences.toArray(String[]::new))
                    .setRequireExpirationTime()
                    .setMaxFutureValidityInMinutes(MAX_LIFETIME_MINUTES)
                    .setRequireIssuedAt()
                    .setIssuedAtRestrictions(SKEW_SECONDS, MAX_LIFETIME_MINUTES * 60)
                    .setAllowedClockSkewInSeconds(SKEW_SECONDS)
                    .setRequireJwtId()
                    .build()
                    .processContext(context);
            return firstUse(issuer, context.getJwtClaims()) ? Optional.of(names.get(issuer)) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.debug("CDS client JWT refused"); // the reason quotes the token's claims: not logged
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.debugf("CDS client JWT refused: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** True the first time a (issuer, jti) is seen before it expires: a replayed token is refused. */
    private boolean firstUse(String issuer, JwtClaims claims) throws MalformedClaimException {
        long now = Instant.now().getEpochSecond();
        if (seen.size() >= MAX_REMEMBERED) {
            seen.values().removeIf(expiry -> expiry < now);
            if (seen.size() >= MAX_REMEMBERED) {
                LOG.warn("CDS client JWT refused: too many unexpired tokens remembered to detect a replay");
                return false;
            }
        }
        long expiry = claims.getExpirationTime().getValue() + SKEW_SECONDS;
        if (seen.putIfAbsent(issuer + " " + claims.getJwtId(), expiry) != null) {
            LOG.debug("CDS client JWT refused: jti already used");
            return false;
        }
        return true;
    }
}
