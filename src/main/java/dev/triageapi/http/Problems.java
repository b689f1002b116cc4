package dev.triageapi.http;

import dev.triageapi.vocabulary.Language;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** Problem answers written straight to Vert.x, for refusals made before the REST layer runs. */
final class Problems {

    private Problems() {
    }

    static void end(RoutingContext ctx, int status, String type, String detail, Object... arguments) {
        Language language = Language.negotiate(ctx.request().headers().getAll(HttpHeaders.ACCEPT_LANGUAGE));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.code())
                .putHeader(HttpHeaders.VARY, vary(ctx.response().headers().get(HttpHeaders.VARY)))
                .end(Json.encode(Problem.of(language, status, type, null, detail, arguments)));
    }

    /** Adds Accept-Language to a Vary an earlier handler may have set, instead of replacing it. */
    static String vary(String earlier) {
        if (earlier == null || earlier.isBlank()) {
            return "Accept-Language";
        }
        return earlier.toLowerCase(Locale.ROOT).contains("accept-language") ? earlier : earlier + ", Accept-Language";
    }
}
