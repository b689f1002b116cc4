package dev.triageapi.http;

import jakarta.ws.rs.container.ContainerRequestContext;
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
            return Optional.of(Problem.response(415, "unsupported-media-type", "Unsupported media type",
                    "Say what the body is with a Content-Type header (see /q/openapi for what each operation takes)."));
        }
        return Optional.empty();
    }
}
