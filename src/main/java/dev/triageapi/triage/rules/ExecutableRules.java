package dev.triageapi.triage.rules;

import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The bundled rules as Drools' executable model: Java classes the build generated from the DRL files and compiled into
 * the jar ({@link ExecutableRulesBuild}, process-classes), so that the service starts without parsing DRL or compiling
 * anything. They are used only when they were made from exactly the rule files the service is given, by the same
 * Drools version; otherwise (a clinic's own folder, a hot reload) the rules are compiled from source.
 */
public final class ExecutableRules {

    /** Class-path location of the description the build writes: format, Drools version, rules version, model classes. */
    public static final String RESOURCE = "META-INF/triage/executable-rules.properties";
    static final String FORMAT = "triage-executable-rules/1";

    private static final Logger LOG = Logger.getLogger(ExecutableRules.class);

    private ExecutableRules() {
    }

    /** The rule base of the executable model the build made from the rule set {@code rulesVersion}, if it is on the class path. */
    static Optional<KieBase> load(String rulesVersion, ClassLoader classLoader) {
        Properties description = new Properties();
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            description.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Executable rules unreadable (%s); compiling the rules from source", e.getClass().getName());
            return Optional.empty();
        }
        if (!FORMAT.equals(description.getProperty("format")) || !Drools.getFullVersion().equals(description.getProperty("drools"))) {
            LOG.info("Executable rules come from another format or Drools version; compiling the rules from source");
            return Optional.empty();
        }
        if (!rulesVersion.equals(description.getProperty("rules"))) {
            LOG.info("Executable rules were made from other rule files; compiling the rules from source");
            return Optional.empty();
        }
        try {
            List<Model> models = new ArrayList<>();
            for (String name : description.getProperty("models", "").split(",")) {
                models.add((Model) Class.forName(name.strip(), true, classLoader).getDeclaredConstructor().newInstance());
            }
            return Optional.of(KieBaseBuilder.createKieBaseFromModel(models,
                    KieServices.Factory.get().newKieBaseConfiguration(null, classLoader)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warnf("Executable rules unusable (%s); compiling the rules from source", e.getClass().getName());
            return Optional.empty();
        }
    }
}
