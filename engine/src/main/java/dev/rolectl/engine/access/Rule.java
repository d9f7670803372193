package dev.rolectl.engine.access;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One policy statement, compiled for evaluation: action names in lower case (IAM compares them
 * ignoring case), the principal's own policy variables filled in, and what about it cannot be
 * known offline ({@code unknowns}: an AWS managed policy's document, a policy variable left open).
 * Its actions and resources are indexed (exact names in a set, patterns by service), so that a
 * statement of thousands of actions (ReadOnlyAccess) is matched in a few steps. Equal when every
 * element is; immutable.
 */
final class Rule {
  private final boolean allow;
  private final List<String> actions;
  private final boolean notAction;
  private final List<String> resources;
  private final boolean notResource;
  private final NormalizedPrincipal principal;
  private final NormalizedPrincipal notPrincipal;
  private final List<Clause> clauses;
  private final List<String> unknowns;
  private final String source;
  private final Index actionIndex;
  private final Index resourceIndex;
  private final int hash;

  /**
   * @param principal the Principal element (trust policies only), {@code null} when absent
   * @param notPrincipal the NotPrincipal element, {@code null} when absent
   * @param source where the statement is, e.g. {@code inline policy deploy of user ci}
   */
  Rule(boolean allow, List<String> actions, boolean notAction, List<String> resources,
      boolean notResource, NormalizedPrincipal principal, NormalizedPrincipal notPrincipal,
      List<Clause> clauses, List<String> unknowns, String source) {
    this.allow = allow;
    this.actions = List.copyOf(actions);
    this.notAction = notAction;
    this.resources = List.copyOf(resources);
    this.notResource = notResource;
    this.principal = principal;
    this.notPrincipal = notPrincipal;
    this.clauses = List.copyOf(clauses);
    this.unknowns = List.copyOf(unknowns);
    this.source = Objects.requireNonNull(source, "source");
    this.actionIndex = new Index(this.actions, true);
    this.resourceIndex = new Index(this.resources, false);
    this.hash = Objects.hash(allow, this.actions, notAction, this.resources, notResource, principal,
        notPrincipal, this.clauses, this.unknowns, source);
  }

  /**
   * A statement of a policy whose document is not known (an AWS managed policy, a document
   * rolectl cannot read): it may allow or deny anything.
   */
  static Rule opaque(boolean allow, String what, String source) {
    return new Rule(allow, List.of("*"), false, List.of("*"), false, null, null, List.of(),
        List.of(what + (allow ? " allows it" : " denies it")), source);
  }

  boolean allow() {
    return allow;
  }

  List<String> actions() {
    return actions;
  }

  boolean notAction() {
    return notAction;
  }

  List<String> resources() {
    return resources;
  }

  boolean notResource() {
    return notResource;
  }

  NormalizedPrincipal principal() {
    return principal;
  }

  NormalizedPrincipal notPrincipal() {
    return notPrincipal;
  }

  List<Clause> clauses() {
    return clauses;
  }

  List<String> unknowns() {
    return unknowns;
  }

  String source() {
    return source;
  }

  /** The patterns this statement's actions are in: its Action, or {@code *} for NotAction. */
  List<String> actionRange() {
    return notAction ? List.of("*") : actions;
  }

  List<String> resourceRange() {
    return notResource ? List.of("*") : resources;
  }

  /** Whether the statement applies to the (lower-case) action. */
  boolean coversAction(String action) {
    return notAction != actionIndex.matches(action);
  }

  boolean coversResource(String resource) {
    return notResource != resourceIndex.matches(resource);
  }

  /** The statement's own conditions in words, e.g. {@code StringEquals iam:passedtoservice x}. */
  String conditionText() {
    return String.join(" and ", clauses.stream().map(Clause::label).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rule r && hash == r.hash && allow == r.allow && notAction == r.notAction
        && notResource == r.notResource && actions.equals(r.actions)
        && resources.equals(r.resources) && Objects.equals(principal, r.principal)
        && Objects.equals(notPrincipal, r.notPrincipal) && clauses.equals(r.clauses)
        && unknowns.equals(r.unknowns) && source.equals(r.source);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return (allow ? "Allow " : "Deny ") + (notAction ? "NotAction " : "") + actions + " on "
        + (notResource ? "NotResource " : "") + resources + (clauses.isEmpty() ? ""
        : " when " + conditionText()) + " (" + source + ")";
  }

  /**
   * Patterns indexed for matching: exact names in a set; patterns whose part before the first
   * colon has no wildcard, by that part (for actions, the service); the rest in a list.
   */
  private static final class Index {
    private final Set<String> exact = new HashSet<>();
    private final Map<String, List<String>> byPrefix = new HashMap<>();
    private final List<String> rest = new ArrayList<>();

    Index(List<String> patterns, boolean byService) {
      for (String p : patterns) {
        int colon = p.indexOf(':');
        if (!Glob.isPattern(p)) {
          exact.add(p);
        } else if (byService && colon > 0 && !Glob.isPattern(p.substring(0, colon))) {
          byPrefix.computeIfAbsent(p.substring(0, colon), k -> new ArrayList<>()).add(p);
        } else {
          rest.add(p);
        }
      }
    }

    boolean matches(String value) {
      if (exact.contains(value)) {
        return true;
      }
      if (!byPrefix.isEmpty()) {
        int colon = value.indexOf(':');
        List<String> same = colon > 0 ? byPrefix.get(value.substring(0, colon)) : null;
        if (same != null) {
          for (String p : same) {
            if (Glob.matches(p, value)) {
              return true;
            }
          }
        }
      }
      for (String p : rest) {
        if (Glob.matches(p, value)) {
          return true;
        }
      }
      return false;
    }
  }
}
