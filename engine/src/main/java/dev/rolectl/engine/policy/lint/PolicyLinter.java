package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Lints the policies, roles and attachments of a stack: security checks (in the spirit of IAM
 * Access Analyzer, Parliament and checkov), IAM quotas and shapes IAM rejects, and the ECS
 * infrastructure role rules. Each finding is a {@link Diagnostic} whose {@code rule} is one of
 * {@link #rules()}, located through the stack's source map.
 */
public final class PolicyLinter {
  private static final List<LintRule> RULES = List.of(
      new TrustWildcardPrincipal(),
      new TrustCrossAccountWithoutCondition(),
      new PassRoleWildcardResource(),
      new PassRoleWithoutServiceCondition(),
      new PermissionsManagementWildcard(),
      new AllowNotAction(),
      new AllowNotResource(),
      new AdministratorAccessAttached(),
      new MalformedPrincipal(),
      new MalformedAction(),
      new StatementShape(),
      new DuplicateSid(),
      new TrustPolicySize(),
      new InlinePoliciesSize(),
      new ManagedPolicySize(),
      new ManagedPoliciesPerRole(),
      new NameLengths.RoleName(),
      new NameLengths.PolicyName(),
      new NameLengths.Path(),
      new TagCount(),
      new MaxSessionDuration(),
      new EcsRules.Trust(),
      new EcsRules.Policy(),
      new EcsRules.Undeclared(),
      new TrustNotPrincipal(),
      new VersionRules.Missing(),
      new VersionRules.Variables(),
      new ConditionCatalogue.UnknownOperator(),
      new ConditionCatalogue.UnknownKey(),
      new ActionCatalogue.UnknownService(),
      new ActionCatalogue.UnknownAction(),
      new ResourceCatalogue.Malformed(),
      new ResourceCatalogue.UnknownType(),
      new ResourceCatalogue.Mismatch(),
      new ManagedPolicyArns.Unknown(),
      new ManagedPolicyArns.WrongPath(),
      new ManagedPolicyArns.ServiceLinked(),
      new Characters.Policy(),
      new Characters.Text(),
      new IamRules.SidCharset(),
      new IamRules.ManagedPolicyVersion(),
      new IamRules.ReservedPath(),
      new IamRules.ApiInput());

  private PolicyLinter() {}

  /**
   * Loads the catalogues lint checks against (about 35 ms), e.g. on a start-up thread while the
   * caller does other work; lint loads them on first use anyway.
   */
  public static void preload() {
    dev.rolectl.engine.policy.catalogue.IamCatalogue.get();
    dev.rolectl.engine.policy.catalogue.ManagedPolicyCatalogue.get();
  }

  /** Every rule with its id, severity and summary, in a stable order. */
  public static List<RuleInfo> rules() {
    return RULES.stream().map(LintRule::info).toList();
  }

  /** All findings for the stack, ordered by file, line and column (then rule order). */
  public static List<Diagnostic> lint(Stack stack) {
    Objects.requireNonNull(stack, "stack");
    LintContext ctx = new LintContext(stack);
    RULES.forEach(rule -> rule.check(ctx));
    List<Diagnostic> out = new ArrayList<>(ctx.findings());
    out.sort(Comparator.comparing((Diagnostic d) -> d.location().file())
        .thenComparingInt(d -> d.location().line())
        .thenComparingInt(d -> d.location().column()));
    return List.copyOf(out);
  }
}
