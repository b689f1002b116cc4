package dev.triageapi.packaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP timeouts of the packaged jar, set short here (1 s each) so the test runs in seconds: a client trickling
 * its body a byte at a time is answered 408 and dropped, and idle connections are closed. Loopback only, bounded.
 */
class HttpTimeoutsIT {

    static RunningJar app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningJar.start(Files.createTempDirectory("timeouts"),
                "-Dtriage.api.body-timeout=1s", "-Dquarkus.http.idle-timeout=1S").awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldDropAClientThatTricklesItsBody() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
            socket.setSoTimeout(100); // paces the trickle: a byte every 100 ms while no answer has come
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break; // dropped
                    }
                    answer.write(buffer, 0, n);
                } catch (SocketTimeoutException nothingYet) {
                    try {
                        out.write(' ');
                        out.flush();
                    } catch (IOException closed) {
                        break;
                    }
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            assertTrue(text.startsWith("HTTP/1.1 408"), "a trickled body is answered 408: " + text);
            assertTrue(text.contains("application/problem+json"), text);
        }
    }

    @Test
    void shouldCloseIdleConnections() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 2000);
                socket.setSoTimeout(200);
                idle.add(socket);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> idle.stream().allMatch(HttpTimeoutsIT::closedByServer));
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
