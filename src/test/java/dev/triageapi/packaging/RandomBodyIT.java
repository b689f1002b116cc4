package dev.triageapi.packaging;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random JSON values as request bodies against the packaged service: it never answers 5xx. */
class RandomBodyIT {

    static final List<String> FIELDS = List.of("age", "sex", "symptoms", "riskFactors", "underTreatment", "code",
            "status", "onset", "side", "severity", "locations", "hoursSinceOnset", "knownTrigger", "worsening", "recurring");
    static final List<String> WORDS = List.of("muscle_weakness", "headache", "fatigue", "sudden", "gradual", "left",
            "both", "severe", "present", "absent", "unknown", "arm", "face", "diabetes", "male", "", "<b>", "\u0000", "é", "😀");

    static RunningJar app;

    @BeforeContainer
    static void start() throws Exception {
        app = RunningJar.start(Files.createTempDirectory("random-body")).awaitReady();
    }

    @AfterContainer
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 400)
    void shouldNeverAnswer5xx(@ForAll("bodies") String body) throws Exception {
        HttpResponse<String> response = app.postTriage(body);
        assertTrue(response.statusCode() < 500, response.statusCode() + " for " + body);
        if (response.statusCode() >= 400) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), body);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(json(4), requestShaped());
    }

    /** Any JSON value, nested up to {@code depth}. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.just("null"), Arbitraries.of("true", "false"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
                Arbitraries.of("1e999", "-1e999", "99999999999999999999999", "-0", "0.0000001"),
                Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(12)).map(RandomBodyIT::quote));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.lazy(() -> member(depth - 1)).list().ofMaxSize(5)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(scalar, array, object);
    }

    static Arbitrary<String> member(int depth) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
        return key.flatMap(k -> json(depth).map(v -> quote(k) + ":" + v));
    }

    /** Bodies close to a valid request, with random values in each field. */
    static Arbitrary<String> requestShaped() {
        Arbitrary<String> symptom = Arbitraries.of(FIELDS.subList(5, FIELDS.size())).list().ofMaxSize(6).uniqueElements()
                .flatMap(keys -> json(1).list().ofSize(keys.size()).map(values -> {
                    StringBuilder out = new StringBuilder("{\"code\":" + quote(WORDS.get(Math.abs(values.hashCode()) % 3)));
                    for (int i = 0; i < keys.size(); i++) {
                        if (!keys.get(i).equals("code")) {
                            out.append(',').append(quote(keys.get(i))).append(':').append(values.get(i));
                        }
                    }
                    return out.append('}').toString();
                }));
        return symptom.list().ofMinSize(1).ofMaxSize(4).flatMap(symptoms -> json(1).list().ofSize(3).map(values ->
                "{\"symptoms\":[" + String.join(",", symptoms) + "],\"age\":" + values.get(0)
                        + ",\"riskFactors\":" + values.get(1) + ",\"underTreatment\":" + values.get(2) + "}"));
    }

    static String quote(String raw) {
        return raw.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining("", "\"", "\""));
    }
}
