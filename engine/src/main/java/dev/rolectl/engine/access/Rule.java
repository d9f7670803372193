package dev.rolectl.engine.access;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy statement, compiled for evaluation: action names in lower case (IAM compares them
 * ignoring case), the principal's own policy variables filled in, and what about it cannot be
 * known offline ({@code unknowns}: an AWS managed policy's document, a policy variable left open).
 *
 * @param principal the Principal element (trust policies only), {@code null} when absent
 * @param notPrincipal the NotPrincipal element, {@code null} when absent
 * @param source where the statement is, e.g. {@code inline policy deploy of user ci}
 */
record Rule(
    boolean allow,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    NormalizedPrincipal principal,
    NormalizedPrincipal notPrincipal,
    List<Clause> clauses,
    List<String> unknowns,
    String source) {

  Rule {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    clauses = List.copyOf(clauses);
    unknowns = List.copyOf(unknowns);
    Objects.requireNonNull(source, "source");
  }

  /**
   * A statement of a policy whose document is not known (an AWS managed policy, a document
   * rolectl cannot read): it may allow or deny anything.
   */
  static Rule opaque(boolean allow, String what, String source) {
    return new Rule(allow, List.of("*"), false, List.of("*"), false, null, null, List.of(),
        List.of(what + (allow ? " allows it" : " denies it")), source);
  }

  /** The patterns this statement's actions are in: its Action, or {@code *} for NotAction. */
  List<String> actionRange() {
    return notAction ? List.of("*") : actions;
  }

  List<String> resourceRange() {
    return notResource ? List.of("*") : resources;
  }

  boolean coversAction(String action) {
    boolean any = false;
    for (String p : actions) {
      if (Glob.matches(p, action)) {
        any = true;
        break;
      }
    }
    return notAction != any;
  }

  boolean coversResource(String resource) {
    boolean any = false;
    for (String p : resources) {
      if (Glob.matches(p, resource)) {
        any = true;
        break;
      }
    }
    return notResource != any;
  }

  /** Every condition key the statement tests. */
  java.util.Set<String> keys() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    clauses.forEach(c -> out.add(c.key()));
    return out;
  }

  /** The statement's own conditions in words, e.g. {@code StringEquals iam:passedtoservice x}. */
  String conditionText() {
    return String.join(" and ", clauses.stream().map(Clause::label).toList());
  }

  /** Condition values by key, for choosing request contexts. */
  Map<String, List<String>> valuesByKey() {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    clauses.forEach(c -> out.computeIfAbsent(c.key(), k -> new java.util.ArrayList<>())
        .addAll(c.values()));
    return out;
  }
}
