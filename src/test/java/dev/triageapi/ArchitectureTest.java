package dev.triageapi;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.triageapi.testing.AlongsideQuarkusTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Holds the shape of the code base: packages without cycles, and classes small enough to read in one sitting. */
@AlongsideQuarkusTests
class ArchitectureTest {

    private static final int MOST_LINES = 300;
    /** The sentence a longer class's javadoc must carry, saying why it is one piece. */
    private static final Pattern ONE_PIECE = Pattern.compile("(?s)/\\*\\*(?:(?!\\*/).)*\\bOne piece\\b(?:(?!\\*/).)*\\*/\\s*(?:@[^\\n]*\\s+)*public ");

    @Test
    void shouldKeepThePackagesAndTheFeaturesFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.triageapi");
        slices().matching("dev.triageapi.(**)").should().beFreeOfCycles().check(classes);
        // A feature with its layers inside (triage.api, triage.engine...) as one: no two features import each other.
        slices().matching("dev.triageapi.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldKeepEveryMainClassUnderThreeHundredLinesOrSayWhyNot() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String source = Files.readString(f);
                    return source.lines().count() > MOST_LINES && !ONE_PIECE.matcher(source).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).sorted().toList();
            assertEquals(List.of(), tooLong, "over " + MOST_LINES + " lines without a javadoc sentence "
                    + "starting \"One piece\" that says why");
        }
    }

    /** A Quarkus test must never run beside another: only plain tests may say they run alongside them. */
    @Test
    void shouldRunOnlyPlainTestsAlongsideTheQuarkusTests() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.triageapi");
        List<String> both = tests.stream()
                .filter(c -> c.isAnnotatedWith(AlongsideQuarkusTests.class))
                .filter(c -> c.isAnnotatedWith("io.quarkus.test.junit.QuarkusTest")
                        || c.isAnnotatedWith("io.quarkus.test.junit.QuarkusIntegrationTest")
                        || c.isAnnotatedWith("io.quarkus.test.junit.TestProfile"))
                .map(c -> c.getName()).sorted().toList();
        assertEquals(List.of(), both);
        assertFalse(tests.stream().noneMatch(c -> c.isAnnotatedWith(AlongsideQuarkusTests.class)), "the marker is found on test classes");
    }
}
