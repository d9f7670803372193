package dev.rolectl.cli.e2e;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Stack files for the narrowing holes a reviewer found in the interlock (the guide's role of
 * {@link InterlockStacks} with one more thing each): a Deny or an unread document arriving as a new
 * policy, a trust policy narrowed through a Condition or a conditional Deny, and the customer
 * managed policy that is the role's permissions boundary (or attached to it) narrowed by another
 * stack.
 */
final class NarrowingStacks {
  static final String DENY_ALL = "arn:aws:iam::aws:policy/AWSDenyAll";
  static final String BOUND_STACK = "g";
  static final String BOUND = "bound";

  /** A change to the guide's role, the rule that must judge it and what its output must say. */
  enum Narrowing {
    DENY_ALL_ATTACHED("ecs-role-narrowing", "[broadens and narrows access]",
        "does not read the live documents of AWS managed policies"),
    DENY_INLINE("ecs-role-narrowing", "[narrows access]", "(it has a Deny statement)"),
    DENY_POLICY_ATTACHED("ecs-role-narrowing", "[narrows access]", "policy/denyelb to role"),
    TRUST_OTHER_ACCOUNT("ecs-trust-drops-ecs", "[narrows access]",
        "Condition StringEquals aws:SourceAccount \"999999999999\""),
    TRUST_WRONG_REGION("ecs-trust-drops-ecs", "[narrows access]",
        "Condition ArnLike aws:SourceArn \"arn:aws:ecs:eu-west-1:123456789012:*\""),
    TRUST_NULL_SOURCE_ARN("ecs-trust-drops-ecs", "[narrows access]",
        "Condition Null aws:SourceArn \"true\""),
    TRUST_DENY_ANYONE("ecs-trust-drops-ecs", "[narrows access]",
        "a Deny statement (Principal \"*\", Action sts:AssumeRole) that can match ecs.amazonaws.com"),
    TRUST_DENY_ANY_AWS("ecs-trust-drops-ecs", "[narrows access]",
        "a Deny statement (Principal {AWS: *}, Action sts:AssumeRole) that can match"),
    /** Breaker's F17: the only ECS principal written in another case than AWS writes it. */
    TRUST_PRINCIPAL_CASE("ecs-trust-drops-ecs", "[broadens and narrows access]",
        "does not name ecs.amazonaws.com as AWS writes it"),
    /** The contrast: a new inline policy that only allows is no concern. */
    ALLOW_INLINE(null, "[broadens access]", null);

    final String rule;
    final String label;
    final String says;

    Narrowing(String rule, String label, String says) {
      this.rule = rule;
      this.label = label;
      this.says = says;
    }

    boolean trust() {
      return name().startsWith("TRUST_");
    }

    /** Whether rolectl blocks it because it cannot evaluate a condition for ECS. */
    boolean condition() {
      return trust() && this != TRUST_PRINCIPAL_CASE;
    }
  }

  private NarrowingStacks() {}

  static Path write(Path dir, Narrowing n) {
    String condition = "";
    String more = "";
    String managed = "";
    String inline = "";
    String policies = "";
    String denyCond = ", Condition: {StringNotEquals: {\"aws:SourceAccount\": \"999999999999\"}}}\n";
    switch (n) {
      case DENY_ALL_ATTACHED -> managed = ", " + DENY_ALL;
      case DENY_INLINE -> inline = inline("Deny", "elasticloadbalancing:*");
      case DENY_POLICY_ATTACHED -> {
        managed = ", \"${policies.denyelb.arn}\"";
        policies = "policies:\n  denyelb:\n    document: {Version: \"2012-10-17\", Statement:"
            + " [{Effect: Deny, Action: \"elasticloadbalancing:*\", Resource: \"*\"}]}\n";
      }
      case TRUST_OTHER_ACCOUNT ->
          condition = "          Condition: {StringEquals: {\"aws:SourceAccount\": \"999999999999\"}}\n";
      case TRUST_WRONG_REGION -> condition = "          Condition: {ArnLike: {\"aws:SourceArn\":"
          + " \"arn:aws:ecs:eu-west-1:123456789012:*\"}}\n";
      case TRUST_NULL_SOURCE_ARN ->
          condition = "          Condition: {\"Null\": {\"aws:SourceArn\": \"true\"}}\n";
      case TRUST_DENY_ANYONE ->
          more = "        - {Effect: Deny, Principal: \"*\", Action: \"sts:AssumeRole\"" + denyCond;
      case TRUST_DENY_ANY_AWS ->
          more = "        - {Effect: Deny, Principal: {AWS: \"*\"}, Action: \"sts:AssumeRole\"" + denyCond;
      case TRUST_PRINCIPAL_CASE -> { } // the principal, below
      case ALLOW_INLINE -> inline = inline("Allow", "elasticloadbalancing:Describe*");
      default -> throw new IllegalArgumentException(n.name());
    }
    String text = "apiVersion: rolectl/v1\nstack: " + EcsSeed.STACK + "\nroles:\n  "
        + InterlockStacks.ROLE + ":\n"
        + "    trustPolicy:\n"
        + "      Version: \"2012-10-17\"\n"
        + "      Statement:\n"
        + "        - Sid: AllowAccessToECSForInfrastructureManagement\n"
        + "          Effect: Allow\n"
        + "          Principal: {Service: " + (n == Narrowing.TRUST_PRINCIPAL_CASE
            ? "ECS.AMAZONAWS.COM" : "ecs.amazonaws.com") + "}\n"
        + "          Action: sts:AssumeRole\n"
        + condition + more
        + "    managedPolicies: [" + InterlockStacks.POLICY + managed + "]\n"
        + inline + policies;
    return InterlockStacks.write(dir.resolve(n.name().toLowerCase(Locale.ROOT) + ".yaml"), text);
  }

  /**
   * Breaker's F1: a Deny-all customer policy attached with {@code attachTo: {roles: [NAME]}}, NAME
   * being the guide's role name in upper case (IAM role names ignore case): by stack {@code other},
   * or ({@code own}) by the role's own stack, which declares the role as well.
   */
  static Path denyAttachedInUpperCase(Path dir, boolean own) {
    String upper = InterlockStacks.ROLE.toUpperCase(Locale.ROOT);
    String policy = "policies:\n  denyall:\n    document: {Version: \"2012-10-17\", Statement:"
        + " [{Effect: Deny, Action: \"*\", Resource: \"*\"}]}\n    attachTo: {roles: [" + upper
        + "]}\n";
    String text;
    try {
      text = own
          ? java.nio.file.Files.readString(InterlockStacks.full(dir)) + policy
          : "apiVersion: rolectl/v1\nstack: other\n" + policy;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return InterlockStacks.write(dir.resolve(own ? "own-upper.yaml" : "other-upper.yaml"), text);
  }

  private static String inline(String effect, String action) {
    return "    inlinePolicies:\n      extra: {Version: \"2012-10-17\", Statement: [{Effect: " + effect
        + ", Action: \"" + action + "\", Resource: \"*\"}]}\n";
  }

  /**
   * Stack {@value #BOUND_STACK}, which owns only policy {@value #BOUND}: wide (ELB and EC2) or
   * narrowed (EC2 only).
   */
  static Path bound(Path dir, boolean wide) {
    String actions = wide ? "[\"elasticloadbalancing:*\", \"ec2:*\"]" : "[\"ec2:*\"]";
    return InterlockStacks.write(dir.resolve(wide ? "bound-wide.yaml" : "bound-narrow.yaml"),
        "apiVersion: rolectl/v1\nstack: " + BOUND_STACK + "\npolicies:\n  " + BOUND + ":\n"
            + "    document: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: "
            + actions + ", Resource: \"*\"}]}\n");
  }
}
