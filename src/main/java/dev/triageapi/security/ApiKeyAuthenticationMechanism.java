package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Reads the {@code X-API-Key} header for Quarkus Security. Access is decided by the security check on the REST
 * method the router matched ({@code quarkus.security.jaxrs.default-roles-allowed}), so no spelling of a path can
 * reach an endpoint around it. With no key configured every caller is an {@link #ROLE API client}.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The role every endpoint of the API requires unless it says otherwise. */
    public static final String ROLE = "api-client";

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticationMechanism.class);
    static final String CHALLENGE = "ApiKey header=\"" + ApiKeys.HEADER + "\"";

    private final ApiKeys keys;
    private final SecurityIdentity openAccess;

    ApiKeyAuthenticationMechanism(ApiKeys keys, TriageConfig config) {
        this.keys = keys;
        this.openAccess = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("open-access"))
                .addRoles(roles(config)).build();
    }

    /**
     * What an API client may call: the JSON and FHIR API, and the CDS Hooks services too unless CDS clients are
     * configured, since then only their signed JWTs may call those.
     */
    static Set<String> roles(TriageConfig config) {
        return config.cds().clients().isEmpty() ? Set.of(ROLE, CdsClientAuthenticationMechanism.ROLE) : Set.of(ROLE);
    }

    void announce(@Observes StartupEvent event) {
        if (keys.open()) {
            LOG.info("API keys are not configured: the API is open to every client that can reach it");
        } else {
            LOG.infof("API keys required on every API endpoint (%d configured)", keys.count());
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (keys.open()) {
            return Uni.createFrom().item(openAccess);
        }
        String presented = context.request().getHeader(ApiKeys.HEADER);
        if (presented == null) {
            return Uni.createFrom().nullItem(); // anonymous: refused by the endpoint's role check
        }
        return identities.authenticate(new ApiKeyRequest(presented));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, ApiKeys.HEADER));
    }
}
