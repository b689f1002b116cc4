package dev.triageapi.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a JWT that {@link CdsJwtVerifier} accepts into a {@link CdsClientAuthenticationMechanism#ROLE CDS client}. */
@ApplicationScoped
public class CdsClientIdentityProvider implements IdentityProvider<CdsJwtRequest> {

    private final CdsJwtVerifier verifier;

    CdsClientIdentityProvider(CdsJwtVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Class<CdsJwtRequest> getRequestType() {
        return CdsJwtRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CdsJwtRequest request, AuthenticationRequestContext context) {
        // A client's JWK Set may have to be fetched: off the event loop.
        return context.runBlocking(() -> {
            String client = verifier.verify(request.token(), request.audiences())
                    .orElseThrow(() -> new AuthenticationFailedException("CDS client JWT refused"));
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("cds-client:" + client))
                    .addRole(CdsClientAuthenticationMechanism.ROLE).addRole(CdsClientAuthenticationMechanism.EHR_QUERY_ROLE)
                    .addAttribute(CdsClientAuthenticationMechanism.CLIENT_ATTRIBUTE, client).build();
        });
    }
}
