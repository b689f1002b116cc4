package dev.triageapi.packaging;

import dev.triageapi.cdshooks.CdsExamples;
import dev.triageapi.fhir.FhirExamples;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random JSON against every POST endpoint of the packaged service: any JSON value, bodies shaped like a request with
 * random values, and the documented FHIR and CDS examples with one value replaced at random. It never answers 5xx,
 * and every refusal is problem+json (an OperationOutcome on the FHIR endpoint). Seeded: a failure prints the seed that replays it.
 */
@AlongsideQuarkusTests
class RandomBodyIT {

    static final List<String> FIELDS = List.of("age", "sex", "symptoms", "riskFactors", "underTreatment", "code",
            "status", "onset", "side", "severity", "locations", "hoursSinceOnset", "knownTrigger", "worsening", "recurring",
            "noticedOnWaking", "hoursSinceLastKnownWell");
    static final List<String> WORDS = List.of("muscle_weakness", "headache", "fatigue", "sudden", "gradual", "left",
            "both", "severe", "present", "absent", "unknown", "arm", "face", "diabetes", "male", "", "<b>", "\u0000", "é",
            "😀", "Observation", "Bundle", "QuestionnaireResponse", "75325-1", "http://loinc.org", "encounter-start");
    static final List<String> NUMBERS = List.of("1e999", "-1e999", "1e999999", "99999999999999999999999", "-0",
            "0.0000001", "2147483648", "7");

    static RunningJar app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningJar.start(Files.createTempDirectory("random-body"), RunningJar.NO_WARM_UP).awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldNeverAnswer5xxOnTheJsonApi() {
        Seeds.forAllConcurrently(300, random -> check("/api/v1/triage", "application/json",
                random.nextBoolean() ? json(random, 4) : requestShaped(random)));
    }

    @Test
    void shouldNeverAnswer5xxOnTheFhirEndpoint() {
        Seeds.forAllConcurrently(200, random -> check("/api/v1/triage/fhir", "application/fhir+json", random.nextInt(3) == 0
                ? json(random, 5)
                : mutate(random, random.nextBoolean() ? FhirExamples.QUESTIONNAIRE_RESPONSE : FhirExamples.OBSERVATION_BUNDLE)));
    }

    @Test
    void shouldNeverAnswer5xxOnTheIntakeCdsServiceOrFeedback() {
        Seeds.forAllConcurrently(100, random -> check("/cds-services/muscle-weakness-intake-triage", "application/json",
                random.nextInt(3) == 0 ? json(random, 5) : mutate(random, CdsExamples.QUESTIONNAIRE_INPROGRESS)));
        Seeds.forAllConcurrently(100, random -> check("/cds-services/muscle-weakness-triage/feedback", "application/json",
                random.nextInt(3) == 0 ? json(random, 5) : mutate(random, CdsExamples.FEEDBACK)));
    }

    @Test
    void shouldNeverAnswer5xxOnTheCdsService() {
        Seeds.forAllConcurrently(200, random -> check("/cds-services/muscle-weakness-triage", "application/json",
                random.nextInt(3) == 0 ? json(random, 5) : mutate(random, CdsExamples.ENCOUNTER_START)));
    }

    private static void check(String path, String type, String body) throws Exception {
        HttpResponse<String> response = app.post(path, type, body);
        assertTrue(response.statusCode() < 500, response.statusCode() + " for " + body);
        if (response.statusCode() >= 400) {
            assertEquals(path.contains("/fhir") ? "application/fhir+json" : "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""), body);
        }
    }

    /** Any JSON value, nested up to {@code depth}. */
    static String json(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> String.valueOf(random.nextInt());
            case 3 -> random.nextBoolean() ? String.valueOf(random.nextDouble() * 1000) : NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 4 -> quote(WORDS.get(random.nextInt(WORDS.size())));
            case 5 -> quote(randomString(random, 12));
            case 6 -> {
                List<String> items = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    items.add(json(random, depth - 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                List<String> members = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    String key = random.nextBoolean() ? FIELDS.get(random.nextInt(FIELDS.size())) : randomString(random, 8);
                    members.add(quote(key) + ":" + json(random, depth - 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    /** Bodies close to a valid request, with random values in each field. */
    static String requestShaped(Random random) {
        List<String> symptoms = new ArrayList<>();
        for (int s = 1 + random.nextInt(4); s > 0; s--) {
            StringBuilder out = new StringBuilder("{\"code\":" + quote(WORDS.get(random.nextInt(3))));
            for (String key : FIELDS.subList(6, FIELDS.size())) {
                if (random.nextInt(3) == 0) {
                    out.append(',').append(quote(key)).append(':').append(json(random, 1));
                }
            }
            symptoms.add(out.append('}').toString());
        }
        return "{\"symptoms\":[" + String.join(",", symptoms) + "],\"age\":" + json(random, 0)
                + ",\"riskFactors\":" + json(random, 1) + ",\"underTreatment\":" + json(random, 0) + "}";
    }

    /** The example with one string, number or boolean in it replaced by a random JSON value. */
    static String mutate(Random random, String example) {
        List<int[]> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+-]+|true|false)")
                .matcher(example);
        while (m.find()) {
            values.add(new int[] {m.start(1), m.end(1)});
        }
        int[] at = values.get(random.nextInt(values.size()));
        return example.substring(0, at[0]) + json(random, 2) + example.substring(at[1]);
    }

    static String randomString(Random random, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            out.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x3000)));
        }
        return out.toString();
    }

    static String quote(String raw) {
        return raw.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining("", "\"", "\""));
    }
}
