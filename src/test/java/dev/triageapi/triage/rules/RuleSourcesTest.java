package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same rule files are the same rule set wherever they come from: a Kubernetes ConfigMap mounts every file in one
 * folder, and the files are named by their packages, so the version, the trace paths and the build's compiled rules
 * stay those of the project's folders.
 */
class RuleSourcesTest {

    @Test
    void shouldReadAFlattenedCopyOfTheRulesAsTheSameRuleSet(@TempDir Path configMap) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(file, configMap.resolve(file.getFileName().toString()));
            }
        }
        List<RuleFile> bundled = RuleSources.fromDirectory(Path.of("rules"));
        List<RuleFile> flattened = RuleSources.fromDirectory(configMap);
        assertEquals(bundled, flattened);
        assertEquals(RuleCompiler.version(bundled), RuleCompiler.version(flattened));
        assertEquals("rules/emergency/stroke.drl", flattened.stream().map(RuleFile::path)
                .filter(p -> p.endsWith("/stroke.drl")).findFirst().orElseThrow());
    }

    @Test
    void shouldKeepFolderNamesWhenPackagesWouldGiveTwoFilesOneName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/x.drl"), "package rules.same;\n");
        Files.writeString(dir.resolve("b/x.drl"), "package rules.same;\n");
        assertEquals(List.of("rules/a/x.drl", "rules/b/x.drl"),
                RuleSources.fromDirectory(dir).stream().map(RuleFile::path).toList());
    }
}
