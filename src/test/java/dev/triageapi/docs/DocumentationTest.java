package dev.triageapi.docs;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.rules.RuleCompiler;
import dev.triageapi.triage.rules.RuleSources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README and docs/ cannot drift from the code: links resolve, rule lines are the real ones, the README stays short. */
@AlongsideQuarkusTests
class DocumentationTest {

    static final Pattern LINK = Pattern.compile("\\]\\(([^)#:\\s]+)(#[^)]*)?\\)");
    static final Pattern TRACE = Pattern.compile("\"rule\": \"([^\"]+)\", \"file\": \"([^\"]+)\", \"line\": (\\d+)");

    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules/README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void shouldKeepTheReadmeToATwoMinuteRead() throws IOException {
        long lines = Files.readAllLines(Path.of("README.md")).size();
        assertTrue(lines <= 80, "README.md has " + lines + " lines; details belong in docs/");
    }

    @Test
    void shouldLinkOnlyToFilesThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                Path target = document.resolveSibling(link.group(1)).normalize();
                if (!Files.exists(target)) {
                    broken.add(document + " -> " + link.group(1));
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
    }

    @Test
    void shouldQuoteRuleTracesWithTheirRealFileAndLine() throws IOException {
        RuleSet rules = RuleCompiler.compile(RuleSources.fromDirectory(Path.of("rules")));
        int quoted = 0;
        for (Path document : documents()) {
            Matcher trace = TRACE.matcher(Files.readString(document));
            while (trace.find()) {
                quoted++;
                RuleInfo rule = rules.rule(trace.group(1));
                assertEquals(rule.file() + ":" + rule.line(), trace.group(2) + ":" + trace.group(3), document + " quotes " + trace.group(1));
            }
        }
        assertTrue(quoted > 0, "the README quotes a trace entry");
    }
}
