package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;
import dev.triageapi.vocabulary.Urgency;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles DRL files into a {@link RuleSet}, refusing anything that would run half a rule set: compile errors, a file
 * that contributes no rule, two rules with one name, or a rule that does not say where its knowledge comes from.
 */
public final class RuleCompiler {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\b", Pattern.MULTILINE);
    private static final Pattern RED_FLAG = Pattern.compile("redFlag\\(\\s*\"([a-z0-9_]+)\"");
    private static final Pattern SUGGESTS = Pattern.compile("suggests\\(\\s*\"([a-z0-9_]+)\"");
    private static final Pattern AT_LEAST = Pattern.compile("atLeast\\(\\s*Urgency\\.([A-Z_0-9]+)");
    private static final Pattern SELF_CARE = Pattern.compile("selfCare\\(\\s*\"([a-z0-9_]+)\"");
    /** A trigger a condition compares with: {@code triggeredBy("exercise")}, checked as the answer {@code trigger=exercise}. */
    private static final Pattern TRIGGERED_BY = Pattern.compile("\\btriggeredBy\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern ASK = Pattern.compile("\\bask\\(");
    /** The codes a condition compares with: {@code code == "x"}, {@code code != "x"}, {@code code in ("x", "y")}. */
    private static final Pattern CODE_COMPARED = Pattern.compile("\\bcode\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern CODE_IN = Pattern.compile("\\bcode\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern REASON = Pattern.compile("atLeast\\(\\s*Urgency\\.[A-Z_0-9]+\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern GROUP = Pattern.compile("\\binGroup\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    /** The answer a question asks for: {@code ask($s, "modifier", "value", ...)}. */
    private static final Pattern ASKED = Pattern.compile("\\bask\\(\\s*\\$\\w+\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
    /** Where the rule files sit in the Kie module each compile builds. */
    private static final String SOURCE_ROOT = "src/main/resources/";
    private static final AtomicLong MODULES = new AtomicLong();

    private RuleCompiler() {
    }

    /** The rule set of these files: the build's executable model if it was made from exactly these files. */
    public static RuleSet compile(List<RuleFile> files) {
        return compile(files, RuleCompiler.class.getClassLoader());
    }

    static RuleSet compile(List<RuleFile> files, ClassLoader buildOutput) {
        String version = version(files);
        return ExecutableRules.load(version, buildOutput)
                .map(kieBase -> ruleSet(files, version, kieBase))
                .orElseGet(() -> ruleSet(files, version, compileKieBase(files)));
    }

    /** The rule set of these files, compiled from their source whatever the build left on the class path. */
    public static RuleSet compileFromSource(List<RuleFile> files) {
        return ruleSet(files, version(files), compileKieBase(files));
    }

    /**
     * Parses and compiles the files with the public {@code KieFileSystem} / {@code KieBuilder} API; throws, naming file
     * and line, if any file does not compile. Each build is its own module, dropped from the Kie repository once its
     * container exists, so that hot reloads do not pile up modules.
     */
    static KieBase compileKieBase(List<RuleFile> files) {
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
            return kie.newKieContainer(id, facts).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(id);
        }
    }

    /** A rule set on a compiled base; checks that every file contributes rules, each with a source and its own name. */
    static RuleSet ruleSet(List<RuleFile> files, String version, KieBase kieBase) {
        return new RuleSet(kieBase, version, List.copyOf(files), describeRules(files, kieBase));
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

    private static Map<String, RuleInfo> describeRules(List<RuleFile> files, KieBase kieBase) {
        List<String> problems = new ArrayList<>();
        // Which file declares which rule, read from the files themselves: the public API does not say.
        Map<String, RuleFile> declaredIn = new LinkedHashMap<>();
        for (RuleFile file : files) {
            Matcher header = RULE_HEADER.matcher(file.content());
            while (header.find()) {
                RuleFile other = declaredIn.put(header.group(1), file);
                if (other != null) {
                    problems.add(file.path() + ": rule name \"" + header.group(1) + "\" is also used in " + other.path());
                }
            }
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
                rules.put(rule.getName(), describe(file, file.path(), rule.getName(), text));
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

    /** Where the rule is written and what its consequence concludes, read from the rule's own text. */
    private static RuleInfo describe(RuleFile file, String path, String ruleName, String source) {
        if (file != null) {
            Matcher header = RULE_HEADER.matcher(file.content());
            while (header.find()) {
                if (header.group(1).equals(ruleName)) {
                    int line = (int) file.content().substring(0, header.start(1)).chars().filter(c -> c == '\n').count() + 1;
                    Matcher end = RULE_END.matcher(file.content());
                    String text = end.find(header.end()) ? file.content().substring(header.end(), end.start()) : "";
                    String code = withoutComments(text);
                    return new RuleInfo(ruleName, path, line, source, all(RED_FLAG, code), all(SUGGESTS, code),
                            all(AT_LEAST, code).stream().map(Urgency::valueOf).toList(), ASK.matcher(code).find(),
                            codes(code), all(GROUP, code), answers(code), all(REASON, code), all(SELF_CARE, code));
                }
            }
        }
        return new RuleInfo(ruleName, path, 0, source, List.of(), List.of(), List.of(), false, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The rule's text without its comments, so that a code in a comment is not taken for one the rule uses. */
    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
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
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
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
