package dev.triageapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The JDK's HTTP client on the port REST Assured was given, for tests that send hundreds of requests in a loop (every
 * vignette through a door): REST Assured compiles and interprets Groovy on each call, which cost these loops more
 * than the service's own work. Single requests and their checks stay with REST Assured.
 */
public final class Loopback {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Loopback() {
    }

    /**
     * POSTs {@code body} to {@code path} with these headers (name, value, name, value...) and reads the JSON answer,
     * failing unless the status is {@code expected}.
     */
    public static JsonNode post(String path, String body, int expected, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError("POST " + path + ": expected status " + expected + ", got "
                        + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body to {@code path} and reads the JSON answer, failing unless the status is 200. */
    public static JsonNode postJson(String path, String body) {
        return post(path, body, 200, "Content-Type", "application/json", "Accept", "application/json");
    }
}
