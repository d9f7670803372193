package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The stack being linted, its policy documents, and the findings so far. */
final class LintContext {
  private final Stack stack;
  private final List<PolicySite> sites = new ArrayList<>();
  private final List<Diagnostic> findings = new ArrayList<>();
  private final Map<String, List<InlinePolicy>> inlineByRole;
  private final Map<String, List<RolePolicyAttachment>> attachmentsByRole;

  LintContext(Stack stack) {
    this.stack = stack;
    // indexed once: looking them up per role by scanning every resource was quadratic
    this.inlineByRole =
        stack.resources(InlinePolicy.class).collect(Collectors.groupingBy(InlinePolicy::roleName));
    this.attachmentsByRole =
        stack.resources(RolePolicyAttachment.class)
            .collect(Collectors.groupingBy(RolePolicyAttachment::roleName));
    for (Role r : roles()) {
      sites.add(new PolicySite(PolicySite.Kind.TRUST, r, rolePointer(r) + "/trustPolicy",
          r.trustPolicy(), "the trust policy of role " + r.name()));
      for (InlinePolicy p : inlinePolicies(r)) {
        String key = p.address().value().substring(r.address().value().length()
            + ".inlinePolicies.".length());
        sites.add(new PolicySite(PolicySite.Kind.INLINE, p,
            rolePointer(r) + "/inlinePolicies/" + SourceMap.segment(key), p.document(),
            "inline policy " + p.policyName() + " of role " + r.name()));
      }
    }
    for (ManagedPolicy p : stack.resources(ManagedPolicy.class).toList()) {
      sites.add(new PolicySite(PolicySite.Kind.MANAGED, p, policyPointer(p) + "/document",
          p.document(), "managed policy " + p.name()));
    }
  }

  Stack stack() {
    return stack;
  }

  List<PolicySite> sites() {
    return sites;
  }

  List<Role> roles() {
    return stack.resources(Role.class).toList();
  }

  List<InlinePolicy> inlinePolicies(Role r) {
    return inlineByRole.getOrDefault(r.name(), List.of());
  }

  List<RolePolicyAttachment> attachments(Role r) {
    return attachmentsByRole.getOrDefault(r.name(), List.of());
  }

  /** {@code /roles/KEY}, the key taken from the role's address {@code roles.KEY}. */
  static String rolePointer(Role r) {
    return "/roles/" + SourceMap.segment(r.address().value().substring("roles.".length()));
  }

  /** {@code /policies/KEY}. */
  static String policyPointer(ManagedPolicy p) {
    return "/policies/" + SourceMap.segment(p.address().value().substring("policies.".length()));
  }

  /** Reports a finding at the source location of {@code pointer} (or the resource's). */
  void report(LintRule rule, Resource resource, String pointer, String message) {
    report(rule, resource.address(), stack.sourceMap().locate(pointer, resource.location()),
        message);
  }

  /** Reports a finding at a known location. */
  void report(LintRule rule, Address address, Location location, String message) {
    findings.add(new Diagnostic(rule.info().severity(), rule.info().id(), location, address,
        message));
  }

  List<Diagnostic> findings() {
    return findings;
  }
}
