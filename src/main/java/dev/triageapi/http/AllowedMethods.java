package dev.triageapi.http;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each REST path answers, read from the resource classes at start, for the {@code Allow} header a 405
 * must carry (RFC 9110 §15.5.6). Nothing is listed by hand: a new endpoint is in here by being an endpoint.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Endpoint(Pattern path, String method) { }

    private final List<Endpoint> endpoints = new ArrayList<>();

    void index(@Observes StartupEvent event, BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    endpoints.add(new Endpoint(pattern(RouteTemplate.of(type, method)), verb));
                }
            }
        }
    }

    /** The value of {@code Allow} for a path (matrix parameters and a trailing slash ignored), or null if none matches. */
    public String allow(String path) {
        String plain = path.replaceAll(";[^/]*", "");
        plain = plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
        Set<String> allowed = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.path().matcher(plain).matches()) {
                allowed.add(endpoint.method());
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
