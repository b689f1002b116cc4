package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A request that carries a body must say what it is: without {@code Content-Type} the REST layer would guess, and a
 * guessed body is not one a clinical answer should rest on. 415, as the README promises.
 */
public class ContentTypeRequired {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public Optional<Response> requireContentType(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString("Content-Type") == null) {
            Language language = Language.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
            return Optional.of(Problem.response(language, 415, "unsupported-media-type", "missing"));
        }
        return Optional.empty();
    }
}
