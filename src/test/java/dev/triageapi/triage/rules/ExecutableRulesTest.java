package dev.triageapi.triage.rules;

import dev.triageapi.testing.AlongsideQuarkusTests;
import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.vignette.VignetteSuite;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executable model the build generates answers exactly like the same rules compiled from source, and is used only
 * when it was made from exactly the rule files the service is given.
 */
@AlongsideQuarkusTests
class ExecutableRulesTest {

    static final ClassLoader LOADER = ExecutableRulesTest.class.getClassLoader();
    static final List<RuleFile> FILES = RuleSources.fromDirectory(Path.of("rules"));
    static final RuleSet FROM_SOURCE = RuleCompiler.compileFromSource(FILES);

    @Test
    void shouldFindTheBuildsExecutableModelForTheBundledRuleFiles() {
        assertTrue(ExecutableRules.load(FROM_SOURCE.version(), LOADER).isPresent(),
                "the build (process-classes) must leave " + ExecutableRules.RESOURCE + " and its classes, made from rules/");
    }

    @Test
    void shouldStartFromTheExecutableModelAndAnswerEveryVignetteExactlyAsTheRulesCompiledFromSource() {
        RuleSet started = RuleCompiler.compile(FILES);
        assertTrue(isExecutableModel(started.kieBase()), "start-up compiled the DRL instead of loading the executable model");
        assertFalse(isExecutableModel(FROM_SOURCE.kieBase()));
        TriageEngine engine = new TriageEngine(Rules.CATALOG);
        RequestMapper requests = new RequestMapper(Rules.CATALOG, RequestMapper.CONTRACT_MAX_SYMPTOMS);
        Map<String, String> vignettes = ResourceFolder.onClasspath(LOADER, "vignettes", ".json");
        assertTrue(vignettes.size() > 250, "vignettes not found");
        vignettes.forEach((path, text) -> {
            TriageCase c = requests.toCase(VignetteSuite.request(VignetteSuite.parse(path, text)));
            assertEquals(engine.assess(FROM_SOURCE, c), engine.assess(started, c), path);
        });
        assertEquals(FROM_SOURCE.version(), started.version());
        assertEquals(FROM_SOURCE.rules(), started.rules());
    }

    @Test
    void shouldCompileFromSourceWhenTheRuleFilesDiffer() {
        List<RuleFile> changed = new ArrayList<>(FILES);
        changed.set(0, new RuleFile(FILES.get(0).path(), FILES.get(0).content() + "\n// one more line\n"));
        assertTrue(ExecutableRules.load(RuleCompiler.version(changed), LOADER).isEmpty());
        RuleSet compiled = RuleCompiler.compile(changed);
        assertFalse(isExecutableModel(compiled.kieBase()));
        assertEquals(FROM_SOURCE.rules(), compiled.rules());
    }

    @Test
    void shouldCompileFromSourceWhenTheDescriptionIsDamagedOrFromAnotherDrools() {
        String good = new String(readResource(), StandardCharsets.UTF_8);
        for (String damaged : List.of(good.replaceAll("drools=.*", "drools=7.0.0"), good.replaceAll("format=.*", "format=x"),
                good.replaceAll("models=.*", "models=rules.NoSuchModel"), good.replaceAll("models=.*", "models=java.lang.String"),
                "\\u00zz broken", "")) {
            assertTrue(ExecutableRules.load(FROM_SOURCE.version(), withResource(damaged)).isEmpty(), damaged);
        }
        assertTrue(ExecutableRules.load(FROM_SOURCE.version(), withResource(good)).isPresent());
    }

    /** Rules of the executable model carry generated lambda consequences; rules compiled from DRL do not. */
    static boolean isExecutableModel(KieBase kieBase) {
        var rule = (RuleImpl) kieBase.getKiePackages().iterator().next().getRules().iterator().next();
        return rule.getConsequence().getClass().getName().contains("Lambda");
    }

    private static byte[] readResource() {
        try (InputStream in = LOADER.getResourceAsStream(ExecutableRules.RESOURCE)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ClassLoader withResource(String description) {
        return new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return ExecutableRules.RESOURCE.equals(name)
                        ? new ByteArrayInputStream(description.getBytes(StandardCharsets.ISO_8859_1)) : super.getResourceAsStream(name);
            }
        };
    }
}
