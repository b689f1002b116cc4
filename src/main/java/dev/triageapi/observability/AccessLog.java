package dev.triageapi.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One log line per request, and nothing else about it: request id, method, route, status, urgency and duration
 * (the request id also goes into the MDC, so JSON logs carry it as a field). Bodies, query strings, symptoms and ages
 * are never logged; paths outside the known routes are logged as "other". Triage requests are also counted and timed.
 */
@ApplicationScoped
public class AccessLog {

    /** Routing-context key under which the triage resource leaves the urgency it answered with. */
    public static final String URGENCY = "triage.urgency";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger("dev.triageapi.access");
    private static final String TRIAGE = "/api/v1/triage";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Set<String> ROUTES = Set.of("/api/v1/triage", "/api/v1/symptoms", "/api/v1/risk-factors",
            "/api/v1/cause-groups", "/api/v1/urgency-levels", "/api/v1/rules", "/q/health", "/q/health/live",
            "/q/health/ready", "/q/health/started", "/q/health/well", "/q/openapi", "/q/metrics", "/",
            "/api/v1/triage/fhir", "/api/v1/fhir/Questionnaire/muscle-weakness-intake",
            "/cds-services", "/cds-services/muscle-weakness-triage");

    private final TriageMetrics metrics;

    AccessLog(TriageMetrics metrics) {
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::record);
    }

    private void record(RoutingContext ctx) {
        long start = System.nanoTime();
        String presented = ctx.request().getHeader(REQUEST_ID_HEADER);
        String id = presented != null && SAFE_ID.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
        ctx.response().putHeader(REQUEST_ID_HEADER, id);
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        String route = ROUTES.contains(path) || path.startsWith("/q/swagger-ui") ? path : "other";
        ctx.addEndHandler(done -> {
            String urgency = ctx.get(URGENCY);
            long nanos = System.nanoTime() - start;
            int status = ctx.response().getStatusCode();
            if (TRIAGE.equals(route) && "POST".equals(method)) {
                metrics.triage(status, urgency, nanos);
            }
            if (!LOG.isInfoEnabled()) {
                return;
            }
            long tenthsOfMs = (nanos + 50_000) / 100_000;
            String line = "request id=" + id + " method=" + method + " route=" + route + " status=" + status
                    + " urgency=" + (urgency == null ? "-" : urgency)
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
}
