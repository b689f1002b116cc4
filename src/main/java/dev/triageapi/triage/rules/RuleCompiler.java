package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import dev.triageapi.triage.engine.RuleInfo;
import dev.triageapi.triage.engine.RuleSet;

import dev.triageapi.triage.Urgency;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private static final Pattern ASK = Pattern.compile("\\bask\\(");

    private RuleCompiler() {
    }

    /** The rule set of these files: the build's precompiled packages if they were made from exactly these files. */
    public static RuleSet compile(List<RuleFile> files) {
        return compile(files, RuleCompiler.class.getClassLoader());
    }

    static RuleSet compile(List<RuleFile> files, ClassLoader precompiledFrom) {
        String version = version(files);
        return fromPackages(files, version, PrecompiledRules.load(version, precompiledFrom)
                .orElseGet(() -> compilePackages(files)));
    }

    /** The rule set of these files, compiled from their source whatever the build left on the class path. */
    public static RuleSet compileFromSource(List<RuleFile> files) {
        return fromPackages(files, version(files), compilePackages(files));
    }

    /** Parses the files and compiles their rules into Drools packages; throws if any file does not compile. */
    static Collection<KiePackage> compilePackages(List<RuleFile> files) {
        if (files.isEmpty()) {
            throw new RulesLoadException("no .drl files found: refusing to run without rules");
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(RuleCompiler.class.getClassLoader()));
        KieServices kie = KieServices.Factory.get();
        for (RuleFile file : files) {
            Resource resource = kie.getResources()
                    .newByteArrayResource(file.content().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file.path());
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<String> problems = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                problems.add(describe(error));
            }
            throw new RulesLoadException("the rules do not compile", problems, null);
        }
        return builder.getKnowledgePackages();
    }

    /** A rule set on packages compiled from these files; checks that every file contributes rules with a source. */
    static RuleSet fromPackages(List<RuleFile> files, String version, Collection<KiePackage> packages) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, RuleCompiler.class.getClassLoader()));
        kieBase.addPackages(packages);
        Map<String, RuleInfo> rules = describeRules(files, kieBase);
        return new RuleSet(kieBase, version, List.copyOf(files), rules);
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
        Map<String, Integer> rulesPerFile = new LinkedHashMap<>();
        files.forEach(f -> rulesPerFile.put(f.path(), 0));
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = ((RuleImpl) rule).getResource().getSourcePath();
                rulesPerFile.merge(file, 1, Integer::sum);
                Object source = rule.getMetaData().get("source");
                if (!(source instanceof String text) || text.isBlank()) {
                    problems.add(file + ": rule \"" + rule.getName() + "\" has no @source(\"...\") saying where its knowledge comes from");
                    continue;
                }
                RuleInfo previous = rules.put(rule.getName(), describe(byPath.get(file), file, rule.getName(), text));
                if (previous != null) {
                    problems.add(file + ": rule name \"" + rule.getName() + "\" is also used in " + previous.file());
                }
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
                    return new RuleInfo(ruleName, path, line, source, all(RED_FLAG, text), all(SUGGESTS, text),
                            all(AT_LEAST, text).stream().map(Urgency::valueOf).toList(), ASK.matcher(text).find());
                }
            }
        }
        return new RuleInfo(ruleName, path, 0, source, List.of(), List.of(), List.of(), false);
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

    private static String describe(KnowledgeBuilderError error) {
        String file = error.getResource() == null ? "rules" : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        String where = lines != null && lines.length > 0 && lines[0] > 0 ? file + ":" + lines[0] : file;
        return where + ": " + error.getMessage().strip().replaceAll("\\s+", " ");
    }
}
