package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <JWT>} for Quarkus Security, as CDS Hooks 2.0 has EHRs authenticate ("Trusting CDS
 * Clients"). The JWT's {@code aud} must be the URL the call was sent to, under {@code triage.public-base-url}; a
 * feedback call may name its service's URL instead. Tried before the API key, so a bad token is refused, not bypassed.
 */
@ApplicationScoped
public class CdsClientAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The role the CDS Hooks endpoints require: a verified JWT, or an API client when no CDS client is configured. */
    public static final String ROLE = "cds-client";
    /** The role only a verified JWT gives: making this service query the client's FHIR server for what it did not prefetch. */
    public static final String EHR_QUERY_ROLE = "ehr-query";
    /** The identity attribute that names the configured client whose JWT was verified. */
    public static final String CLIENT_ATTRIBUTE = "cds-client";
    private static final String BEARER = "Bearer ";

    private final boolean enabled;
    private final URI base;

    CdsClientAuthenticationMechanism(TriageConfig config) {
        this.enabled = !config.cds().clients().isEmpty();
        this.base = config.publicBaseUrl().orElse(null);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (!enabled || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String path = context.normalizedPath();
        List<String> audiences = new ArrayList<>();
        audiences.add(base.resolve(path.substring(1)).toString());
        if (path.endsWith("/feedback")) {
            audiences.add(base.resolve(path.substring(1, path.length() - "/feedback".length())).toString());
        }
        return identities.authenticate(new CdsJwtRequest(header.substring(BEARER.length()).trim(), audiences));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CdsJwtRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
