package dev.triageapi.observability;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
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
            http.put(KEY, TEMPLATES.computeIfAbsent(method, m -> template(resource.getResourceClass(), m)));
            Intake intake = method.getAnnotation(Intake.class);
            if (intake != null) {
                http.put(CHANNEL, intake.value());
            }
        }
    }

    private static String template(Class<?> type, Method method) {
        String base = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
