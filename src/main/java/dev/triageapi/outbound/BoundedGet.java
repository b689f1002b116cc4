package dev.triageapi.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP GET to a server this service chose to call, bounded as a whole: connecting, the headers and every byte of the
 * body must arrive before one deadline, and a body larger than its cap is not read. The JDK client's own request
 * timeout stops at the headers, so a server that trickles its body a byte at a time would otherwise hold the caller
 * for as long as it likes. Redirects are never followed.
 */
public final class BoundedGet {

    private final HttpClient http;
    private final int maxBytes;

    /** A client whose connections must open within {@code connectTimeout} and whose answers hold at most {@code maxBytes}. */
    public BoundedGet(Duration connectTimeout, int maxBytes) {
        // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade to every http:// server, and a cancelled HTTP/2
        // stream leaves its connection pooled, where a cancelled HTTP/1.1 exchange closes it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.maxBytes = maxBytes;
    }

    /** A whole answer: its status and, for a 200, its body (empty for every other status, whose body is not read). */
    public record Answer(int status, byte[] body) {
    }

    /** Why a GET gave no answer; the message never quotes what the server sent. */
    public static final class Failed extends Exception {
        private final Kind kind;

        Failed(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        /** What went wrong, for a caller that words it for its own audience. */
        public Kind kind() {
            return kind;
        }
    }

    /** The ways a bounded GET fails. */
    public enum Kind {
        /** The deadline passed before the last byte arrived. */
        TIMEOUT,
        /** The server could not be reached or broke the connection. */
        UNREACHABLE,
        /** The answer is larger than the cap. */
        TOO_LARGE,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    /** GETs {@code url} with these headers; the whole exchange must end by {@code deadline}. */
    public Answer get(URI url, Map<String, String> headers, Instant deadline) throws Failed {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new Failed(Kind.TIMEOUT, "no time left");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(left).GET();
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), this::body);
        try {
            HttpResponse<byte[]> response = exchange.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body() == null ? new byte[0] : response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true); // closes the connection: the server stops holding anything of ours
            throw new Failed(Kind.TIMEOUT, "the deadline passed");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed(Kind.INTERRUPTED, "interrupted");
        } catch (CancellationException e) {
            throw new Failed(Kind.INTERRUPTED, "cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new Failed(Kind.TOO_LARGE, "larger than " + maxBytes + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Failed(Kind.TIMEOUT, "the deadline passed");
            }
            throw new Failed(Kind.UNREACHABLE, cause instanceof IOException ? "unreachable" : "failed");
        }
    }

    /**
     * Reads the body of a 200 up to the cap. Every other status is answered without reading its body at all (a 404
     * trickled a byte at a time would otherwise hold the call to its deadline), and so is a 200 that declares a length
     * over the cap.
     */
    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return new Capped(0, Capped.Refusal.EMPTY);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            return new Capped(0, Capped.Refusal.TOO_LARGE);
        }
        return new Capped(maxBytes, null);
    }

    /** Thrown inside the exchange when the body passes its cap. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /**
     * Gathers a body up to {@code max} bytes, cancelling the stream as soon as it would pass it; with a refusal, reads
     * nothing and cancels at once.
     */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        /** Why a body is not read at all. */
        enum Refusal { EMPTY, TOO_LARGE }

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final int max;
        private final Refusal refusal;
        private byte[] bytes = new byte[0];
        private int size;
        private Flow.Subscription subscription;

        Capped(int max, Refusal refusal) {
            this.max = max;
            this.refusal = refusal;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refusal != null) {
                subscription.cancel();
                if (refusal == Refusal.TOO_LARGE) {
                    result.completeExceptionally(new TooLarge());
                } else {
                    result.complete(new byte[0]);
                }
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                if ((long) size + n > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                if (size + n > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.min(max, Math.max(size + n, bytes.length * 2 + 8192)));
                }
                buffer.get(bytes, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(Arrays.copyOf(bytes, size));
        }
    }
}
