package dev.triageapi.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/** Problem answers written straight to Vert.x, for refusals made before the REST layer runs. */
final class Problems {

    private Problems() {
    }

    static void end(RoutingContext ctx, int status, String type, String title, String detail) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(new Problem(Problem.TYPE_PREFIX + type, title, status, detail, null)));
    }

    /** The one wording of a 413, wherever the oversized body is noticed. */
    static String tooLargeDetail(long limit) {
        return "The request body is larger than " + limit + " bytes.";
    }

    static String reason(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "Client error" : type.getReasonPhrase();
    }
}
