package dev.triageapi.triage.reload;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under {@code quarkus:dev} the project's rules folder is watched, so editing a rule does something. */
class DevModeRulesTest {

    @Test
    void shouldWatchTheProjectRulesFolderInDevModeOnly() throws Exception {
        PropertiesConfigSource properties = new PropertiesConfigSource(
                Path.of("src/main/resources/application.properties").toUri().toURL());
        SmallRyeConfig dev = new SmallRyeConfigBuilder().withProfile("dev").withSources(properties).build();
        SmallRyeConfig prod = new SmallRyeConfigBuilder().withProfile("prod").withSources(properties).build();
        assertEquals(Optional.of("rules"), dev.getOptionalValue("triage.rules.dir", String.class));
        assertTrue(Files.isDirectory(Path.of(dev.getValue("triage.rules.dir", String.class))));
        assertEquals(Optional.empty(), prod.getOptionalValue("triage.rules.dir", String.class), "prod uses the bundled rules");
    }
}
