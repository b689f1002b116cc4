package dev.triageapi.http;

import dev.triageapi.config.TriageConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * HTTP-level rules every request meets before any endpoint sees it, each refusal a problem+json answer: a Host
 * header (RFC 9112), a body no larger than {@code quarkus.http.limits.max-body-size} whether its length is declared
 * or chunked, and a body that arrives within {@code triage.api.body-timeout} (a trickling client gets 408 and loses
 * the connection). Failures anywhere in the router get the same kind of answer, logged without path or query.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    private final long maxBody;
    private final long bodyTimeoutMs;
    private final Vertx vertx;
    private final BodyHandler chunkedBodies;

    RequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, TriageConfig config, Vertx vertx) {
        this.maxBody = maxBody.asLongValue();
        this.bodyTimeoutMs = config.api().bodyTimeout().toMillis();
        this.vertx = vertx;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::failed);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_2 && request.authority() == null) {
            Problems.end(ctx, 400, "missing-host", "Bad request", "An HTTP/1.1 request needs a Host header.");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared)) {
            tooLarge(ctx);
            return;
        }
        if (!request.isEnded()) {
            long timer = vertx.setTimer(bodyTimeoutMs, id -> {
                if (!request.isEnded() && !ctx.response().ended()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    Problems.end(ctx, 408, "request-timeout", "Request timeout",
                            "The request body did not arrive within " + bodyTimeoutMs + " ms.");
                    request.connection().close();
                }
            });
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
            if (declared == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // A chunked body has no length to check up front: read it here, up to the limit, so that every
                // endpoint refuses an oversized one alike (413 through failed()) instead of each reader in its way.
                chunkedBodies.handle(ctx);
                return;
            }
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            tooLarge(ctx);
            return;
        }
        if (status >= 400 && status < 500) {
            Problems.end(ctx, status, "client-error", Problems.reason(status),
                    "The request could not be processed (" + Problems.reason(status) + ").");
            return;
        }
        // Only the type: a message may quote the request.
        Throwable failure = ctx.failure();
        LOG.errorf("Unexpected %s while routing a request", failure == null ? "failure" : failure.getClass().getName());
        Problems.end(ctx, 500, "internal-error", "Internal error",
                "The service could not answer this request. It has been logged without its content.");
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.end(ctx, 413, "payload-too-large", "Payload too large", Problems.tooLargeDetail(maxBody));
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length before this runs
        }
    }
}
