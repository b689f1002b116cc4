package dev.triageapi.observability;

import dev.triageapi.security.ApiKeys;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One log line per request, and nothing else about it: request id, method, route, status, urgency and duration
 * (the request id also goes into the MDC, so JSON logs carry it as a field). Bodies, paths as sent, query strings,
 * symptoms and ages are never logged: the route is the template the router matched, or "other". A client-sent
 * {@code X-Request-Id} is kept only when it is a UUID; a request the client abandoned is logged as such, with no
 * status. Health probes are not logged. Requests to a triage door ({@link Intake}) are also counted and timed, by
 * channel.
 */
@ApplicationScoped
public class AccessLog {

    /** Routing-context key under which the urgency of a triaged request waits for its log line. */
    static final String URGENCY = "triage.urgency";
    /** The header that carries a request's id, in and out. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger("dev.triageapi.access");
    // Opaque by construction: an id that could carry words could carry a symptom or an age into the log.
    private static final Pattern SAFE_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._-]{0,100}");

    private final TriageMetrics metrics;

    private final ApiKeys keys;

    private final CurrentVertxRequest current;

    /** Where SmallRye Health answers, from its own settings: probes are not logged (a probe every few seconds is noise). */
    private final String healthPrefix;

    AccessLog(TriageMetrics metrics, ApiKeys keys, CurrentVertxRequest current,
              @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
              @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplicationRoot,
              @ConfigProperty(name = "quarkus.smallrye-health.root-path", defaultValue = "health") String healthRoot) {
        this.current = current;
        this.healthPrefix = healthPrefix(rootPath, nonApplicationRoot, healthRoot);
        this.metrics = metrics;
        this.keys = keys;
    }

    /** Keeps the urgency a triage answered with for this request's log line and metrics. */
    void onTriaged(@Observes Triaged triaged) {
        if (!Arc.container().requestContext().isActive()) {
            return; // a triage outside an HTTP request (a test, a tool) has no log line to keep it for
        }
        RoutingContext ctx = current.getCurrent();
        if (ctx != null) {
            ctx.put(URGENCY, triaged.urgency().code());
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::record);
    }

    /** Where health answers: Quarkus resolves each relative path against the one above it, health under q, q under the root. */
    static String healthPrefix(String rootPath, String nonApplicationRoot, String healthRoot) {
        String nonApplication = nonApplicationRoot.startsWith("/") ? trimSlashes(nonApplicationRoot)
                : join(trimSlashes(rootPath), trimSlashes(nonApplicationRoot));
        return "/" + (healthRoot.startsWith("/") ? trimSlashes(healthRoot) : join(nonApplication, trimSlashes(healthRoot)));
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "/" + child;
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private void record(RoutingContext ctx) {
        if (keys.isInternal(ctx.request().getHeader(ApiKeys.INTERNAL_HEADER))) {
            ctx.next(); // the service's own warm-up traffic: not a patient, not a request to count
            return;
        }
        String path = ctx.normalizedPath();
        if (path.equals(healthPrefix) || path.startsWith(healthPrefix + "/")) {
            ctx.next(); // a probe: the rules registry logs the health changes that matter, once each
            return;
        }
        long start = System.nanoTime();
        String presented = ctx.request().getHeader(REQUEST_ID_HEADER);
        String id = presented != null && SAFE_ID.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
        ctx.response().putHeader(REQUEST_ID_HEADER, id);
        String method = ctx.request().method().name();
        ctx.addEndHandler(done -> {
            String route = route(ctx);
            String urgency = ctx.get(URGENCY);
            long nanos = System.nanoTime() - start;
            boolean answered = ctx.response().ended(); // not so when the client left before the answer was written
            int status = ctx.response().getStatusCode();
            String channel = ctx.get(RouteLabel.CHANNEL);
            if (answered && channel != null) {
                metrics.triage(channel, status, urgency, nanos);
            }
            if (!LOG.isInfoEnabled()) {
                return;
            }
            long tenthsOfMs = (nanos + 50_000) / 100_000;
            String line = "request id=" + id + " method=" + method + " route=" + route
                    + (answered ? " status=" + status + " urgency=" + (urgency == null ? "-" : urgency)
                            : " status=- outcome=abandoned")
                    + " durationMs=" + tenthsOfMs / 10 + "." + tenthsOfMs % 10;
            MDC.put("requestId", id);
            try {
                LOG.info(line);
            } finally {
                MDC.remove("requestId");
            }
        });
        ctx.next();
    }

    /**
     * The REST template the router matched; else, for what the service itself served successfully (health, OpenAPI,
     * the intake page's files), the path without matrix parameters when it is plain; else "other". Any other path is
     * the client's text and never logged.
     */
    private static String route(RoutingContext ctx) {
        String matched = ctx.get(RouteLabel.KEY);
        if (matched != null) {
            return matched;
        }
        // Only a path the service answered successfully is its own: a refusal (a guard's 413 or 400 comes before any
        // route) may be about any path a client made up.
        int status = ctx.response().getStatusCode();
        if (status >= 400 || !ctx.response().ended()) {
            return "other";
        }
        String path = ctx.normalizedPath();
        int matrix = path.indexOf(';');
        path = matrix < 0 ? path : path.substring(0, matrix);
        return PLAIN_PATH.matcher(path).matches() ? path : "other";
    }
}
