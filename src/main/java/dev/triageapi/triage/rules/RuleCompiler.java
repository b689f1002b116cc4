package dev.triageapi.triage.rules;

import dev.triageapi.catalog.Catalog;
import dev.triageapi.catalog.RedFlagDefinition;
import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.OneSymptomPools;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.vocabulary.Urgency;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL files into a {@link RuleSet}, refusing anything that would run half a rule set: compile errors, a file
 * that contributes no rule, two rules with one name, or a rule that does not say where its knowledge comes from.
 */
public final class RuleCompiler {

    // The conclusions of a consequence, however spaced and with the level's class named in full or not; LevelRules reads
    // an insert by them too, so what the catalog check sees and what a what-if leaves out are read alike.
    static final Pattern RED_FLAG = Pattern.compile("\\bredFlag\\s*\\(\\s*\"([^\"]*)\"");
    static final Pattern SUGGESTS = Pattern.compile("\\bsuggests\\s*\\(\\s*\"([^\"]*)\"");
    static final Pattern AT_LEAST = Pattern.compile("\\batLeast\\s*\\(\\s*(?:[\\w.]+\\.)?Urgency\\.([A-Z_0-9]+)\\s*,");
    static final Pattern SELF_CARE = Pattern.compile("\\bselfCare\\s*\\(\\s*\"([^\"]*)\"");
    /** A trigger a condition compares with: {@code triggeredBy("exercise")}, checked as the answer {@code trigger=exercise}. */
    private static final Pattern TRIGGERED_BY = Pattern.compile("\\btriggeredBy\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    static final Pattern ASK = Pattern.compile("\\bask\\s*\\(");
    /**
     * The codes a condition compares with: {@code code == "x"}, {@code code != "x"}, {@code code in ("x", "y")}, and in a
     * DRL function's Java {@code s.getCode().equals("x")}.
     */
    private static final Pattern CODE_COMPARED = Pattern.compile("\\bcode\\s*(?:==|!=)\\s*\"([^\"]*)\"|\\bgetCode\\(\\)\\.equals\\(\\s*\"([^\"]*)\"");
    private static final Pattern CODE_IN = Pattern.compile("\\bcode\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern REASON = Pattern.compile("\\batLeast\\s*\\(\\s*(?:[\\w.]+\\.)?Urgency\\.[A-Z_0-9]+\\s*,\\s*\"([^\"]*)\"");
    /** The symptom groups a condition names: {@code inGroup("x")}. */
    private static final Pattern GROUP = Pattern.compile("\\binGroup\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    /** The answer a question asks for: {@code ask($s, "modifier", "value", ...)}. */
    private static final Pattern ASKED = Pattern.compile("\\bask\\s*\\(\\s*\\$\\w+\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
    /** Where the rule files sit in the Kie module each compile builds. */
    private static final String SOURCE_ROOT = "src/main/resources/";
    private static final AtomicLong MODULES = new AtomicLong();

    private RuleCompiler() {
    }

    /**
     * The rule set of these files, its red flags at the bundled catalog's levels: the build's executable model if it was
     * made from exactly these files.
     */
    public static RuleSet compile(List<RuleFile> files) {
        return compile(files, Catalog.bundled());
    }

    /** The rule set of these files, its red flags at this catalog's levels. */
    public static RuleSet compile(List<RuleFile> files, Catalog catalog) {
        return compile(files, catalog, RuleCompiler.class.getClassLoader());
    }

    static RuleSet compile(List<RuleFile> files, Catalog catalog, ClassLoader buildOutput) {
        String version = version(files);
        return ExecutableRules.load(version, buildOutput)
                .map(kieBase -> ruleSet(files, version, new Compiled(kieBase,
                        left -> ExecutableRules.load(version, buildOutput, left).orElseThrow()), catalog))
                .orElseGet(() -> ruleSet(files, version, compileKieBase(files), catalog));
    }

    /** The rule set of these files, compiled from their source whatever the build left on the class path. */
    public static RuleSet compileFromSource(List<RuleFile> files) {
        return ruleSet(files, version(files), compileKieBase(files), Catalog.bundled());
    }

    private static Function<String, Optional<Urgency>> redFlagLevels(Catalog catalog) {
        return code -> catalog.redFlag(code).map(RedFlagDefinition::urgency);
    }

    /** A compiled rule base, and a maker of another base of the same rules but those named, that shares nothing with it. */
    record Compiled(KieBase kieBase, Function<Set<String>, KieBase> without) {
    }

    /**
     * Parses and compiles the files with the public {@code KieFileSystem} / {@code KieBuilder} API; throws, naming file
     * and line, if any file does not compile. Each build is its own module, dropped from the Kie repository once its
     * container exists, so that hot reloads do not pile up modules.
     */
    static Compiled compileKieBase(List<RuleFile> files) {
        if (files.isEmpty()) {
            throw new RulesLoadException("no .drl files found: refusing to run without rules");
        }
        KieServices kie = KieServices.Factory.get();
        ReleaseId id = kie.newReleaseId("dev.triageapi", "triage-rules", "1.0.0-" + MODULES.incrementAndGet());
        KieFileSystem sources = kie.newKieFileSystem().generateAndWritePomXML(id);
        for (RuleFile file : files) {
            sources.write(SOURCE_ROOT + file.path(), file.content());
        }
        ClassLoader facts = RuleCompiler.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(sources, facts).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RulesLoadException("the rules do not compile", errors.stream().map(RuleCompiler::describe).toList(), null);
        }
        try {
            KieContainer container = kie.newKieContainer(id, facts);
            return new Compiled(container.getKieBase(), left -> withoutRules(container.newKieBase(null), left));
        } finally {
            kie.getRepository().removeKieModule(id);
        }
    }

    /**
     * A rule set on a compiled base; checks that every file contributes rules, each with a source and its own name. Its
     * what-ifs run on other bases of the same rules, each without the rules a what-if at its level does not need
     * ({@link LevelRules}), or, for a what-if about one symptom, only the rules that can hold it ({@link OneSymptomRules});
     * the catalog gives each red flag's level and each symptom's groups.
     */
    static RuleSet ruleSet(List<RuleFile> files, String version, Compiled compiled, Catalog catalog) {
        List<DrlOutline.RuleText> texts = DrlOutline.rules(files);
        Map<String, RuleInfo> rules = describeRules(files, texts, compiled.kieBase());
        KieSessionsPool sessions = compiled.kieBase().newKieSessionsPool(1);
        Map<Urgency, KieSessionsPool> levelPools = new EnumMap<>(Urgency.class);
        Map<Urgency, Set<String>> levelLeft = LevelRules.notNeeded(texts, redFlagLevels(catalog));
        levelLeft.forEach((level, left) -> {
            if (left.isEmpty()) {
                levelPools.put(level, sessions);
                return;
            }
            levelPools.put(level, compiled.without().apply(left).newKieSessionsPool(1));
        });
        OneSymptomRules oneSymptom = new OneSymptomRules(texts, catalog::groupsOf);
        OneSymptomPools narrower = new OneSymptomPools((atLeast, code) -> {
            if (catalog.symptom(code).isEmpty()) {
                return null;
            }
            Set<String> atLevel = atLeast.nearestAtOrBelow(levelLeft).orElse(Set.of());
            Set<String> left = oneSymptom.leftOut(atLevel, code);
            return left.equals(atLevel) ? null : left;
        }, compiled.without());
        return new RuleSet(compiled.kieBase(), sessions, levelPools, narrower, version, List.copyOf(files), rules);
    }

    private static KieBase withoutRules(KieBase base, Set<String> left) {
        for (KiePackage pkg : List.copyOf(base.getKiePackages())) {
            for (Rule rule : List.copyOf(pkg.getRules())) {
                if (left.contains(rule.getName())) {
                    base.removeRule(pkg.getName(), rule.getName());
                }
            }
        }
        return base;
    }

    /** {@code sha256:} of every file's path and content in path order: the same files give the same version anywhere. */
    public static String version(List<RuleFile> files) {
        MessageDigest digest = RuleFile.digest();
        files.stream().sorted((a, b) -> a.path().compareTo(b.path())).forEach(file -> {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, RuleInfo> describeRules(List<RuleFile> files, List<DrlOutline.RuleText> outline, KieBase kieBase) {
        List<String> problems = new ArrayList<>();
        // Which file declares which rule, and what it says, from Drools' parse of each file: the KieBase does not say.
        Map<String, RuleFile> declaredIn = new LinkedHashMap<>();
        Map<String, DrlOutline.RuleText> texts = new LinkedHashMap<>();
        for (DrlOutline.RuleText text : outline) {
            RuleFile other = declaredIn.put(text.name(), text.file());
            if (other != null) {
                problems.add(text.file().path() + ": rule name \"" + text.name() + "\" is also used in " + other.path());
            }
            texts.put(text.name(), text);
        }
        Map<String, Integer> rulesPerFile = new LinkedHashMap<>();
        files.forEach(f -> rulesPerFile.put(f.path(), 0));
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleFile file = declaredIn.get(rule.getName());
                if (file == null) {
                    problems.add("rules: rule \"" + rule.getName() + "\" is not declared as rule \"name\" in any file");
                    continue;
                }
                rulesPerFile.merge(file.path(), 1, Integer::sum);
                Object source = rule.getMetaData().get("source");
                if (!(source instanceof String text) || text.isBlank()) {
                    problems.add(file.path() + ": rule \"" + rule.getName() + "\" has no @source(\"...\") saying where its knowledge comes from");
                    continue;
                }
                rules.put(rule.getName(), describe(file.path(), texts.get(rule.getName()), text));
            }
        }
        rulesPerFile.forEach((file, count) -> {
            if (count == 0) {
                problems.add(file + ": contributes no rule");
            }
        });
        if (!problems.isEmpty()) {
            throw new RulesLoadException("the rule set is incomplete", problems, null);
        }
        return Map.copyOf(rules);
    }

    /** Where the rule is written and what it names and concludes, read from its parsed conditions and consequence. */
    private static RuleInfo describe(String path, DrlOutline.RuleText rule, String source) {
        String when = rule.conditions();
        String then = rule.consequence();
        String both = when + "\n" + then;
        return new RuleInfo(rule.name(), path, rule.line(), source, all(RED_FLAG, then), all(SUGGESTS, then),
                all(AT_LEAST, then).stream().map(Urgency::valueOf).toList(), ASK.matcher(then).find(),
                codes(when), all(GROUP, when), answers(both), all(REASON, then), all(SELF_CARE, then));
    }

    private static List<String> codes(String text) {
        List<String> found = new ArrayList<>(all(CODE_COMPARED, text));
        Matcher in = CODE_IN.matcher(text);
        while (in.find()) {
            Matcher literal = LITERAL.matcher(in.group(1));
            while (literal.find()) {
                if (!found.contains(literal.group(1))) {
                    found.add(literal.group(1));
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<String> answers(String text) {
        Matcher m = ASKED.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
        }
        Matcher trigger = TRIGGERED_BY.matcher(text);
        while (trigger.find()) {
            found.add("trigger=" + trigger.group(1));
        }
        return List.copyOf(found);
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            // The first group that matched: a pattern may name the same thing in more than one form.
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    if (!found.contains(m.group(g))) {
                        found.add(m.group(g));
                    }
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    private static String describe(Message error) {
        String path = error.getPath() == null ? "rules" : error.getPath().replace(SOURCE_ROOT, "");
        String where = error.getLine() > 0 ? path + ":" + error.getLine() : path;
        return where + ": " + error.getText().strip().replaceAll("\\s+", " ");
    }
}
