package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The normal form of a policy document: the awspolicyequivalence rules (value lists sorted, Effect
 * {@code Allow} or {@code Deny}, an AWS principal {@code arn:PARTITION:iam::ACCOUNT:root} as the
 * bare account id; Version, Id and Sid significant) plus what IAM itself ignores: the case of
 * action names and condition keys, duplicate entries, and how statements that share Sid, Effect,
 * Condition and Not elements split their principals, actions and resources ({@link Facts}).
 * Two documents are equivalent exactly when their normal forms are equal, so {@code equals} and
 * {@code hashCode} can be used directly (e.g. as map keys). Build with {@link #of}.
 */
public record NormalizedPolicy(String version, String id, List<NormalizedStatement> statements) {

  public NormalizedPolicy {
    statements = Normalize.sortedCopy(statements);
  }

  /** The normal form of {@code document}. */
  public static NormalizedPolicy of(PolicyDocument document) {
    Objects.requireNonNull(document, "document");
    List<NormalizedStatement> statements =
        document.statements().stream().map(NormalizedStatement::of).toList();
    var facts = Facts.of(statements);
    return new NormalizedPolicy(
        document.version(), document.id(), facts == null ? statements : Facts.statements(facts));
  }

  /** This normal form as a document (normalising it again gives this value). */
  public PolicyDocument toDocument() {
    return new PolicyDocument(
        version, id, statements.stream().map(NormalizedStatement::toStatement).toList());
  }

  /** A statement in normal form; ordered so statement lists can be sorted. */
  public record NormalizedStatement(
      String sid,
      String effect,
      NormalizedPrincipal principal,
      NormalizedPrincipal notPrincipal,
      List<String> action,
      List<String> notAction,
      List<String> resource,
      List<String> notResource,
      SortedMap<String, SortedMap<String, List<String>>> condition)
      implements Comparable<NormalizedStatement> {

    public NormalizedStatement {
      Objects.requireNonNull(effect, "effect");
      effect = Normalize.effect(effect);
      action = Normalize.actions(action);
      notAction = Normalize.actions(notAction);
      resource = Normalize.sortedSet(resource);
      notResource = Normalize.sortedSet(notResource);
      condition = Normalize.sortedConditions(condition);
    }

    public static NormalizedStatement of(Statement s) {
      return new NormalizedStatement(
          s.sid(),
          s.effect(),
          NormalizedPrincipal.of(s.principal()),
          NormalizedPrincipal.of(s.notPrincipal()),
          s.action(),
          s.notAction(),
          s.resource(),
          s.notResource(),
          Normalize.sortedConditions(s.condition()));
    }

    public Statement toStatement() {
      Map<String, Map<String, List<String>>> c = new LinkedHashMap<>();
      condition.forEach(c::put);
      return new Statement(
          sid,
          effect,
          NormalizedPrincipal.toPrincipal(principal),
          NormalizedPrincipal.toPrincipal(notPrincipal),
          action,
          notAction,
          resource,
          notResource,
          c);
    }

    @Override
    public int compareTo(NormalizedStatement o) {
      return Normalize.STATEMENT_ORDER.compare(this, o);
    }
  }

  /** A principal in normal form: types sorted, values sorted, account root ARNs as account ids. */
  public record NormalizedPrincipal(boolean wildcard, SortedMap<String, List<String>> byType) {
    public NormalizedPrincipal {
      SortedMap<String, List<String>> m = new TreeMap<>();
      byType.forEach(
          (type, values) ->
              m.put(type, "AWS".equals(type) ? Normalize.awsPrincipals(values) : values));
      // sortedValues drops duplicates too
      byType = Normalize.sortedValues(m);
    }

    /** {@code null} for an absent principal. */
    public static NormalizedPrincipal of(Principal p) {
      return p == null ? null : new NormalizedPrincipal(p.wildcard(), new TreeMap<>(p.byType()));
    }

    static Principal toPrincipal(NormalizedPrincipal p) {
      return p == null ? null : new Principal(p.wildcard(), p.byType());
    }
  }
}
