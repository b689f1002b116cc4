package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 405 as problem+json with the {@code Allow} header RFC 9110 asks for. */
public class MethodNotAllowed {

    private final AllowedMethods allowedMethods;

    MethodNotAllowed(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers) {
        String allow = allowedMethods.allow(uri.getPath());
        Language language = ProblemWords.languageOf(headers);
        Response problem = allow == null ? Problem.response(language, 405, "method-not-allowed", "any")
                : Problem.response(language, 405, "method-not-allowed", "accepts", allow);
        return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
    }
}
