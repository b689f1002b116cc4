package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the DRL files of a rule set, either in a folder on disk or in the {@code rules/} folder on the classpath. */
public final class RuleSources {

    private RuleSources() {
    }

    /** Largest rule file read; the bundled ones are under 20 KB. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Most bytes of rule files read from one folder. */
    public static final long MAX_FOLDER_BYTES = 8 * MAX_FILE_BYTES;
    /** Most rule files read from one folder. */
    public static final int MAX_FILES = 500;
    /** A DRL package declaration at the start of a line, under {@code rules}: the file's place in the rule set. */
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+(rules(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*;?\\s*$",
            Pattern.MULTILINE);

    /** Every {@code .drl} file below {@code dir}, sorted by path; refused before reading if a file or the folder is too large. */
    public static List<RuleFile> fromDirectory(Path dir) {
        try {
            checkSizes(dir);
            return toRuleFiles(ResourceFolder.onDisk(dir, ".drl"));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new RulesLoadException("cannot read the rules folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static void checkSizes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return; // ResourceFolder says so
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            long total = 0;
            int count = 0;
            for (Path file : paths.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).toList()) {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(dir.relativize(file) + " has " + size + " bytes, more than the "
                            + MAX_FILE_BYTES + " a rule file may have");
                }
                total += size;
                if (++count > MAX_FILES || total > MAX_FOLDER_BYTES) {
                    throw new IllegalArgumentException("more than " + MAX_FILES + " rule files or " + MAX_FOLDER_BYTES
                            + " bytes of them");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * The rule files, each named by where its package puts it ({@code package rules.emergency;} in {@code stroke.drl}
     * is {@code rules/emergency/stroke.drl}) rather than by the folder it was read from. A Kubernetes ConfigMap mounts
     * every file in one folder: named by their packages, the very same files give the same rules version, the same
     * trace paths and the build's compiled rules, wherever they come from. A file without a package under
     * {@code rules}, or two files that would get one name, keep the names of their folders.
     */
    private static List<RuleFile> toRuleFiles(Map<String, String> files) {
        Map<String, String> logical = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            Matcher pkg = PACKAGE.matcher(file.getValue());
            String path = pkg.find() ? pkg.group(1).replace('.', '/') + "/" + name : null;
            if (path == null || logical.putIfAbsent(path, file.getValue()) != null) {
                return byFolder(files);
            }
        }
        return logical.entrySet().stream().map(e -> new RuleFile(e.getKey(), e.getValue())).toList();
    }

    private static List<RuleFile> byFolder(Map<String, String> files) {
        return files.entrySet().stream().map(e -> new RuleFile("rules/" + e.getKey(), e.getValue())).toList();
    }
}
