package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.http.Problem;
import dev.triageapi.http.ProblemWords;
import dev.triageapi.vocabulary.Language;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Arrays;

/**
 * Access refusals as problem+json: a missing or wrong credential is 401 with the challenge of the scheme the endpoint
 * takes (RFC 9110 11.6.1), a denied endpoint 403. A CDS Hooks endpoint, once CDS clients are configured, takes only
 * their JWTs, so it challenges with {@code Bearer}; so does any refusal of a bearer token (RFC 6750 3.1).
 */
public class SecurityProblems {

    private final boolean cdsClients;

    SecurityProblems(TriageConfig config) {
        this.cdsClients = !config.cds().clients().isEmpty();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(HttpHeaders headers, SimpleResourceInfo resource) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearerSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Language language = ProblemWords.languageOf(headers);
        if (bearerSent || cdsClients && takesCdsClients(resource)) {
            return Response.fromResponse(Problem.response(language, 401, "unauthorized",
                            bearerSent ? "bearer-refused" : "cds-client"))
                    .header("WWW-Authenticate", bearerSent ? "Bearer error=\"invalid_token\"" : "Bearer").build();
        }
        return Response.fromResponse(Problem.response(language, 401, "unauthorized", "api-key", ApiKeys.HEADER))
                .header("WWW-Authenticate", ApiKeyAuthenticationMechanism.CHALLENGE).build();
    }

    private static boolean takesCdsClients(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return false;
        }
        RolesAllowed roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        return roles != null && Arrays.asList(roles.value()).contains(CdsClientAuthenticationMechanism.ROLE);
    }

    /**
     * 403 for a client that showed a credential this resource does not take. A caller that showed none (the open API
     * gives it an identity all the same) is asked for the one it needs instead: a CDS client's JWT.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, SimpleResourceInfo resource) {
        boolean noCredential = headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && headers.getHeaderString(ApiKeys.HEADER) == null;
        if (noCredential && cdsClients && takesCdsClients(resource)) {
            return unauthorized(headers, resource);
        }
        return Problem.response(ProblemWords.languageOf(headers), 403, "forbidden", "client");
    }
}
