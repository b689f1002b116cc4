package dev.triageapi.triage.api;

import dev.triageapi.http.InvalidRequestException;
import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.text.Lexicon;
import dev.triageapi.text.TextParser;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.interview.InterviewPlan;
import dev.triageapi.vocabulary.Urgency;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages four independent reviews wrote to make the free-text reader lower a complaint
 * ({@code parse/reviewed-messages.tsv}): none is read lower than the level recorded once their findings were fixed.
 */
@AlongsideQuarkusTests
class ReviewedMessagesTest {

    private static final RequestMapper REQUESTS = new RequestMapper(Rules.CATALOG, 50);

    @Test
    void shouldNeverReadAReviewedMessageLowerThanRecorded() throws IOException {
        Map<String, TextParser> parsers = Map.of(
                "en", new TextParser(Lexicon.load("en"), Rules.CATALOG, InterviewPlan.load(Rules.CATALOG)::hours),
                "es", new TextParser(Lexicon.load("es"), Rules.CATALOG, InterviewPlan.load(Rules.CATALOG)::hours));
        List<String> lower = new ArrayList<>();
        int read = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/parse/reviewed-messages.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            String language = parts[1].substring(0, 2);
            String text = parts[1].substring(3);
            int recorded = rank(parts[0]);
            int now = rank(urgency(TextIntake.read(parsers.get(language).parse(text))));
            read++;
            if (now < recorded) {
                lower.add(parts[0] + " recorded, " + (now < 0 ? "none" : Urgency.values()[now].code()) + " now: " + parts[1]);
            }
        }
        assertTrue(read > 1_500, "the reviews' messages were read: " + read);
        assertEquals(List.of(), lower, "a reviewed message is read lower than recorded");
    }

    /** The level the text alone gets, or "none" when it names no symptom or denies every one. */
    private static String urgency(TextIntake.Reading reading) {
        try {
            TriageRequest request = reading.choose(r -> Rules.assess(REQUESTS.toCase(r)).urgency());
            return request.symptoms().isEmpty() ? "none" : Rules.assess(REQUESTS.toCase(request)).urgency().code();
        } catch (InvalidRequestException refused) {
            return "none";
        }
    }

    private static int rank(String level) {
        return level.equals("none") ? -1 : Urgency.valueOf(level.toUpperCase(Locale.ROOT)).ordinal();
    }
}
