package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;

/**
 * Semantic equality of policy documents, following Terraform's awspolicyequivalence rules (see
 * {@code shared/reference/aws-facts.md}).
 *
 * <p>Equivalent: whitespace and key order; {@code Statement} as an object or a one-element array;
 * statement order; a string vs a one-element list and element order in Action, NotAction,
 * Resource, NotResource, Principal and condition values; Effect case; an account id vs
 * {@code arn:PARTITION:iam::ACCOUNT:root} as an AWS principal; boolean and number condition values
 * vs their string forms (the parser keeps them as strings). Not equivalent: different Version, Id
 * or Sid (an absent Sid differs from an empty one); duplicate entries; one wildcard covering
 * another; {@code "*"} vs {@code {"AWS": "*"}}; a missing Version vs {@code 2012-10-17}.
 *
 * <p>To compare many documents, normalise each once with {@link #normalize} and compare the
 * {@link NormalizedPolicy} values.
 */
public final class PolicyEquivalence {
  private PolicyEquivalence() {}

  /** Whether the two documents mean the same; two {@code null}s are equivalent. */
  public static boolean equivalent(PolicyDocument a, PolicyDocument b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.equals(b) || normalize(a).equals(normalize(b));
  }

  /** The normal form of a document; idempotent through {@link NormalizedPolicy#toDocument()}. */
  public static NormalizedPolicy normalize(PolicyDocument document) {
    return NormalizedPolicy.of(document);
  }
}
