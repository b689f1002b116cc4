package dev.triageapi.security;

import dev.triageapi.config.TriageConfig;
import dev.triageapi.outbound.BoundedGet;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public keys of each trusted CDS client, by issuer. A {@code jwks-file} is read once at start; a {@code jwks-url}
 * is downloaded at start and then every {@code triage.cds.jwks-refresh} by the scheduler (every 30 s while a download
 * has yet to succeed), each download bounded as a whole and never redirected. A request never causes a download: a
 * token naming a key the last download did not hold (a made-up {@code kid} costs an attacker nothing, since it is read
 * before any signature is checked) is simply refused.
 */
@ApplicationScoped
public class ClientKeySets {

    private static final Logger LOG = Logger.getLogger(ClientKeySets.class);
    private static final String REFRESH_JOB = "cds-client-key-sets";
    /** A JWK Set is a few keys; a larger answer is not one. */
    static final int MAX_BYTES = 256 * 1024;
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(30);
    private static final VerificationKeyResolver NO_KEYS = new JwksVerificationKeyResolver(List.of());

    private final Map<String, AtomicReference<VerificationKeyResolver>> byIssuer = new HashMap<>();
    private final Map<String, URI> urls = new HashMap<>();
    /** When each issuer's key set was last downloaded whole; absent until one download has succeeded. */
    private final Map<String, Instant> downloaded = new ConcurrentHashMap<>();
    private final Duration refresh;
    private final Duration deadline;
    private final BoundedGet http = new BoundedGet(Duration.ofSeconds(2), MAX_BYTES);

    @Inject
    ClientKeySets(TriageConfig config) {
        this(config, DOWNLOAD_DEADLINE);
    }

    /** With another deadline for each download than the 5 s of the service (tests). */
    ClientKeySets(TriageConfig config, Duration deadline) {
        this.deadline = deadline;
        this.refresh = config.cds().jwksRefresh();
        config.cds().clients().values().forEach(client -> {
            AtomicReference<VerificationKeyResolver> keys = new AtomicReference<>(NO_KEYS);
            byIssuer.put(client.issuer(), keys);
            client.jwksUrl().ifPresent(url -> urls.put(client.issuer(), url));
            client.jwksFile().ifPresent(file -> {
                try {
                    keys.set(resolver(Files.readString(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the JWK Set file of CDS client issuer " + client.issuer(), e);
                } catch (JoseException e) {
                    throw new IllegalStateException("the JWK Set file of CDS client issuer " + client.issuer() + " is not a JWK Set", e);
                }
            });
        });
    }

    void onStart(@Observes StartupEvent event, Scheduler scheduler) {
        if (urls.isEmpty()) {
            return;
        }
        refreshAll();
        // Checked every 30 s at most: an issuer whose key set could not be had yet is tried again then, not only at the
        // next refresh, so a key host that was down at start costs its clients 30 s rather than a whole interval.
        long every = Math.min(refresh.toMillis(), RETRY.toMillis());
        scheduler.newJob(REFRESH_JOB)
                .setInterval(every + "ms")
                .setDelayed(every + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> refreshDue())
                .schedule();
    }

    /** Downloads the key sets that are older than the refresh interval, or that no download has given yet. */
    void refreshDue() {
        Instant now = Instant.now();
        urls.keySet().forEach(issuer -> {
            Instant last = downloaded.get(issuer);
            if (last == null || !last.plus(refresh).isAfter(now)) {
                refresh(issuer);
            }
        });
    }

    /** The keys of this issuer as last read; empty when it is not trusted. */
    public Optional<VerificationKeyResolver> keys(String issuer) {
        AtomicReference<VerificationKeyResolver> keys = byIssuer.get(issuer);
        return keys == null ? Optional.empty() : Optional.of(keys.get());
    }

    /** Downloads every client's JWK Set once; a failed download keeps the keys of the last good one. */
    void refreshAll() {
        urls.keySet().forEach(this::refresh);
    }

    private void refresh(String issuer) {
        URI url = urls.get(issuer);
        try {
            BoundedGet.Answer answer = http.get(url, Map.of("Accept", "application/json"), Instant.now().plus(deadline));
            if (answer.status() != 200) {
                // Redirects are not followed either: a key set is fetched from exactly the configured URL.
                LOG.warnf("The JWK Set of CDS client issuer %s answered HTTP %d: its last keys stay in use", issuer, answer.status());
                return;
            }
            byIssuer.get(issuer).set(resolver(new String(answer.body(), StandardCharsets.UTF_8)));
            downloaded.put(issuer, Instant.now());
        } catch (BoundedGet.Failed e) {
            LOG.warnf("The JWK Set of CDS client issuer %s could not be downloaded (%s): its last keys stay in use",
                    issuer, e.getMessage());
        } catch (JoseException | RuntimeException e) {
            LOG.warnf("The JWK Set of CDS client issuer %s is not a JWK Set: its last keys stay in use", issuer);
        }
    }

    private static VerificationKeyResolver resolver(String json) throws JoseException {
        List<JsonWebKey> keys = new JsonWebKeySet(json).getJsonWebKeys();
        return new JwksVerificationKeyResolver(keys);
    }
}
