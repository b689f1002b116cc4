package dev.triageapi.triage.engine;

import dev.triageapi.common.ResourceFolder;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Finds the DRL files of a rule set, either in a folder on disk or in the {@code rules/} folder on the classpath. */
public final class RuleSources {

    private RuleSources() {
    }

    /** Every {@code .drl} file below {@code dir}, sorted by path. */
    public static List<RuleFile> fromDirectory(Path dir) {
        try {
            return toRuleFiles(ResourceFolder.onDisk(dir, ".drl"));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new RulesLoadException("cannot read the rules folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code .drl} file below {@code rules/} on the class path, whether it is a folder or inside a jar. */
    public static List<RuleFile> fromClasspath(ClassLoader classLoader) {
        try {
            return toRuleFiles(ResourceFolder.onClasspath(classLoader, "rules", ".drl"));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new RulesLoadException("cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    private static List<RuleFile> toRuleFiles(Map<String, String> files) {
        return files.entrySet().stream().map(e -> new RuleFile("rules/" + e.getKey(), e.getValue())).toList();
    }
}
