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
 * The normal form of a policy document under the awspolicyequivalence rules: statements and every
 * value list are sorted multisets (duplicates kept), Effect is {@code Allow} or {@code Deny}, and
 * an AWS principal {@code arn:PARTITION:iam::ACCOUNT:root} is the bare account id. Two documents
 * are equivalent exactly when their normal forms are equal, so {@code equals} and
 * {@code hashCode} can be used directly (e.g. as map keys). Build with {@link #of}.
 */
public record NormalizedPolicy(String version, String id, List<NormalizedStatement> statements) {

  public NormalizedPolicy {
    statements = Normalize.sortedCopy(statements);
  }

  /** The normal form of {@code document}. */
  public static NormalizedPolicy of(PolicyDocument document) {
    Objects.requireNonNull(document, "document");
    return new NormalizedPolicy(
        document.version(),
        document.id(),
        document.statements().stream().map(NormalizedStatement::of).toList());
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
      action = Normalize.sortedCopy(action);
      notAction = Normalize.sortedCopy(notAction);
      resource = Normalize.sortedCopy(resource);
      notResource = Normalize.sortedCopy(notResource);
      SortedMap<String, SortedMap<String, List<String>>> c = new TreeMap<>();
      condition.forEach((op, keys) -> c.put(op, Normalize.sortedValues(keys)));
      condition = Collections.unmodifiableSortedMap(c);
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
          new TreeMap<>(Normalize.sortedConditions(s.condition())));
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
