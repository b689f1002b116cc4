package dev.triageapi.triage.rules;

import dev.triageapi.triage.engine.RuleFile;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a set of DRL files as Drools' own parser reads them: each rule's file, name and line, the text of its
 * conditions (every constraint, the code of an {@code accumulate}) and of its consequences (named ones included), each
 * with the body of every DRL function of its package it calls, directly or through another function. Reading the
 * parser's descriptors rather than the text means a rule written in any legal layout is read right, and comments are
 * left out (outside string literals).
 */
final class DrlOutline {

    /**
     * One rule: where it is written, what its conditions and its consequences say, the fact types its conditions match,
     * and what changes how it fires beside its conditions (its attributes, such as {@code agenda-group}, the rule it
     * extends, whether it is a query).
     */
    record RuleText(RuleFile file, String name, int line, String conditions, String consequence, Set<String> matches,
                    Set<String> attributes, String parent, boolean query, List<PatternText> patterns) {
    }

    /**
     * One pattern of a rule's conditions, wherever it stands (under {@code not}, {@code exists}, an accumulate...): the
     * simple name of its fact type, the symptom code ({@code code == "x"}) and group ({@code inGroup("g")}) its
     * constraints pin it to (null when none does or when its objects come from an expression, {@code from}), and
     * whether it holds the result of an {@code accumulate} or a {@code collect} rather than facts (their input
     * patterns are patterns of their own).
     */
    record PatternText(String type, String code, String group, boolean result) {
    }

    private static final Pattern CODE_IS = Pattern.compile("code\\s*==\\s*\"([^\"\\\\]+)\"");
    private static final Pattern IN_GROUP = Pattern.compile("inGroup\\s*\\(\\s*\"([^\"\\\\]+)\"\\s*\\)");

    private DrlOutline() {
    }

    /** The rules of the files, in the order they are written; throws, naming the file, if one does not parse. */
    static List<RuleText> rules(List<RuleFile> files) {
        Map<RuleFile, PackageDescr> parsed = new LinkedHashMap<>();
        Map<String, Map<String, String>> functionsByPackage = new LinkedHashMap<>();
        for (RuleFile file : files) {
            PackageDescr pkg = parse(file);
            parsed.put(file, pkg);
            for (FunctionDescr function : pkg.getFunctions()) {
                functionsByPackage.computeIfAbsent(pkg.getName(), p -> new LinkedHashMap<>())
                        .put(function.getName(), withoutComments(function.getBody()));
            }
        }
        List<RuleText> rules = new ArrayList<>();
        parsed.forEach((file, pkg) -> {
            Map<String, String> functions = functionsByPackage.getOrDefault(pkg.getName(), Map.of());
            for (RuleDescr rule : pkg.getRules()) {
                StringBuilder conditions = new StringBuilder();
                Set<String> matches = new LinkedHashSet<>();
                List<PatternText> patterns = new ArrayList<>();
                collect(rule.getLhs(), conditions, matches, patterns);
                StringBuilder consequence = new StringBuilder(text(rule.getConsequence()));
                rule.getNamedConsequences().values().forEach(named -> consequence.append('\n').append(text(named)));
                rules.add(new RuleText(file, rule.getName(), rule.getLine(), withCalled(conditions.toString(), functions),
                        withCalled(withoutComments(consequence.toString()), functions), Set.copyOf(matches),
                        Set.copyOf(rule.getAttributes().keySet()), rule.getParentName(), rule.isQuery(), List.copyOf(patterns)));
            }
        });
        return List.copyOf(rules);
    }

    private static PackageDescr parse(RuleFile file) {
        DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, file.content());
        } catch (DroolsParserException e) {
            throw new RulesLoadException("the rules do not parse", List.of(file.path() + ": " + e.getMessage()), null);
        }
        if (parser.hasErrors() || pkg == null) {
            throw new RulesLoadException("the rules do not parse", parser.getErrors().stream()
                    .map(error -> file.path() + ": " + error.getMessage()).toList(), null);
        }
        return pkg;
    }

    /** The text with the bodies of the functions it calls appended, and of those they call in turn. */
    private static String withCalled(String text, Map<String, String> functions) {
        Set<String> called = new LinkedHashSet<>();
        List<String> toRead = new ArrayList<>(List.of(text));
        while (!toRead.isEmpty()) {
            String read = toRead.remove(toRead.size() - 1);
            functions.forEach((name, body) -> {
                if (!called.contains(name) && Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(read).find()) {
                    called.add(name);
                    toRead.add(body);
                }
            });
        }
        StringBuilder out = new StringBuilder(text);
        called.forEach(name -> out.append('\n').append(functions.get(name)));
        return out.toString();
    }

    /**
     * Every constraint, pattern source and piece of accumulate code under a condition element, one per line, and the
     * simple names of the fact types its patterns match, and each pattern.
     */
    private static void collect(BaseDescr descr, StringBuilder out, Set<String> types, List<PatternText> patterns) {
        if (descr == null) {
            return;
        }
        if (descr instanceof ExprConstraintDescr constraint) {
            out.append(constraint.getExpression()).append('\n');
        } else if (descr instanceof PatternDescr pattern) {
            if (pattern.getObjectType() != null) {
                String type = pattern.getObjectType().substring(pattern.getObjectType().lastIndexOf('.') + 1);
                types.add(type);
                patterns.add(pinned(type, pattern));
            }
            pattern.getDescrs().forEach(d -> collect(d, out, types, patterns));
            collect(pattern.getSource(), out, types, patterns);
        } else if (descr instanceof CollectDescr source) {
            collect(source.getInputPattern(), out, types, patterns);
        } else if (descr instanceof AccumulateDescr source) {
            collect(source.getInput(), out, types, patterns);
            for (String code : new String[] {source.getInitCode(), source.getActionCode(), source.getReverseCode(), source.getResultCode()}) {
                if (code != null) {
                    out.append(withoutComments(code)).append('\n');
                }
            }
            source.getFunctions().forEach(f -> out.append(f.getFunction()).append('(')
                    .append(String.join(", ", f.getParams())).append(")\n"));
        } else if (descr instanceof FromDescr source) {
            out.append(source.getExpression()).append('\n');
        } else if (descr instanceof EvalDescr eval) {
            out.append(eval.getContent()).append('\n');
        } else if (descr instanceof ForallDescr forall) {
            int first = patterns.size();
            forall.getDescrs().forEach(d -> collect(d, out, types, patterns));
            if (forall.getDescrs().size() == 1 && patterns.size() > first) {
                // forall(P) asks every fact of P's type to meet P's constraints: they test each one, they pin nothing.
                PatternText only = patterns.get(first);
                patterns.set(first, new PatternText(only.type(), null, null, only.result()));
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(d -> collect(d, out, types, patterns));
        }
    }

    /** The pattern with the code and group its own constraints pin it to; neither when it reads from an expression. */
    private static PatternText pinned(String type, PatternDescr pattern) {
        if (pattern.getSource() instanceof AccumulateDescr || pattern.getSource() instanceof CollectDescr) {
            return new PatternText(type, null, null, true);
        }
        String code = null;
        String group = null;
        if (pattern.getSource() == null) {
            for (BaseDescr d : pattern.getDescrs()) {
                if (d instanceof ExprConstraintDescr constraint) {
                    String expression = constraint.getExpression().strip();
                    Matcher m;
                    if ((m = CODE_IS.matcher(expression)).matches()) {
                        code = m.group(1);
                    } else if ((m = IN_GROUP.matcher(expression)).matches()) {
                        group = m.group(1);
                    }
                }
            }
        }
        return new PatternText(type, code, group, false);
    }

    private static String text(Object code) {
        return code == null ? "" : code.toString();
    }

    /** The Java or DRL text without its comments; string and character literals are kept whole. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                out.append(' ');
                i = end < 0 ? text.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
