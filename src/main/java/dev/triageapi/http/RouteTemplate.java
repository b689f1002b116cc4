package dev.triageapi.http;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;

/** The path template of a REST method, from its class's and its own {@code @Path}: {@code /cds-services/{id}}. */
public final class RouteTemplate {

    private RouteTemplate() {
    }

    public static String of(Class<?> type, Method method) {
        String base = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
