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
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a DRL file as Drools' own parser reads them: each rule's name, line, the text of its conditions (every
 * constraint, with the body of each DRL function a constraint calls) and of its consequence. Reading the parser's
 * descriptors rather than the text means a rule written in any legal layout is read right, and a comment is never
 * taken for a condition.
 */
final class DrlOutline {

    /** One rule: where it starts, what its conditions and its consequence say. */
    record RuleText(String name, int line, String conditions, String consequence) {
    }

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    private DrlOutline() {
    }

    /** The rules of the file, in the order they are written; throws, naming the file, if it does not parse. */
    static List<RuleText> rules(RuleFile file) {
        PackageDescr pkg;
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        try {
            pkg = parser.parse(false, file.content());
        } catch (DroolsParserException e) {
            throw new RulesLoadException("the rules do not parse", List.of(file.path() + ": " + e.getMessage()), null);
        }
        if (parser.hasErrors() || pkg == null) {
            throw new RulesLoadException("the rules do not parse", parser.getErrors().stream()
                    .map(error -> file.path() + ": " + error.getMessage()).toList(), null);
        }
        List<RuleText> rules = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            StringBuilder conditions = new StringBuilder();
            collect(rule.getLhs(), conditions);
            for (FunctionDescr function : pkg.getFunctions()) {
                if (Pattern.compile("\\b" + Pattern.quote(function.getName()) + "\\s*\\(").matcher(conditions).find()) {
                    conditions.append('\n').append(withoutComments(function.getBody()));
                }
            }
            String consequence = rule.getConsequence() == null ? "" : withoutComments(rule.getConsequence().toString());
            rules.add(new RuleText(rule.getName(), rule.getLine(), conditions.toString(), consequence));
        }
        return List.copyOf(rules);
    }

    /** Every constraint and pattern source under a condition element, one per line. */
    private static void collect(BaseDescr descr, StringBuilder out) {
        if (descr == null) {
            return;
        }
        if (descr instanceof ExprConstraintDescr constraint) {
            out.append(constraint.getExpression()).append('\n');
        } else if (descr instanceof PatternDescr pattern) {
            pattern.getDescrs().forEach(d -> collect(d, out));
            collect(pattern.getSource(), out);
        } else if (descr instanceof CollectDescr source) {
            collect(source.getInputPattern(), out);
        } else if (descr instanceof AccumulateDescr source) {
            collect(source.getInput(), out);
        } else if (descr instanceof FromDescr source) {
            out.append(source.getExpression()).append('\n');
        } else if (descr instanceof EvalDescr eval) {
            out.append(eval.getContent()).append('\n');
        } else if (descr instanceof ForallDescr forall) {
            forall.getDescrs().forEach(d -> collect(d, out));
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(d -> collect(d, out));
        }
    }

    private static String withoutComments(String text) {
        return COMMENT.matcher(text).replaceAll(" ");
    }
}
