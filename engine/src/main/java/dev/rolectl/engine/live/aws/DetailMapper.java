package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.PolicyText;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/** Maps SDK response types to the live records; nothing of the SDK leaves this package. */
final class DetailMapper {
  private static final String FIX =
      "IAM accepted it, but rolectl cannot model it; please report it with the document";

  private DetailMapper() {}

  /**
   * A role from its {@code GetAccountAuthorizationDetails} entry and its {@code ListRoles} (or
   * {@code GetRole}) summary, which alone has the description and max session duration.
   */
  static LiveRole role(RoleDetail d, Role summary) {
    String name = d.roleName();
    Map<String, PolicyDocument> inline = new TreeMap<>();
    for (PolicyDetail p : d.rolePolicyList()) {
      inline.put(
          p.policyName(),
          PolicyText.parse(
              p.policyDocument(), "inline policy " + p.policyName() + " of role " + name, FIX));
    }
    Integer maxSession = summary.maxSessionDuration();
    return new LiveRole(
        name,
        d.path(),
        d.arn(),
        d.roleId(),
        summary.description(),
        maxSession == null ? 3600 : maxSession,
        PolicyText.parse(d.assumeRolePolicyDocument(), "trust policy of role " + name, FIX),
        d.permissionsBoundary() == null ? null : d.permissionsBoundary().permissionsBoundaryArn(),
        tags(d.tags()),
        d.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList(),
        inline,
        d.instanceProfileList().stream().map(InstanceProfile::instanceProfileName).toList(),
        d.roleLastUsed() == null ? null : d.roleLastUsed().lastUsedDate());
  }

  static LiveManagedPolicy policy(
      ManagedPolicyDetail d, Map<String, String> tags, Map<PrincipalType, List<String>> attachments) {
    // IAM names the policy; some emulators (moto 5.2) leave PolicyName out: take it from the ARN.
    String name = d.policyName() != null ? d.policyName() : d.arn().substring(d.arn().lastIndexOf('/') + 1);
    PolicyVersion def =
        d.policyVersionList().stream()
            .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
            .findFirst()
            .or(
                () ->
                    d.policyVersionList().stream()
                        .filter(v -> v.versionId().equals(d.defaultVersionId()))
                        .findFirst())
            .orElseThrow(
                () ->
                    new dev.rolectl.engine.live.TargetException(
                        "IAM returned customer managed policy "
                            + d.arn()
                            + " without its default version: try again; if it persists, "
                            + FIX));
    List<String> versionIds =
        d.policyVersionList().stream()
            .map(PolicyVersion::versionId)
            .sorted(LiveManagedPolicy.VERSION_ORDER)
            .toList();
    return new LiveManagedPolicy(
        name,
        d.path(),
        d.arn(),
        d.description(),
        PolicyText.parse(def.document(), "default version of customer managed policy " + name, FIX),
        def.versionId(),
        versionIds,
        tags,
        attachments);
  }

  static LivePrincipal user(UserDetail u) {
    Map<String, PolicyDocument> inline = new TreeMap<>();
    Map<String, String> unreadable = new TreeMap<>();
    inline(u.userPolicyList(), "user " + u.userName(), inline, unreadable);
    return new LivePrincipal(
        PrincipalType.USER,
        u.userName(),
        u.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList(),
        u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn(),
        u.path(),
        u.groupList(),
        inline,
        unreadable,
        tags(u.tags()));
  }

  static LivePrincipal group(GroupDetail g) {
    Map<String, PolicyDocument> inline = new TreeMap<>();
    Map<String, String> unreadable = new TreeMap<>();
    inline(g.groupPolicyList(), "group " + g.groupName(), inline, unreadable);
    return new LivePrincipal(
        PrincipalType.GROUP,
        g.groupName(),
        g.attachedManagedPolicies().stream().map(AttachedPolicy::policyArn).toList(),
        null,
        g.path(),
        List.of(),
        inline,
        unreadable,
        Map.of());
  }

  /**
   * A user's or group's inline policies; one rolectl cannot model is kept by name with its text
   * (access analysis then says what it does not know), never failing the read.
   */
  private static void inline(List<PolicyDetail> policies, String owner,
      Map<String, PolicyDocument> inline, Map<String, String> unreadable) {
    for (PolicyDetail p : policies) {
      try {
        inline.put(p.policyName(), PolicyText.parse(p.policyDocument(),
            "inline policy " + p.policyName() + " of " + owner, FIX));
      } catch (dev.rolectl.engine.live.TargetException e) {
        // kept as the JSON string IAM gave, so that a snapshot writes it back unchanged
        unreadable.put(p.policyName(),
            com.fasterxml.jackson.databind.node.TextNode.valueOf(p.policyDocument()).toString());
      }
    }
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new TreeMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}
