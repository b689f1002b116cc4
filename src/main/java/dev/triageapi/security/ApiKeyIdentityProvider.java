package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid API key into an {@link ApiKeyAuthenticationMechanism#ROLE API client} identity; refuses any other. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final ApiKeys keys;
    private final SecurityIdentity client;

    ApiKeyIdentityProvider(ApiKeys keys, TriageConfig config) {
        this.keys = keys;
        this.client = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("api-key-client"))
                .addRoles(ApiKeyAuthenticationMechanism.roles(config)).build();
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return keys.isValid(request.key())
                ? Uni.createFrom().item(client)
                : Uni.createFrom().failure(new AuthenticationFailedException("invalid API key"));
    }
}
