package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** The configured API keys, held only as SHA-256 digests and compared in constant time; never logged. */
@ApplicationScoped
public class ApiKeys {

    static final String HEADER = "X-API-Key";
    /** Header that marks the process's own warm-up requests; its value is the internal key. */
    public static final String INTERNAL_HEADER = "X-Triage-Warmup";

    private final List<byte[]> digests;
    /** A key only this process knows, for its own warm-up requests on loopback; retired once they are done. */
    private volatile byte[] internal;
    private final String internalKey;

    @Inject
    ApiKeys(TriageConfig config) {
        this(config.security());
    }

    ApiKeys(TriageConfig.Security config) {
        this.digests = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::digest).toList();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.internalKey = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.internal = digest(internalKey);
    }

    /** The process's own key while it warms up; never logged, never valid after {@link #retireInternalKey()}. */
    public String internalKey() {
        return internalKey;
    }

    public void retireInternalKey() {
        internal = null;
    }

    /** True for the internal key while it is still in use: a request the process sent itself. */
    public boolean isInternal(String presented) {
        byte[] own = internal;
        return own != null && presented != null && MessageDigest.isEqual(own, digest(presented));
    }

    /** True when no key is configured: the API is open to every client that can reach it. */
    boolean open() {
        return digests.isEmpty();
    }

    int count() {
        return digests.size();
    }

    public boolean isValid(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] key : digests) {
            match |= MessageDigest.isEqual(key, digest); // no early exit: every key is compared every time
        }
        byte[] own = internal;
        return match | (own != null && MessageDigest.isEqual(own, digest));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
