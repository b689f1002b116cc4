package dev.triageapi.triage.rules;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every file with a given ending below a folder, on disk or on the class path (a folder or inside a jar). On the
 * class path the folder is found through its {@code README.md}, because a class loader need not list folders.
 */
public final class ResourceFolder {

    private ResourceFolder() {
    }

    /** Relative path (forward slashes) to text, sorted by path. */
    public static Map<String, String> onDisk(Path dir, String ending) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("folder does not exist: " + dir.toAbsolutePath());
        }
        return readTree(dir, ending);
    }

    /** Relative path (forward slashes) to text for every file below {@code folder} on the class path, sorted by path. */
    public static Map<String, String> onClasspath(ClassLoader classLoader, String folder, String ending) {
        String markerName = folder + "/README.md";
        URL marker = classLoader.getResource(markerName);
        if (marker == null) {
            throw new IllegalStateException("no " + markerName + " on the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                // A private file system over the jar, so that nothing else holding the same jar open gets in the way.
                String part = uri.getRawSchemeSpecificPart();
                try (FileSystem jar = FileSystems.newFileSystem(Path.of(URI.create(part.substring(0, part.indexOf("!/")))), Map.of())) {
                    return readTree(jar.getPath("/" + folder), ending);
                }
            }
            return readTree(Path.of(uri).getParent(), ending);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException("cannot read " + folder + " from the class path", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static Map<String, String> readTree(Path root, String ending) {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path p : paths.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(ending))
                    .filter(p -> !isHidden(root, p))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList()) {
                files.put(relative(root, p), Files.readString(p, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read files below " + root, e);
        }
    }

    /**
     * Anything below a dot-named folder or file is skipped: a Kubernetes ConfigMap volume keeps a second copy of every
     * file under {@code ..data/}, and editors leave dot-files behind.
     */
    private static boolean isHidden(Path root, Path file) {
        for (Path segment : root.relativize(file)) {
            if (segment.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
