package dev.triageapi.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The configured API keys, held only as SHA-256 digests and compared in constant time; never logged. */
@ApplicationScoped
public class ApiKeys {

    static final String HEADER = "X-API-Key";

    private final List<byte[]> digests;

    ApiKeys(SecurityConfig config) {
        this.digests = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::digest).toList();
    }

    /** True when no key is configured: the API is open to every client that can reach it. */
    boolean open() {
        return digests.isEmpty();
    }

    int count() {
        return digests.size();
    }

    boolean isValid(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] key : digests) {
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
