package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.Objects;

/**
 * Questions about trust (assume-role) policies.
 *
 * <p>Decisions: the wildcard principals {@code "*"} and {@code {"AWS": "*"}} admit every service
 * principal; an Allow statement with a Condition still admits (the service may satisfy it, e.g.
 * {@code aws:SourceAccount}), while only a Deny statement without a Condition is taken to deny.
 * Resource and NotResource are ignored (trust policies have none). Action names compare ignoring
 * case (AWS documents that they do).
 *
 * <p>AWS does not document that service principals compare ignoring case, so there are two
 * questions, each erring on the careful side: whether the service <em>may</em> assume the role
 * ({@link #allowsAssume}: a Service value matches ignoring case or through {@code *} and {@code ?},
 * and only a Deny that names the service exactly stops it), and whether it <em>surely</em> still
 * can ({@link #surelyAllowsAssume}: only an Allow that names it exactly as AWS writes it, e.g.
 * {@code ecs.amazonaws.com}, counts, and a Deny that may match stops it). Whether a change may
 * take the assume away, conditions included: {@link AssumeChange}.
 */
public final class TrustAnalysis {
  /** The action a service calls to assume a role. */
  public static final String ASSUME_ROLE = "sts:AssumeRole";

  private TrustAnalysis() {}

  /**
   * Whether {@code servicePrincipal} (e.g. {@code ecs.amazonaws.com}) may be able to call {@code
   * sts:AssumeRole} under this trust policy: some Allow statement may admit it (a Service value
   * that matches it ignoring case, or through a wildcard) and no unconditional Deny statement
   * surely denies it (names it exactly, or {@code "*"}). For "may the service be using the role":
   * errs towards yes.
   */
  public static boolean allowsAssume(PolicyDocument trust, String servicePrincipal) {
    return assume(trust, servicePrincipal, false);
  }

  /**
   * Whether {@code servicePrincipal} surely can call {@code sts:AssumeRole} under this trust
   * policy: some Allow statement names it exactly as given (or through {@code "*"}, {@code
   * {"AWS": "*"}}) and no unconditional Deny statement may deny it (ignoring case, wildcards
   * taken to match). For "can the service still assume the role after the change": errs towards
   * no.
   */
  public static boolean surelyAllowsAssume(PolicyDocument trust, String servicePrincipal) {
    return assume(trust, servicePrincipal, true);
  }

  private static boolean assume(PolicyDocument trust, String servicePrincipal, boolean surely) {
    Objects.requireNonNull(servicePrincipal, "servicePrincipal");
    if (trust == null) {
      return false;
    }
    boolean allowed = false;
    for (Statement s : trust.statements()) {
      if (!IamPatterns.coversAction(s, ASSUME_ROLE)) {
        continue;
      }
      if (s.isDeny() && s.condition().isEmpty() && appliesTo(s, servicePrincipal, !surely)) {
        return false;
      }
      allowed |= s.isAllow() && appliesTo(s, servicePrincipal, surely);
    }
    return allowed;
  }

  /**
   * Whether the statement's Principal or NotPrincipal may take in the service (ignoring case,
   * wildcards taken to match).
   */
  static boolean appliesTo(Statement s, String service) {
    return appliesTo(s, service, false);
  }

  /**
   * Whether the statement's Principal or NotPrincipal takes in the service: {@code surely} (its
   * Principal names it exactly, or its NotPrincipal cannot name it) or may (its Principal may
   * name it, or its NotPrincipal does not name it exactly).
   */
  static boolean appliesTo(Statement s, String service, boolean surely) {
    if (s.principal() != null) {
      return admits(s.principal(), service, surely);
    }
    if (s.notPrincipal() != null) {
      return !admits(s.notPrincipal(), service, !surely);
    }
    return false;
  }

  /**
   * Whether a principal names the service: through {@code "*"} or {@code {"AWS": "*"}}, and then
   * {@code exactly} (a Service value equal to it, as AWS writes it) or loosely (ignoring case, and
   * a Service value with {@code *} or {@code ?}, which IAM may refuse, taken to match so that no
   * Deny is overlooked).
   */
  static boolean admits(Principal p, String service, boolean exactly) {
    if (p.wildcard() || p.values("AWS").contains("*")) {
      return true;
    }
    return exactly
        ? p.values("Service").contains(service)
        : p.values("Service").stream().anyMatch(v -> IamPatterns.matches(v, service));
  }
}
