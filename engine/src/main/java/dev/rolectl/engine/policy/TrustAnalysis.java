package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.Objects;

/**
 * Questions about trust (assume-role) policies.
 *
 * <p>Decisions: the wildcard principals {@code "*"} and {@code {"AWS": "*"}} admit every service
 * principal; service principals compare ignoring case; an Allow statement with a Condition still
 * admits (the service may satisfy it, e.g. {@code aws:SourceAccount}), while only a Deny statement
 * without a Condition is taken to deny. Resource and NotResource are ignored (trust policies have
 * none). Whether a change may take the assume away, conditions included: {@link AssumeChange}.
 */
public final class TrustAnalysis {
  /** The action a service calls to assume a role. */
  public static final String ASSUME_ROLE = "sts:AssumeRole";

  private TrustAnalysis() {}

  /**
   * Whether {@code servicePrincipal} (e.g. {@code ecs.amazonaws.com}) may call
   * {@code sts:AssumeRole} under this trust policy: some Allow statement admits it and no
   * unconditional Deny statement denies it.
   */
  public static boolean allowsAssume(PolicyDocument trust, String servicePrincipal) {
    Objects.requireNonNull(servicePrincipal, "servicePrincipal");
    if (trust == null) {
      return false;
    }
    boolean allowed = false;
    for (Statement s : trust.statements()) {
      if (!IamPatterns.coversAction(s, ASSUME_ROLE) || !appliesTo(s, servicePrincipal)) {
        continue;
      }
      if (s.isDeny() && s.condition().isEmpty()) {
        return false;
      }
      allowed |= s.isAllow();
    }
    return allowed;
  }

  /** Whether the statement's Principal or NotPrincipal takes in the service principal. */
  static boolean appliesTo(Statement s, String service) {
    if (s.principal() != null) {
      return admits(s.principal(), service);
    }
    if (s.notPrincipal() != null) {
      return !admits(s.notPrincipal(), service);
    }
    return false;
  }

  /**
   * Whether a principal names the service, directly or through a wildcard ({@code "*"}, {@code
   * {"AWS": "*"}}, or a Service value with {@code *} or {@code ?}, which IAM may refuse but which
   * is taken to match here so that no Deny is overlooked).
   */
  static boolean admits(Principal p, String service) {
    return p.wildcard()
        || p.values("AWS").contains("*")
        || p.values("Service").stream().anyMatch(v -> IamPatterns.matches(v, service));
  }
}
