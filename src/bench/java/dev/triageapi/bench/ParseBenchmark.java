package dev.triageapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triageapi.catalog.Catalog;
import dev.triageapi.text.Lexicon;
import dev.triageapi.text.ParsedText;
import dev.triageapi.text.TextParser;
import dev.triageapi.triage.interview.InterviewPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One parse of a patient's message, taken in turn from the vignettes told in words ({@code
 * parse/vignette-texts.json}, 172 messages of 60 to 400 characters per language), of the longest text the service
 * reads (2,000 characters), and of 2,000 characters of made-up words (each a typo candidate): the cost a text adds to
 * a request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.logging.manager=org.jboss.logmanager.LogManager", Cases.JVM_OPTIONS})
public class ParseBenchmark {

    @Param({"en", "es"})
    public String language;

    private TextParser parser;
    private final List<String> texts = new ArrayList<>();
    private String longest;
    private String madeUp;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Catalog catalog = Catalog.bundled();
        parser = new TextParser(Lexicon.load(language), catalog, InterviewPlan.load(catalog)::hours);
        JsonNode file = new ObjectMapper().readTree(Path.of("src/test/resources/parse/vignette-texts.json").toFile());
        file.get("texts").forEach(t -> texts.add(t.get(language).asText()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < 2000; i++) {
            out.append(texts.get(i)).append(' ');
        }
        longest = out.substring(0, 2000);
        // Words the lexicon does not know, each a typo candidate: the most a text can make the typo search do.
        Random random = new Random(28);
        StringBuilder words = new StringBuilder();
        while (words.length() < 2000) {
            for (int i = 0, n = 6 + random.nextInt(4); i < n; i++) {
                words.append((char) ('a' + random.nextInt(26)));
            }
            words.append(' ');
        }
        madeUp = words.substring(0, 2000);
    }

    @Benchmark
    public ParsedText message() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return parser.parse(text);
    }

    @Benchmark
    public ParsedText twoThousandCharacters() {
        return parser.parse(longest);
    }

    @Benchmark
    public ParsedText twoThousandCharactersOfMadeUpWords() {
        return parser.parse(madeUp);
    }
}
