package dev.rolectl.cli.e2e.gha;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub Actions' expression language the example workflows use, as GitHub's
 * "Evaluate expressions in workflows and actions" reference describes it: literals ({@code 'x'},
 * {@code true}, {@code false}, {@code null}, numbers), context paths ({@code
 * github.event.pull_request.base.sha}, {@code steps.plan.outputs.exitcode}, {@code
 * needs.reviewed-plan.outputs.run-id}), {@code !}, {@code ==} and {@code !=} (strings compared
 * ignoring case), {@code &&} and {@code ||} (which return an operand, not a boolean), parentheses,
 * and the status functions. Anything else is an error, so that a workflow using more than this
 * fails its test instead of being evaluated wrongly.
 */
final class Expressions {
  private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}");
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<str>'(?:[^']|'')*')|(?<op>==|!=|&&|\\|\\||[!()])|(?<word>[A-Za-z_][\\w.-]*(?:\\(\\))?)"
          + "|(?<num>-?\\d+(?:\\.\\d+)?))");

  private final Function<String, Object> contexts;
  private final Map<String, Boolean> status;

  /**
   * @param contexts the value of a dotted path (null when absent)
   * @param status the values of success(), failure(), cancelled() and always()
   */
  Expressions(Function<String, Object> contexts, Map<String, Boolean> status) {
    this.contexts = contexts;
    this.status = status;
  }

  /** A string with {@code ${{ }}} templates replaced by their values. */
  String interpolate(String s) {
    Matcher m = TEMPLATE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(text(evaluate(m.group(1)))));
    }
    return m.appendTail(out).toString();
  }

  /** An {@code if:} condition (with or without {@code ${{ }}}). */
  boolean condition(String s) {
    String e = s.strip();
    if (e.startsWith("${{") && e.endsWith("}}")) {
      e = e.substring(3, e.length() - 2);
    }
    return truthy(evaluate(e));
  }

  Object evaluate(String expression) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && m.find(at) && m.start() == at) {
      tokens.add(m.group().strip());
      at = m.end();
    }
    if (!expression.substring(at).isBlank()) {
      throw new IllegalArgumentException("the test's expression evaluator does not know: " + expression);
    }
    Parser p = new Parser(tokens);
    Object v = p.or();
    if (p.i != tokens.size()) {
      throw new IllegalArgumentException("cannot parse: " + expression);
    }
    return v;
  }

  static boolean truthy(Object v) {
    return !(v == null || Boolean.FALSE.equals(v) || "".equals(v)
        || (v instanceof Double d && d == 0));
  }

  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  private final class Parser {
    final List<String> t;
    int i;

    Parser(List<String> tokens) {
      this.t = tokens;
    }

    Object or() {
      Object left = and();
      while (i < t.size() && t.get(i).equals("||")) {
        i++;
        Object right = and();
        left = truthy(left) ? left : right;
      }
      return left;
    }

    Object and() {
      Object left = eq();
      while (i < t.size() && t.get(i).equals("&&")) {
        i++;
        Object right = eq();
        left = truthy(left) ? right : left;
      }
      return left;
    }

    Object eq() {
      Object left = unary();
      while (i < t.size() && (t.get(i).equals("==") || t.get(i).equals("!="))) {
        boolean negate = t.get(i++).equals("!=");
        Object right = unary();
        boolean same = left instanceof String a && right instanceof String b
            ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT))
            : java.util.Objects.equals(left, right);
        left = negate != same;
      }
      return left;
    }

    Object unary() {
      if (t.get(i).equals("!")) {
        i++;
        return !truthy(unary());
      }
      if (t.get(i).equals("(")) {
        i++;
        Object v = or();
        if (!t.get(i++).equals(")")) {
          throw new IllegalArgumentException("missing )");
        }
        return v;
      }
      String tok = t.get(i++);
      if (tok.startsWith("'")) {
        return tok.substring(1, tok.length() - 1).replace("''", "'");
      }
      if (tok.matches("-?\\d+(\\.\\d+)?")) {
        return Double.parseDouble(tok);
      }
      switch (tok) {
        case "true":
          return true;
        case "false":
          return false;
        case "null":
          return null;
        default:
          break;
      }
      if (tok.endsWith("()")) {
        Boolean b = status.get(tok.substring(0, tok.length() - 2));
        if (b == null) {
          throw new IllegalArgumentException("the test's evaluator has no function " + tok);
        }
        return b;
      }
      return contexts.apply(tok);
    }
  }
}
