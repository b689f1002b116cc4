package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The bundled rules compiled by the build, so that the service starts without parsing DRL or compiling Java (most of
 * its start-up time). The build writes them next to the rule files in the jar ({@code pom.xml}, process-classes); the
 * service uses them only if they were made from exactly the rule files it is given, by the same Drools version, and
 * compiles from source otherwise. The file is read from the application's own jar, never from a request.
 */
public final class PrecompiledRules {

    /** Class-path location of the compiled packages. */
    public static final String RESOURCE = "META-INF/triage/precompiled-rules.bin";

    private static final Logger LOG = Logger.getLogger(PrecompiledRules.class);
    private static final String FORMAT = "triage-precompiled-rules/1";

    private PrecompiledRules() {
    }

    /** Build step: {@code PrecompiledRules <rules folder> <output file>}; fails the build if the rules do not compile. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PrecompiledRules <rules folder> <output file>");
        }
        List<RuleFile> files = RuleSources.fromDirectory(Path.of(args[0]));
        String version = RuleCompiler.version(files);
        byte[] data = write(version, RuleCompiler.compileKieBase(files).getKiePackages());
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, data);
        System.out.printf("Precompiled %d rule files (%s) into %s, %d bytes%n", files.size(), version, out, data.length);
    }

    static byte[] write(String rulesVersion, Collection<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeUTF(Drools.getFullVersion());
            out.writeUTF(rulesVersion);
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A rule base on packages the build compiled. Drools' internal knowledge-base factory is the only way to put
     * deserialized packages into a base; it stays confined here until the build moves to the executable model.
     */
    @SuppressWarnings("deprecation") // the class-loader-aware configuration is what deserialized packages need
    static KieBase kieBase(Collection<KiePackage> packages, ClassLoader classLoader) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(packages);
        return kieBase;
    }

    /** The packages the build compiled from the rule set {@code rulesVersion}, if it left them on the class path. */
    static Optional<Collection<KiePackage>> load(String rulesVersion, ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : read(in.readAllBytes(), rulesVersion, classLoader);
        } catch (IOException e) {
            LOG.warnf("Precompiled rules unreadable (%s); compiling the rules from source", e.getClass().getName());
            return Optional.empty();
        }
    }

    /** The packages in {@code data} if they were compiled from the rule set {@code rulesVersion} by this Drools version. */
    @SuppressWarnings("unchecked")
    static Optional<Collection<KiePackage>> read(byte[] data, String rulesVersion, ClassLoader classLoader) {
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(data), classLoader)) {
            if (!FORMAT.equals(in.readUTF()) || !Drools.getFullVersion().equals(in.readUTF())) {
                LOG.info("Precompiled rules come from another format or Drools version; compiling the rules from source");
                return Optional.empty();
            }
            if (!rulesVersion.equals(in.readUTF())) {
                LOG.info("Precompiled rules were made from other rule files; compiling the rules from source");
                return Optional.empty();
            }
            return Optional.of((Collection<KiePackage>) in.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warnf("Precompiled rules unusable (%s); compiling the rules from source", e.getClass().getName());
            return Optional.empty();
        }
    }
}
