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
    private final BodyHandler bodies;

    RequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, TriageConfig config, Vertx vertx) {
        this.maxBody = maxBody.asLongValue();
        this.bodyTimeoutMs = config.api().bodyTimeout().toMillis();
        this.vertx = vertx;
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
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
        // HTTP/1.1 bodies only: an HTTP/2 stream has its own flow control, and Vert.x hands its body to the REST layer
        // in a way a router-level body reader breaks (every HTTP/2 POST failed when this read them too).
        boolean http1 = request.version() != HttpVersion.HTTP_2 && !request.headers().contains(HttpHeaders.UPGRADE);
        boolean chunked = declared == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (http1 && !request.isEnded() && (chunked || declared != null && !"0".equals(declared.trim()))) {
            long timer = vertx.setTimer(bodyTimeoutMs, id -> {
                if (!request.isEnded() && !ctx.response().ended()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    Problems.end(ctx, 408, "request-timeout", "Request timeout",
                            "The request body did not arrive within " + bodyTimeoutMs + " ms.");
                    request.connection().close();
                }
            });
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
            // The body is read here, as it arrives and up to the limit, before any endpoint runs. So the timeout measures
            // the client's sending only (a busy server that has not read a body yet is not a slow client), and a chunked
            // body over the limit is refused alike on every endpoint (413 through failed()).
            bodies.handle(ctx);
            return;
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
