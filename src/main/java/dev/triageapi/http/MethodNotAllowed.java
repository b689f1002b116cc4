package dev.triageapi.http;

import jakarta.ws.rs.NotAllowedException;
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
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        String allow = allowedMethods.allow(uri.getPath());
        Response problem = Problem.response(405, "method-not-allowed", "Method not allowed",
                "This resource does not accept that method" + (allow == null ? "" : "; it accepts " + allow)
                        + ". See /q/openapi.");
        return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
    }
}
