package dev.triageapi.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.text.ParsedText.ParsedSymptom;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.Modifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser against gold sets written blind to it by a separate session ({@code parse/gold-en.json}, {@code
 * parse/gold-es.json}): patient-style messages annotated as a careful clinician reads them. Reports status precision
 * and recall, modifier and demographic accuracy (into {@code target/parse-gold-<language>.txt} with every miss), and
 * holds the safety line: a symptom the reader saw as present or doubtful is never read as absent.
 */
@AlongsideQuarkusTests
class ParseGoldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InterviewPlan PLAN = InterviewPlan.load(Catalog.bundled());

    /** Counts of one status: how often the gold and the parse agree on it. */
    private static final class Tally {
        int gold;
        int parsed;
        int both;

        double precision() {
            return parsed == 0 ? 1 : (double) both / parsed;
        }

        double recall() {
            return gold == 0 ? 1 : (double) both / gold;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.3f (%d/%d), recall %.3f (%d/%d)", precision(), both, parsed,
                    recall(), both, gold);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gold-en, 0.85, 0.75, 0.70", "gold-es, 0.85, 0.75, 0.70", "holdout-en, 0.80, 0.70, 0.60", "holdout-es, 0.80, 0.70, 0.60"})
    void shouldReadTheBlindGoldSet(String set, double presentRecall, double absentRecall, double modifierAccuracy)
            throws IOException {
        JsonNode gold = read("parse/" + set + ".json");
        String language = gold.get("language").asText();
        Map<String, Tally> symptoms = new HashMap<>();
        Map<String, Tally> risks = new HashMap<>();
        for (String s : List.of("present", "absent", "unknown")) {
            symptoms.put(s, new Tally());
            risks.put(s, new Tally());
        }
        int dangerous = 0;
        int unlisted = 0;
        int modifiersRight = 0;
        int modifiersAsked = 0;
        int demographicsRight = 0;
        int demographicsAsked = 0;
        int sentences = 0;
        long nanos = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode sentence : gold.get("sentences")) {
            sentences++;
            String text = sentence.get("text").asText();
            long t0 = System.nanoTime();
            ParsedText parsed = Parsers.of(language).parse(text);
            nanos += System.nanoTime() - t0;
            Map<String, ParsedSymptom> bySymptom = new HashMap<>();
            parsed.symptoms().forEach(s -> bySymptom.put(s.code(), s));
            Set<String> codes = new TreeSet<>(bySymptom.keySet());
            sentence.path("symptoms").fieldNames().forEachRemaining(codes::add);
            for (String code : codes) {
                JsonNode expected = sentence.path("symptoms").get(code);
                String want = expected == null ? null : expected.get("status").asText();
                ParsedSymptom got = bySymptom.get(code);
                String have = got == null ? null : got.status().code();
                count(symptoms, want, have);
                if (!java.util.Objects.equals(want, have)) {
                    misses.add("symptom " + code + ": want " + want + ", got " + have + " | " + text);
                }
                if (have != null && have.equals("absent") && want != null && !want.equals("absent")) {
                    dangerous++;
                    misses.add("DANGEROUS " + code + " read as absent | " + text);
                } else if ("absent".equals(have) && want == null) {
                    unlisted++;
                    misses.add("UNLISTED " + code + " read as absent, not annotated | " + text);
                }
                if (expected != null && got != null && want.equals("present") && have.equals("present")) {
                    for (Map.Entry<String, JsonNode> field : expected.properties()) {
                        if (field.getKey().equals("status")) {
                            continue;
                        }
                        modifiersAsked++;
                        Modifier m = Modifier.byCode(field.getKey()).orElseThrow();
                        Object value = got.modifiers().get(m);
                        if (sameAnswer(m, field.getValue(), value)) {
                            modifiersRight++;
                        } else {
                            misses.add("modifier " + code + "." + m.code() + ": want " + field.getValue() + ", got " + value + " | " + text);
                        }
                    }
                }
            }
            Map<String, String> riskWant = new HashMap<>();
            sentence.path("riskFactors").properties().forEach(e -> riskWant.put(e.getKey(), e.getValue().asText()));
            Map<String, String> riskHave = new HashMap<>();
            parsed.riskFactors().forEach(r -> riskHave.put(r, "present"));
            parsed.absentRiskFactors().forEach(r -> riskHave.put(r, "absent"));
            parsed.mentions().stream().filter(m -> m.kind() == ParsedText.MentionKind.RISK_FACTOR)
                    .forEach(m -> riskHave.putIfAbsent(m.code(), "unknown"));
            Set<String> riskCodes = new TreeSet<>(riskWant.keySet());
            riskCodes.addAll(riskHave.keySet());
            for (String code : riskCodes) {
                count(risks, riskWant.get(code), riskHave.get(code));
                if (!java.util.Objects.equals(riskWant.get(code), riskHave.get(code))) {
                    misses.add("risk " + code + ": want " + riskWant.get(code) + ", got " + riskHave.get(code) + " | " + text);
                }
            }
            for (String field : List.of("age", "sex", "pregnancy")) {
                JsonNode want = sentence.get(field);
                Object have = switch (field) {
                    case "age" -> parsed.age();
                    case "sex" -> parsed.sex() == null ? null : parsed.sex().name().toLowerCase(Locale.ROOT);
                    default -> parsed.pregnancy() == null ? null : parsed.pregnancy().name().toLowerCase(Locale.ROOT);
                };
                if (want == null && have == null) {
                    continue;
                }
                demographicsAsked++;
                if (want != null && have != null && want.asText().equals(String.valueOf(have))) {
                    demographicsRight++;
                } else {
                    misses.add(field + ": want " + want + ", got " + have + " | " + text);
                }
            }
        }
        double modifierRate = modifiersAsked == 0 ? 1 : (double) modifiersRight / modifiersAsked;
        String report = String.format(Locale.ROOT, """
                        %s: %d messages, %.0f µs per parse on average (first parse included)
                        symptoms present: %s
                        symptoms absent:  %s
                        symptoms unknown: %s
                        present or doubtful read as absent: %d
                        absent where the annotator listed nothing: %d
                        risk factors present: %s
                        risk factors absent:  %s
                        modifiers: %d of %d right (%.3f)
                        age, sex, pregnancy: %d of %d right
                        """, set, sentences, nanos / 1000.0 / sentences, symptoms.get("present"), symptoms.get("absent"),
                symptoms.get("unknown"), dangerous, unlisted, risks.get("present"), risks.get("absent"), modifiersRight, modifiersAsked,
                modifierRate, demographicsRight, demographicsAsked);
        int readAsAbsent = dangerous;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "parse-" + set + ".txt"), report + "\n" + String.join("\n", misses) + "\n");
        System.out.println(report);
        assertAll(
                () -> assertEquals(0, readAsAbsent, "symptoms the reader saw as present or doubtful, read as absent (see target/parse-" + set + ".txt)"),
                () -> assertTrue(symptoms.get("present").recall() >= presentRecall, "present recall " + symptoms.get("present")),
                () -> assertTrue(symptoms.get("present").precision() >= 0.85, "present precision " + symptoms.get("present")),
                () -> assertTrue(symptoms.get("absent").recall() >= absentRecall, "absent recall " + symptoms.get("absent")),
                () -> assertTrue(symptoms.get("absent").precision() >= 0.9, "absent precision " + symptoms.get("absent")),
                () -> assertTrue(modifierRate >= modifierAccuracy, "modifier accuracy " + modifierRate));
    }

    private static void count(Map<String, Tally> tallies, String want, String have) {
        if (want != null) {
            tallies.get(want).gold++;
        }
        if (have != null) {
            tallies.get(have).parsed++;
        }
        if (want != null && want.equals(have)) {
            tallies.get(want).both++;
        }
    }

    /** Hours are compared by the interview's duration range they fall in (the gold counts a month as 720 hours). */
    private static boolean sameAnswer(Modifier m, JsonNode want, Object have) {
        if (have == null) {
            return false;
        }
        return switch (m.kind()) {
            case DECIMAL -> PLAN.durationOf(want.asDouble()).equals(PLAN.durationOf((Double) have));
            case BOOLEAN -> want.asBoolean() == (Boolean) have;
            case CHOICES -> {
                Set<String> wanted = new TreeSet<>();
                want.forEach(v -> wanted.add(v.asText()));
                Set<String> got = new TreeSet<>();
                ((Collection<?>) have).forEach(v -> got.add(((Enum<?>) v).name().toLowerCase(Locale.ROOT)));
                yield wanted.equals(got);
            }
            case CHOICE -> want.asText().equals(((Enum<?>) have).name().toLowerCase(Locale.ROOT));
        };
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = ParseGoldTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing");
            }
            return JSON.readTree(in);
        }
    }
}
