package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Build step: generates the executable model of the bundled rules and writes its classes, with the description
 * {@link ExecutableRules} reads, into the build's classes folder. It needs {@code drools-model-codegen}, which the
 * build has and the packaged service does not; a rule file that does not compile fails the build.
 */
public final class ExecutableRulesBuild {

    private ExecutableRulesBuild() {
    }

    /** {@code ExecutableRulesBuild <rules folder> <classes folder>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ExecutableRulesBuild <rules folder> <classes folder>");
        }
        List<RuleFile> files = RuleSources.fromDirectory(Path.of(args[0]));
        Path classes = Path.of(args[1]);
        InternalKieModule module = generate(files);
        int written = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                Path target = classes.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(name));
                written++;
            }
        }
        Properties description = new Properties();
        description.setProperty("format", ExecutableRules.FORMAT);
        description.setProperty("drools", Drools.getFullVersion());
        description.setProperty("rules", RuleCompiler.version(files));
        description.setProperty("models", String.join(",", models(module)));
        Path out = classes.resolve(ExecutableRules.RESOURCE);
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            description.store(stream, "Written by the build (ExecutableRulesBuild); read by ExecutableRules");
        }
        System.out.printf("Executable model of %d rule files (%s): %d classes in %s%n", files.size(),
                description.getProperty("rules"), written, classes);
    }

    /** The executable model of the files, compiled in memory; throws, naming file and line, if a file does not compile. */
    static InternalKieModule generate(List<RuleFile> files) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId id = kie.newReleaseId("dev.triageapi", "triage-rules", "executable");
        KieFileSystem sources = kie.newKieFileSystem().generateAndWritePomXML(id);
        for (RuleFile file : files) {
            sources.write("src/main/resources/" + file.path(), file.content());
        }
        KieBuilder builder = kie.newKieBuilder(sources, ExecutableRulesBuild.class.getClassLoader())
                .buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RulesLoadException("the rules do not compile to the executable model",
                    errors.stream().map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText()).toList(), null);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        kie.getRepository().removeKieModule(id);
        return module;
    }

    /** The model classes the module lists (its {@code drools-model} file: a version line, then one class per line). */
    static List<String> models(InternalKieModule module) {
        List<String> models = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.startsWith("META-INF/kie/") && name.endsWith("/drools-model")) {
                for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                        models.add(line.strip());
                    }
                }
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable model lists no model class");
        }
        return models;
    }
}
