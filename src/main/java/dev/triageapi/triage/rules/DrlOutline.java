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
                    Set<String> attributes, String parent, boolean query) {
    }

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
                collect(rule.getLhs(), conditions, matches);
                StringBuilder consequence = new StringBuilder(text(rule.getConsequence()));
                rule.getNamedConsequences().values().forEach(named -> consequence.append('\n').append(text(named)));
                rules.add(new RuleText(file, rule.getName(), rule.getLine(), withCalled(conditions.toString(), functions),
                        withCalled(withoutComments(consequence.toString()), functions), Set.copyOf(matches),
                        Set.copyOf(rule.getAttributes().keySet()), rule.getParentName(), rule.isQuery()));
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
     * simple names of the fact types its patterns match.
     */
    private static void collect(BaseDescr descr, StringBuilder out, Set<String> types) {
        if (descr == null) {
            return;
        }
        if (descr instanceof ExprConstraintDescr constraint) {
            out.append(constraint.getExpression()).append('\n');
        } else if (descr instanceof PatternDescr pattern) {
            if (pattern.getObjectType() != null) {
                types.add(pattern.getObjectType().substring(pattern.getObjectType().lastIndexOf('.') + 1));
            }
            pattern.getDescrs().forEach(d -> collect(d, out, types));
            collect(pattern.getSource(), out, types);
        } else if (descr instanceof CollectDescr source) {
            collect(source.getInputPattern(), out, types);
        } else if (descr instanceof AccumulateDescr source) {
            collect(source.getInput(), out, types);
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
            forall.getDescrs().forEach(d -> collect(d, out, types));
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(d -> collect(d, out, types));
        }
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
