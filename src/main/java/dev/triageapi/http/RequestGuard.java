package dev.triageapi.http;

import dev.triageapi.config.TriageConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
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

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * HTTP-level rules every request meets before any endpoint sees it, each refusal a problem+json answer: exactly one
 * Host header and a body length read one way only (RFC 9112: {@code Transfer-Encoding: chunked} alone, or
 * {@code Content-Length}, never both), a body no larger than {@code quarkus.http.limits.max-body-size} whether its
 * length is declared or chunked, and a body that arrives within {@code triage.api.body-timeout} (a trickling client
 * gets 408 and loses the connection). Failures anywhere in the router get the same kind of answer, logged without path
 * or query. Netty's decoder refuses some framing before this runs (a Content-Length beside chunked, among others) with a
 * bare 400 of its own; docs/security.md lists those.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);
    private static final String BODY_TIMER = RequestGuard.class.getName() + ".bodyTimer";

    private final long maxBody;
    private final long bodyTimeoutMs;
    private final Vertx vertx;
    private final BodyHandler bodies;
    /** Connections a request was refused on for its framing, until they are gone. */
    private final Map<HttpConnection, Boolean> refused = Collections.synchronizedMap(new WeakHashMap<>());

    RequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody, TriageConfig config, Vertx vertx) {
        this.maxBody = maxBody.asLongValue();
        this.bodyTimeoutMs = config.api().bodyTimeout().toMillis();
        this.vertx = vertx;
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::failed);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::guard);
        router.route().order(Integer.MIN_VALUE + 3).handler(RequestGuard::bodyArrived);
    }

    private void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (refused.containsKey(request.connection())) {
            // Bytes that followed a request refused for its framing: whatever they say, they are not a request.
            request.connection().close();
            return;
        }
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (!http2 && request.headers().getAll(HttpHeaders.HOST).size() != 1) {
            refuseFraming(ctx, "bad-host", "one-host");
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!http2 && !codings.isEmpty()) {
            // RFC 9112 6.1 and 6.3: a body whose length cannot be known exactly is refused and the connection closed, so
            // that no bytes of it are read as a further request (the request smuggling a proxy reading the other header
            // would make possible). Only "chunked" alone is a length this server and every proxy read the same way.
            if (declared != null) {
                refuseFraming(ctx, "bad-framing", "both-lengths");
                return;
            }
            if (codings.size() != 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim())) {
                refuseFraming(ctx, "bad-framing", "coding");
                return;
            }
        }
        if (declared != null && isOver(declared)) {
            tooLarge(ctx);
            return;
        }
        // HTTP/1.1 bodies only: an HTTP/2 stream has its own flow control, and Vert.x hands its body to the REST layer
        // in a way a router-level body reader breaks (every HTTP/2 POST failed when this read them too). An h2c upgrade
        // never gets here (Vert.x takes it before the router), so an Upgrade header exempts nothing.
        boolean http1 = !http2;
        boolean chunked = declared == null && !codings.isEmpty();
        if (http1 && !request.isEnded() && (chunked || declared != null && !"0".equals(declared.trim()))) {
            long timer = vertx.setTimer(bodyTimeoutMs, id -> {
                if (!ctx.response().ended() && !ctx.response().closed()) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    Problems.end(ctx, 408, "request-timeout", "body", bodyTimeoutMs);
                }
                request.connection().close();
            });
            ctx.put(BODY_TIMER, timer);
            ctx.addEndHandler(done -> vertx.cancelTimer(timer));
            // The body is read here, as it arrives and up to the limit, before any endpoint runs. So the timeout measures
            // the client's sending only: bodyArrived() stops it once the last byte is in, however long the endpoint then
            // takes (a slow FHIR server is not a slow client), and a chunked body over the limit is refused alike on
            // every endpoint (413 through failed()).
            bodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    /** Runs once the whole body has been read: from here on the request is the server's to answer, never a 408. */
    private static void bodyArrived(RoutingContext ctx) {
        Long timer = ctx.get(BODY_TIMER);
        if (timer != null) {
            ctx.vertx().cancelTimer(timer);
        }
        ctx.next();
    }

    /** A request whose framing cannot be trusted: 400, and the connection closed so nothing after it is run. */
    private void refuseFraming(RoutingContext ctx, String type, String detail) {
        refused.put(ctx.request().connection(), Boolean.TRUE);
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.addEndHandler(done -> ctx.request().connection().close());
        Problems.end(ctx, 400, type, detail);
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
            Problems.end(ctx, status, "client-error", "status", status);
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof HttpClosedException || failure instanceof IOException && !ctx.request().isEnded()) {
            // The client broke its connection while its request was read: its doing, not the server's, and nobody is
            // left to answer. The access log records the request as abandoned.
            LOG.debugf("A client's connection broke while its request was read (%s)", failure.getClass().getSimpleName());
            ctx.request().connection().close();
            return;
        }
        // Only the type: a message may quote the request.
        LOG.errorf("Unexpected %s while routing a request", failure == null ? "failure" : failure.getClass().getName());
        Problems.end(ctx, 500, "internal-error", "logged");
    }

    private void tooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.end(ctx, 413, "payload-too-large", "limit", maxBody);
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBody;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length before this runs
        }
    }
}
