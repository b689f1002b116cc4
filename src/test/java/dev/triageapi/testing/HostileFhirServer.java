package dev.triageapi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR server on loopback that misbehaves on purpose, written on raw sockets so that it can do what no well-behaved
 * server library lets it: the patient id in a query chooses how. {@code silent} never sends a header,
 * {@code headers-only} sends headers and no body, {@code trickle} sends a byte every quarter second for 30 s,
 * {@code huge} and {@code huge-chunked} send 3 MiB (with and without a length), {@code hostile} sends JSON built to
 * hurt a parser, {@code redirect} answers 302, {@code trickled-404} answers 404 and trickles its body, {@code escape} links its next page out of the base path with dot
 * segments, {@code late} answers a valid empty search after 1.5 s (and its Patient read at once, 404), and
 * {@code late-everywhere} answers both after 1.5 s. Every request line is recorded.
 */
public final class HostileFhirServer implements AutoCloseable {

    private static final Pattern PATIENT = Pattern.compile("patient=([^&\\s]+)|/Patient/([^?\\s]+)");
    private static final byte[] EMPTY_SEARCH = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-fhir");
        t.setDaemon(true);
        return t;
    });
    /** The request lines received, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    /** Starts it on a free loopback port. */
    public HostileFhirServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::accept);
    }

    /** The base URL of its FHIR endpoint. */
    public String base() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/fhir";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            String line = requestLine(client.getInputStream());
            requests.add(line);
            Matcher m = PATIENT.matcher(line);
            String mode = !m.find() ? "" : URLDecoder.decode(m.group(1) != null ? m.group(1) : m.group(2), StandardCharsets.UTF_8);
            OutputStream out = client.getOutputStream();
            switch (mode) {
                case "silent" -> Thread.sleep(30_000);
                case "headers-only" -> {
                    out.write(head(200, "Content-Length: 1000\r\n"));
                    out.flush();
                    Thread.sleep(30_000);
                }
                case "trickle" -> {
                    out.write(head(200, "Content-Length: 1000\r\n"));
                    out.write("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 120; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(250);
                    }
                }
                case "huge" -> {
                    int size = 3 * 1024 * 1024;
                    out.write(head(200, "Content-Length: " + size + "\r\n"));
                    spaces(out, size);
                }
                case "huge-chunked" -> {
                    out.write(head(200, "Transfer-Encoding: chunked\r\n"));
                    for (int i = 0; i < 48; i++) {
                        out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
                        spaces(out, 0x10000);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                case "hostile" -> {
                    byte[] body = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1e999999,\"entry\":["
                            + "[".repeat(5000) + "]".repeat(5000) + "]}").getBytes(StandardCharsets.UTF_8);
                    out.write(head(200, "Content-Length: " + body.length + "\r\n"));
                    out.write(body);
                }
                case "redirect" -> out.write(head(302, "Location: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\n"));
                case "trickled-404" -> {
                    out.write(head(404, "Content-Length: 1000\r\n"));
                    for (int i = 0; i < 120; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(250);
                    }
                }
                case "escape" -> {
                    byte[] body = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\","
                            + "\"url\":\"" + base() + "/../secret/admin\"}],\"entry\":[]}").getBytes(StandardCharsets.UTF_8);
                    out.write(head(200, "Content-Length: " + body.length + "\r\n"));
                    out.write(body);
                }
                case "late", "late-everywhere" -> {
                    if (line.contains("/Patient/late ")) {
                        out.write(head(404, "Content-Length: 0\r\n"));
                        break;
                    }
                    Thread.sleep(1500);
                    out.write(head(200, "Content-Length: " + EMPTY_SEARCH.length + "\r\n"));
                    out.write(EMPTY_SEARCH);
                }
                default -> out.write(head(404, "Content-Length: 0\r\n"));
            }
            out.flush();
        } catch (IOException | InterruptedException gone) {
            // the service gave up on this answer, as it should
        }
    }

    private static String requestLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n") || head.length() > 16_384) {
                break;
            }
        }
        int end = head.indexOf("\r\n");
        return end < 0 ? head.toString() : head.substring(0, end);
    }

    private static byte[] head(int status, String headers) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void spaces(OutputStream out, int count) throws IOException {
        byte[] block = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        for (int left = count; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(block.length, left));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }
}
