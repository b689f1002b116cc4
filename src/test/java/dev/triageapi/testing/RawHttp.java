package dev.triageapi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a loopback socket, for requests no well-behaved client sends: odd request targets,
 * missing or forged headers, broken framing. Reads one response (or what the server sent before it closed).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** One response: status (0 if the server closed without answering), headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code raw} bytes as they are and reads the answer, waiting at most {@code timeoutMs}. */
    public static Response exchange(int port, byte[] raw, int timeoutMs) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(raw);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** A request with {@code Host}, {@code Connection: close} and, when there is a body, its length. */
    public static Response send(int port, String method, String target, Map<String, String> headers, String body)
            throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.put("Connection", "close");
        all.putAll(headers);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            all.put("Content-Length", String.valueOf(content.length));
        }
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(content);
        return exchange(port, bytes.toByteArray(), 5000);
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) > 0) {
                buffer.write(chunk, 0, n);
                if (complete(buffer.toByteArray())) {
                    break;
                }
            }
        } catch (java.net.SocketException closed) {
            // the server closed the connection: what came before is the answer
        }
        byte[] raw = buffer.toByteArray();
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        if (!all.startsWith("HTTP/")) {
            return new Response(0, Map.of(), all);
        }
        int end = all.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? all : all.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean complete(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = all.substring(0, end).toLowerCase(Locale.ROOT);
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return raw.length >= end + 4 + Long.parseLong(line.substring(15).trim());
            }
            if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                return all.endsWith("0\r\n\r\n");
            }
        }
        return false; // read until the server closes
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < body.length) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
