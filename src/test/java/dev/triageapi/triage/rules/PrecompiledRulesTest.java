package dev.triageapi.triage.rules;

import dev.triageapi.triage.api.RequestMapper;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.triage.engine.Rules;
import dev.triageapi.triage.engine.TriageEngine;
import dev.triageapi.triage.facts.TriageCase;
import dev.triageapi.triage.rules.ResourceFolder;
import dev.triageapi.triage.vignette.VignetteSuite;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules the build precompiles into the jar answer exactly like the same rules compiled from source, and are
 * used only when they were made from exactly the rule files the service is given.
 */
class PrecompiledRulesTest {

    static final ClassLoader LOADER = PrecompiledRulesTest.class.getClassLoader();
    static final List<RuleFile> FILES = RuleSources.fromDirectory(Path.of("rules"));
    static final RuleSet FROM_SOURCE = RuleCompiler.compileFromSource(FILES);

    @Test
    void shouldFindTheBuildsPrecompiledRulesForTheBundledRuleFiles() {
        assertTrue(PrecompiledRules.load(FROM_SOURCE.version(), LOADER).isPresent(),
                "the build (process-classes) must leave " + PrecompiledRules.RESOURCE + " made from rules/");
    }

    @Test
    void shouldAnswerEveryVignetteExactlyAsTheRulesCompiledFromSource() {
        RuleSet precompiled = RuleCompiler.ruleSet(FILES, FROM_SOURCE.version(), PrecompiledRules.kieBase(
                PrecompiledRules.load(FROM_SOURCE.version(), LOADER).orElseThrow(), LOADER));
        TriageEngine engine = new TriageEngine(Rules.CATALOG);
        RequestMapper requests = new RequestMapper(Rules.CATALOG, RequestMapper.CONTRACT_MAX_SYMPTOMS);
        Map<String, String> vignettes = ResourceFolder.onClasspath(LOADER, "vignettes", ".json");
        assertTrue(vignettes.size() > 100, "vignettes not found");
        vignettes.forEach((path, text) -> {
            TriageCase c = requests.toCase(VignetteSuite.request(VignetteSuite.parse(path, text)));
            assertEquals(engine.assess(FROM_SOURCE, c), engine.assess(precompiled, c), path);
        });
        assertEquals(FROM_SOURCE.version(), precompiled.version());
        assertEquals(FROM_SOURCE.rules(), precompiled.rules());
    }

    @Test
    void shouldStartFromThePrecompiledPackagesWhenTheyWereMadeFromTheRuleFiles() {
        // Packages in which one rule names another source, labelled as made from FILES: only a rule set built from
        // them carries that source, so finding it proves start-up took the precompiled packages instead of compiling.
        Matcher header = Pattern.compile("rule \"([^\"]+)\"\\s*@source\\(\"([^\"]+)\"\\)").matcher(FILES.get(0).content());
        assertTrue(header.find());
        List<RuleFile> marked = new ArrayList<>(FILES);
        marked.set(0, new RuleFile(FILES.get(0).path(), FILES.get(0).content().replace(
                "@source(\"" + header.group(2) + "\")", "@source(\"precompiled marker\")")));
        byte[] data = PrecompiledRules.write(FROM_SOURCE.version(), RuleCompiler.compileKieBase(marked).getKiePackages());
        ClassLoader jar = new ClassLoader(LOADER) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return PrecompiledRules.RESOURCE.equals(name) ? new ByteArrayInputStream(data) : super.getResourceAsStream(name);
            }
        };
        RuleSet started = RuleCompiler.compile(FILES, jar);
        assertEquals("precompiled marker", started.rule(header.group(1)).source(), "start-up compiled from source");
    }

    @Test
    void shouldCompileFromSourceWhenTheRuleFilesDiffer() {
        List<RuleFile> changed = new ArrayList<>(FILES);
        changed.set(0, new RuleFile(FILES.get(0).path(), FILES.get(0).content() + "\n// one more line\n"));
        assertTrue(PrecompiledRules.load(RuleCompiler.version(changed), LOADER).isEmpty());
        assertEquals(FROM_SOURCE.rules(), RuleCompiler.compile(changed).rules());

        byte[] data = PrecompiledRules.write("sha256:made-from-other-files", RuleCompiler.compileKieBase(FILES).getKiePackages());
        assertTrue(PrecompiledRules.read(data, FROM_SOURCE.version(), LOADER).isEmpty());
        assertTrue(PrecompiledRules.read(data, "sha256:made-from-other-files", LOADER).isPresent());
    }

    @Test
    void shouldCompileFromSourceWhenThePrecompiledRulesAreDamaged() {
        byte[] data = PrecompiledRules.write(FROM_SOURCE.version(), RuleCompiler.compileKieBase(FILES).getKiePackages());
        byte[] truncated = java.util.Arrays.copyOf(data, data.length / 2);
        assertTrue(PrecompiledRules.read(truncated, FROM_SOURCE.version(), LOADER).isEmpty());
        byte[] garbage = new byte[256];
        assertTrue(PrecompiledRules.read(garbage, FROM_SOURCE.version(), LOADER).isEmpty());
        assertTrue(PrecompiledRules.read(data, FROM_SOURCE.version(), LOADER).isPresent());
    }
}
