package dev.triageapi.security;

import dev.triageapi.common.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * With {@code triage.security.api-keys} set, every request under {@code /api/} and {@code /cds-services} must carry
 * one of the keys in {@code X-API-Key}; health, metrics and the OpenAPI document stay open. Keys are compared as
 * SHA-256 digests in constant time and are never logged.
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final String HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    private static final String UNAUTHORIZED = "{\"type\":\"urn:problem-type:triage:unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"This API needs a valid key in the X-API-Key header.\"}";

    private final List<byte[]> keyDigests;

    ApiKeyFilter(SecurityConfig config) {
        this.keyDigests = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeyFilter::digest).toList();
    }

    void install(@Observes Router router) {
        if (keyDigests.isEmpty()) {
            LOG.info("API keys are not configured: the API is open to every client that can reach it");
            return;
        }
        LOG.infof("API keys required on /api/ and /cds-services (%d configured)", keyDigests.size());
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean protectedPath = path.startsWith("/api/") || path.equals("/api")
                || path.startsWith("/cds-services");
        if (!protectedPath || isValid(ctx.request().getHeader(HEADER))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"")
                .end(UNAUTHORIZED);
    }

    boolean isValid(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] key : keyDigests) {
            match |= MessageDigest.isEqual(key, digest); // no early exit: every key is compared every time
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
