package dev.triageapi.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Under {@code ./mvnw quarkus:dev} Quarkus restarts only for the resources it is told to watch: every catalog file must
 * (its translations included) be named in {@code quarkus.live-reload.watched-resources}, or an edit of its words has no
 * effect until a restart.
 */
class CatalogFilesWatchedTest {

    @Test
    void shouldWatchEveryCatalogFileInDevMode() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        Set<String> watched = Arrays.stream(properties.getProperty("quarkus.live-reload.watched-resources", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalog;
        Path root = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(root.resolve("catalog"))) {
            catalog = files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(catalog, watched);
    }
}
