package dev.triageapi.observability;

import dev.triageapi.http.RouteTemplate;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaves the route template the REST layer matched (for example {@code /api/v1/triage}) and, for a triage door, its
 * {@link Intake} channel, for the access log and the metrics, however the client spelled the path. Runs for errors
 * too, so a refused request is labelled by its route.
 */
public class RouteLabel {

    /** Routing-context key of the matched template. */
    static final String KEY = "triage.route";
    /** Routing-context key of the {@link Intake} channel, when the matched method is a door into triage. */
    static final String CHANNEL = "triage.channel";

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void label(ResourceInfo resource, RoutingContext http) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && http != null) {
            http.put(KEY, TEMPLATES.computeIfAbsent(method, m -> RouteTemplate.of(resource.getResourceClass(), m)));
            Intake intake = method.getAnnotation(Intake.class);
            if (intake != null) {
                http.put(CHANNEL, intake.value());
            }
        }
    }
}
