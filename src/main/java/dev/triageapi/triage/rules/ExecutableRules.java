package dev.triageapi.triage.rules;

import org.drools.base.util.Drools;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
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
import java.util.Set;

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
        return load(rulesVersion, classLoader, Set.of());
    }

    /**
     * The same without the rules named in {@code left}: built from the model's other rules only, which costs less than
     * building every rule and removing some.
     */
    static Optional<KieBase> load(String rulesVersion, ClassLoader classLoader, Set<String> left) {
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
                Model model = (Model) Class.forName(name.strip(), true, classLoader).getDeclaredConstructor().newInstance();
                models.add(left.isEmpty() ? model : new Without(model, left));
            }
            return Optional.of(KieBaseBuilder.createKieBaseFromModel(models,
                    KieServices.Factory.get().newKieBaseConfiguration(null, classLoader)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warnf("Executable rules unusable (%s); compiling the rules from source", e.getClass().getName());
            return Optional.empty();
        }
    }

    /** A model without some of its rules. */
    private record Without(Model model, Set<String> left) implements Model {
        @Override
        public String getName() {
            return model.getName();
        }

        @Override
        public String getPackageName() {
            return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
            return model.getGlobals();
        }

        @Override
        public List<Rule> getRules() {
            return model.getRules().stream().filter(rule -> !left.contains(rule.getName())).toList();
        }

        @Override
        public List<Query> getQueries() {
            return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return model.getEntryPoints();
        }
    }
}
