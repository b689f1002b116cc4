package dev.triageapi.warmup;

import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.config.TriageConfig;
import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.parse.api.ParseExamples;
import dev.triageapi.security.ApiKeys;
import dev.triageapi.triage.vignette.VignetteSuite;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the service its own traffic before it reports ready: bundled vignettes through {@code POST /api/v1/triage},
 * and the documented FHIR, CDS Hooks and free-text examples, over loopback and through the whole HTTP path (security, JSON,
 * rules, FHIR context, answer writing). A replica behind a load balancer otherwise answers its first patients with a
 * cold JVM: seconds, not milliseconds. These requests are neither logged nor counted.
 *
 * <p>A sample of the vignettes is enough: what a cold JVM pays is first use (class loading, the FHIR context, the
 * interpreter), not repetition. Sending all of them instead of 32 made start to ready 0.6 to 0.9 s longer and the
 * first seconds under load no faster (docs/benchmarks.md); the JIT reaches full speed only under real load either way.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);

    private final ApiKeys keys;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean done;
    private volatile int sent;

    private final Instance<HttpServer> server;
    private final boolean enabled;
    private final int vignettes;

    Warmup(ApiKeys keys, Instance<HttpServer> server, TriageConfig config) {
        this.keys = keys;
        this.server = server;
        this.enabled = config.warmUp().enabled();
        this.vignettes = config.warmUp().vignettes();
    }

    /** True once warm-up has finished (or failed, which must not keep a working service out of rotation). */
    public boolean done() {
        return done;
    }

    /** How many requests warm-up sent, once it is done (0 if it was skipped or stopped). */
    public int sent() {
        return sent;
    }

    /** The port the server listens on: with a random port ({@code 0}) the event carries none, the server knows it. */
    private int port(HttpServerStart started) {
        int configured = started.options().getPort();
        return configured > 0 ? configured : server.isResolvable() ? server.get().getPort() : -1;
    }

    /** Quarkus fires this asynchronously once the server listens, so warm-up runs off the start-up thread. */
    void onServerStart(@ObservesAsync HttpServerStart started) {
        if (this.started.compareAndSet(false, true)) {
            run(started);
        }
    }

    private void run(HttpServerStart started) {
        long start = System.nanoTime();
        int sent = 0;
        try {
            if (!enabled) {
                LOG.debug("Warm-up is off (triage.warm-up.enabled=false)");
                return;
            }
            String host = started.options().getHost();
            if (!"0.0.0.0".equals(host) && !"localhost".equals(host) && !host.startsWith("127.") && !"::".equals(host)) {
                LOG.infof("Warm-up skipped: the service does not listen on loopback");
                return;
            }
            int port = port(started);
            if (port <= 0) {
                LOG.infof("Warm-up skipped: the port the service listens on is not known");
                return;
            }
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            sent = sendInLanes(client, requests(base));
            this.sent = sent;
            LOG.infof("Warmed up with %d requests in %d ms", sent, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Warm-up stopped after %d requests (%s); the service starts cold", sent, e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            keys.retireInternalKey();
            done = true;
        }
    }

    /**
     * Sends the requests over {@link #LANES} connections at once, each lane in turn: one at a time would leave a core
     * idle (the server answers on its I/O threads while the client waits), and the service is not ready until done.
     */
    private static int sendInLanes(HttpClient client, List<HttpRequest> requests) throws IOException, InterruptedException {
        ExecutorService lanes = Executors.newFixedThreadPool(LANES, runnable -> {
            Thread thread = new Thread(runnable, "warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                int first = lane;
                done.add(lanes.submit(() -> {
                    int count = 0;
                    for (int i = first; i < requests.size(); i += LANES) {
                        client.send(requests.get(i), HttpResponse.BodyHandlers.discarding());
                        count++;
                    }
                    return count;
                }));
            }
            int sent = 0;
            for (Future<Integer> lane : done) {
                try {
                    sent += lane.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return sent;
        } finally {
            lanes.shutdownNow();
        }
    }

    /** Concurrent warm-up connections: enough to keep both cores of a small replica busy. */
    static final int LANES = 3;

    /** Times each FHIR and CDS Hooks example is sent. */
    static final int EXAMPLE_ROUNDS = 3;

    private List<HttpRequest> requests(URI base) {
        List<HttpRequest> out = new ArrayList<>();
        for (String body : VignetteSuite.spread(VignetteSuite.bundled().requestBodies(), vignettes)) {
            out.add(post(base, "/api/v1/triage", "application/json", body));
        }
        out.add(post(base, "/api/v1/triage", "application/json", "{\"symptoms\":[]}")); // the error path too
        for (int i = 0; i < EXAMPLE_ROUNDS; i++) {
            out.add(post(base, "/api/v1/triage/fhir", "application/fhir+json", FhirExamples.QUESTIONNAIRE_RESPONSE));
            out.add(post(base, "/api/v1/triage/fhir", "application/fhir+json", FhirExamples.observationBundleRecordedAt(Instant.now())));
            out.add(post(base, "/cds-services/muscle-weakness-triage", "application/json", CdsExamples.ENCOUNTER_START));
            out.add(post(base, "/api/v1/parse", "application/json", ParseExamples.ENGLISH_REQUEST));
            out.add(post(base, "/api/v1/parse", "application/json", ParseExamples.SPANISH_REQUEST));
            out.add(post(base, "/api/v1/triage", "application/json", ParseExamples.SPANISH_REQUEST.replace("\"language\"", "\"textLanguage\"")));
        }
        return out;
    }

    private HttpRequest post(URI base, String path, String type, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", type)
                .header("X-API-Key", keys.internalKey())
                .header(ApiKeys.INTERNAL_HEADER, keys.internalKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
