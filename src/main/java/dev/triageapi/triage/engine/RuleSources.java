package dev.triageapi.triage.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the DRL files of a rule set, either in a folder on disk or in the {@code rules/} folder on the classpath. */
public final class RuleSources {

    /** Resource that marks where the bundled rules folder is, also when the class loader cannot list folders. */
    static final String MARKER = "rules/README.md";

    private RuleSources() {
    }

    /** Every {@code .drl} file below {@code dir}, sorted by path. */
    public static List<RuleFile> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulesLoadException("rules folder does not exist: " + dir.toAbsolutePath());
        }
        return readTree(dir);
    }

    /** Every {@code .drl} file below {@code rules/} on the class path, whether it is a folder or inside a jar. */
    public static List<RuleFile> fromClasspath(ClassLoader classLoader) {
        URL marker = classLoader.getResource(MARKER);
        if (marker == null) {
            throw new RulesLoadException("no " + MARKER + " on the class path: the bundled rules are missing");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return readTree(jar.getPath("/rules"));
                }
            }
            return readTree(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new RulesLoadException("cannot read the bundled rules: " + e.getMessage(), e);
        }
    }

    /** A private file system over the jar, so that nothing else holding the same jar open can get in the way. */
    private static FileSystem openJar(URI uri) throws IOException {
        String part = uri.getRawSchemeSpecificPart();
        return FileSystems.newFileSystem(Path.of(URI.create(part.substring(0, part.indexOf("!/")))), Map.of());
    }

    private static List<RuleFile> readTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> drl = paths.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".drl"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList();
            List<RuleFile> files = new ArrayList<>(drl.size());
            for (Path p : drl) {
                files.add(new RuleFile("rules/" + relative(root, p), Files.readString(p, StandardCharsets.UTF_8)));
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules below " + root, e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
