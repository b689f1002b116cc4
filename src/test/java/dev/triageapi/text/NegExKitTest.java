package dev.triageapi.text;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.SymptomStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our cue logic against data nobody here wrote: the NegEx project's annotated test kit (2,376 concepts in clinical
 * reports, Apache 2.0, see {@code parse/negex/README.md}). Each concept is placed where the annotators marked it and
 * the English cues alone decide whether it is negated. The kit is doctors' prose, not patients' words: this checks the
 * algorithm, and the floors below hold it to what it measured (precision 0.991, recall 0.923 when written).
 */
@AlongsideQuarkusTests
class NegExKitTest {

    @Test
    void shouldFindTheNegationsTheNegExAnnotatorsMarked() throws IOException {
        String kit;
        try (InputStream in = NegExKitTest.class.getClassLoader().getResourceAsStream("parse/negex/Annotations-1-120.txt")) {
            kit = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Catalog catalog = Catalog.bundled();
        TextParser english = new TextParser(Lexicon.load("en"), catalog, InterviewPlan.load(catalog)::hours);
        int truePositive = 0;
        int falsePositive = 0;
        int falseNegative = 0;
        int trueNegative = 0;
        int skipped = 0;
        for (String line : kit.split("\r?\n")) {
            String[] field = line.split("\t");
            if (field.length < 4 || !(field[3].equals("Negated") || field[3].equals("Affirmed"))) {
                continue;
            }
            String concept = unquote(field[1]).trim();
            String sentence = unquote(field[2]);
            int[] span = find(sentence, concept);
            if (span == null) {
                skipped++;
                continue;
            }
            boolean negated = english.statusOf(sentence, span[0], span[1]) == SymptomStatus.ABSENT;
            boolean gold = field[3].equals("Negated");
            if (negated && gold) {
                truePositive++;
            } else if (negated) {
                falsePositive++;
            } else if (gold) {
                falseNegative++;
            } else {
                trueNegative++;
            }
        }
        double precision = (double) truePositive / (truePositive + falsePositive);
        double recall = (double) truePositive / (truePositive + falseNegative);
        System.out.printf(Locale.ROOT, "NegEx kit: negation precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d, %d not placed)%n",
                precision, recall, truePositive, falsePositive, falseNegative, trueNegative, skipped);
        assertTrue(skipped < 20, skipped + " concepts could not be placed in their sentences");
        assertTrue(precision >= 0.95, "negation precision " + precision);
        assertTrue(recall >= 0.90, "negation recall " + recall);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    /** Where the annotators put the concept: written in capitals in its sentence, spaces as they are there. */
    private static int[] find(String sentence, String concept) {
        String[] words = concept.split("\\s+");
        StringBuilder regex = new StringBuilder();
        for (String w : words) {
            if (regex.length() > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(w.toUpperCase(Locale.ROOT)));
        }
        Matcher upper = Pattern.compile(regex.toString()).matcher(sentence);
        if (upper.find()) {
            return new int[] {upper.start(), upper.end()};
        }
        Matcher any = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(sentence);
        return any.find() ? new int[] {any.start(), any.end()} : null;
    }
}
