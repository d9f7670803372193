package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.PolicyText;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the JSON tree of an account file (the shape of {@code aws iam
 * get-account-authorization-details}, plus rolectl's extras) into a {@link LocalState}, collecting
 * every problem.
 */
final class AccountFileReader {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final List<Node.Problem> problems = new ArrayList<>();
  private final List<UnreadableDocument> unreadable = new ArrayList<>();
  /** Instance profiles by name, from the roles' {@code InstanceProfileList} entries. */
  private final Map<String, LiveInstanceProfile> profiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** Why a document of the entry being read cannot be modelled, or {@code null}. */
  private String unmodelled;
  private String accountId;
  private String partition;

  List<Node.Problem> problems() {
    return problems;
  }

  LocalState convert(JsonNode json) {
    Node root = new Node(json, "", problems);
    if (!json.isObject()) {
      root.problem("the file must hold one JSON object ({...}) at the top");
      return null;
    }
    identify(root);
    Map<String, LiveRole> roles = new LinkedHashMap<>();
    for (Node r : root.field("RoleDetailList").elements()) {
      LiveRole role = role(r);
      if (role != null && roles.putIfAbsent(role.name(), role) != null) {
        r.problem("a second role named '" + role.name() + "': role names are unique in an account");
      }
    }
    List<LivePrincipal> principals = new ArrayList<>();
    principals.addAll(principals(root.field("UserDetailList"), PrincipalType.USER, "UserName"));
    principals.addAll(principals(root.field("GroupDetailList"), PrincipalType.GROUP, "GroupName"));
    Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();
    for (Node p : root.field("Policies").elements()) {
      LiveManagedPolicy policy = policy(p, roles.values(), principals);
      if (policy != null && policies.putIfAbsent(policy.name(), policy) != null) {
        p.problem("a second customer managed policy named '" + policy.name() + "'");
      }
    }
    policyArnsAsIamWritesThem(root, policies.values());
    LocalEcsState ecs = new EcsSectionReader().read(root.field("ecs"))
        .withEc2(Ec2Section.read(root.field("ec2")));
    if (!problems.isEmpty()) {
      return null;
    }
    java.time.Instant takenAt = root.field("TakenAt").instant();
    if (!problems.isEmpty()) {
      return null;
    }
    for (Node ip : root.field("InstanceProfiles").elements()) {
      String name = ip.field("InstanceProfileName").requiredText();
      if (name != null) {
        profile(ip, name, null);
      }
    }
    Map<String, LiveInstanceProfile> byName = new LinkedHashMap<>();
    profiles.values().forEach(p -> byName.put(p.name(), p));
    LiveAccount account =
        new LiveAccount(accountId, partition, roles, policies, principals, unreadable, byName);
    return new LocalState(account, ecs, takenAt, new AccountSource((ObjectNode) json, account));
  }

  /**
   * IAM names an attached policy or a permissions boundary by the policy's own ARN: an ARN that
   * names a customer policy of the file in another case is a problem (the safety rules would not
   * see the attachment as the policy's), located, with the ARN to write.
   */
  private static void policyArnsAsIamWritesThem(Node root,
      java.util.Collection<LiveManagedPolicy> policies) {
    Map<String, String> byLower = new java.util.HashMap<>();
    policies.forEach(p -> byLower.put(p.arn().toLowerCase(java.util.Locale.ROOT), p.arn()));
    for (String list : List.of("RoleDetailList", "UserDetailList", "GroupDetailList")) {
      if (!root.json().path(list).isArray()) {
        continue; // reported where the list is read
      }
      for (Node principal : root.field(list).elements()) {
        List<Node> arns = new ArrayList<>();
        JsonNode p = principal.json();
        if (p.path("AttachedManagedPolicies").isArray()) {
          principal.field("AttachedManagedPolicies").elements().stream()
              .filter(a -> a.json().path("PolicyArn").isTextual())
              .forEach(a -> arns.add(a.field("PolicyArn")));
        }
        if (p.path("PermissionsBoundary").path("PermissionsBoundaryArn").isTextual()) {
          arns.add(principal.field("PermissionsBoundary").field("PermissionsBoundaryArn"));
        }
        for (Node arn : arns) {
          String text = arn.text();
          String own = text == null ? null : byLower.get(text.toLowerCase(java.util.Locale.ROOT));
          if (own != null && !own.equals(text)) {
            arn.problem("'" + text + "' names the customer managed policy " + own + " in another"
                + " case; IAM gives a policy's ARN as the policy has it: write '" + own + "'");
          }
        }
      }
    }
  }

  /** Account id and partition: named at the top, else taken from the first ARN, else defaults. */
  private void identify(Node root) {
    accountId = root.field("AccountId").text();
    if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
      root.field("AccountId").problem("must be 12 digits, found '" + accountId + "'");
    }
    partition = root.field("Partition").text();
    List<String> arns = new ArrayList<>();
    for (String list : List.of("RoleDetailList", "Policies")) {
      JsonNode entries = root.json().path(list);
      if (entries.isArray()) {
        entries.forEach(e -> arns.add(e.path("Arn").asText("")));
      }
    }
    for (String arn : arns) {
      String[] parts = arn.split(":", 6);
      if (parts.length == 6 && ACCOUNT_ID.matcher(parts[4]).matches()) {
        accountId = accountId == null ? parts[4] : accountId;
        partition = partition == null ? parts[1] : partition;
        break;
      }
    }
    accountId = accountId == null ? LocalState.DEFAULT_ACCOUNT_ID : accountId;
    partition = partition == null ? "aws" : partition;
  }

  private LiveRole role(Node r) {
    unmodelled = null;
    String name = r.field("RoleName").requiredText();
    String path = orDefault(r.field("Path").text(), "/");
    String arn = orDefault(r.field("Arn").text(), arn("role", path, name));
    PolicyDocument trust = document(r.field("AssumeRolePolicyDocument"), "trust policy of role " + name);
    Map<String, PolicyDocument> inline = new TreeMap<>();
    for (Node p : r.field("RolePolicyList").elements()) {
      String pn = p.field("PolicyName").requiredText();
      PolicyDocument d = document(p.field("PolicyDocument"), "inline policy " + pn + " of role " + name);
      if (pn != null && d != null && inline.put(pn, d) != null) {
        p.problem("a second inline policy named '" + pn + "' in role " + name);
      }
    }
    List<String> profiles = new ArrayList<>();
    for (Node ip : r.field("InstanceProfileList").elements()) {
      String profile = ip.field("InstanceProfileName").requiredText();
      if (profile != null) { // else a problem is recorded
        profiles.add(profile);
        profile(ip, profile, name);
      }
    }
    Node boundary = r.field("PermissionsBoundary").object();
    String boundaryArn = boundary == null ? null : boundary.field("PermissionsBoundaryArn").text();
    Node lastUsed = r.field("RoleLastUsed").object();
    int maxSession = r.field("MaxSessionDuration").integer(3600);
    if (unmodelled != null && name != null) {
      unreadable.add(new UnreadableDocument(UnreadableDocument.Kind.ROLE, name, arn, unmodelled,
          r.json().toString()));
      return null;
    }
    if (name == null || trust == null) {
      return null;
    }
    return new LiveRole(
        name,
        path,
        arn,
        r.field("RoleId").text(),
        r.field("Description").text(),
        maxSession,
        trust,
        boundaryArn,
        tags(r.field("Tags")),
        attachedArns(r.field("AttachedManagedPolicies")),
        inline,
        profiles,
        lastUsed == null ? null : lastUsed.field("LastUsedDate").instant());
  }

  /**
   * Records the instance profile of a role's {@code InstanceProfileList} entry (its {@code Path},
   * {@code Arn} and {@code Tags}, as {@code GetAccountAuthorizationDetails} gives them; the path
   * {@code /} when absent). A profile listed by two roles holds both, as the file says.
   */
  private void profile(Node ip, String name, String role) {
    String path = orDefault(ip.field("Path").text(), "/");
    String arn = orDefault(ip.field("Arn").text(), arn("instance-profile", path, name));
    Map<String, String> tags = tags(ip.field("Tags"));
    LiveInstanceProfile known = profiles.get(name);
    List<String> holders = new ArrayList<>(known == null ? List.of() : known.roles());
    if (role != null) {
      holders.add(role);
    }
    profiles.put(name, known == null
        ? new LiveInstanceProfile(name, path, arn, holders, tags)
        : new LiveInstanceProfile(known.name(), known.path(), known.arn(), holders,
            known.tags().isEmpty() ? tags : known.tags()));
  }

  private List<LivePrincipal> principals(Node list, PrincipalType type, String nameField) {
    List<LivePrincipal> out = new ArrayList<>();
    for (Node u : list.elements()) {
      String name = u.field(nameField).requiredText();
      List<String> arns = attachedArns(u.field("AttachedManagedPolicies"));
      Node boundary = u.field("PermissionsBoundary").object();
      String boundaryArn = boundary == null ? null : boundary.field("PermissionsBoundaryArn").text();
      String what = (type == PrincipalType.USER ? "user " : "group ") + name;
      Map<String, PolicyDocument> inline = new TreeMap<>();
      Map<String, String> unreadableInline = new TreeMap<>();
      String listName = type == PrincipalType.USER ? "UserPolicyList" : "GroupPolicyList";
      for (Node p : u.field(listName).elements()) {
        String pn = p.field("PolicyName").requiredText();
        unmodelled = null;
        PolicyDocument d = document(p.field("PolicyDocument"), "inline policy " + pn + " of " + what);
        if (pn != null && unmodelled != null) {
          unreadableInline.put(pn, p.field("PolicyDocument").json().toString());
        } else if (pn != null && d != null && inline.put(pn, d) != null) {
          p.problem("a second inline policy named '" + pn + "' in " + what);
        }
      }
      unmodelled = null;
      List<String> groups = new ArrayList<>();
      if (type == PrincipalType.USER) {
        groups.addAll(u.field("GroupList").strings());
      }
      if (name != null) {
        out.add(new LivePrincipal(type, name, arns, boundaryArn,
            orDefault(u.field("Path").text(), "/"), groups, inline, unreadableInline,
            type == PrincipalType.USER ? tags(u.field("Tags")) : Map.of()));
      }
    }
    out.sort(Comparator.comparing(LivePrincipal::name));
    return out;
  }

  /** A customer managed policy, or {@code null} for an AWS managed one (they are not kept). */
  private LiveManagedPolicy policy(Node p, Iterable<LiveRole> roles, List<LivePrincipal> principals) {
    unmodelled = null;
    String arnText = p.field("Arn").text();
    if (arnText != null && arnText.matches("arn:[^:]+:iam::aws:policy/.*")) {
      return null;
    }
    String name = p.field("PolicyName").text();
    if (name == null && arnText != null) {
      name = arnText.substring(arnText.lastIndexOf('/') + 1);
    }
    if (name == null) {
      p.problem("a policy needs a PolicyName or an Arn");
      return null;
    }
    String path = orDefault(p.field("Path").text(), "/");
    String arn = orDefault(arnText, arn("policy", path, name));
    String defaultVersionId = p.field("DefaultVersionId").text();
    PolicyVersions v =
        PolicyVersions.of(p.field("PolicyVersionList"), defaultVersionId, "policy " + name, this::document);
    if (unmodelled != null) {
      unreadable.add(new UnreadableDocument(UnreadableDocument.Kind.POLICY, name, arn, unmodelled,
          p.json().toString()));
      return null;
    }
    if (v == null) {
      return null;
    }
    Map<PrincipalType, List<String>> attachments = new EnumMap<>(PrincipalType.class);
    for (LiveRole role : roles) {
      if (role.attachedPolicyArns().contains(arn)) {
        attachments.computeIfAbsent(PrincipalType.ROLE, t -> new ArrayList<>()).add(role.name());
      }
    }
    for (LivePrincipal principal : principals) {
      if (principal.attachedPolicyArns().contains(arn)) {
        attachments.computeIfAbsent(principal.type(), t -> new ArrayList<>()).add(principal.name());
      }
    }
    attachments.values().forEach(names -> names.sort(Comparator.naturalOrder()));
    return new LiveManagedPolicy(
        name,
        path,
        arn,
        p.field("Description").text(),
        v.defaultDocument(),
        v.defaultVersionId(),
        v.versionIds(),
        tags(p.field("Tags")),
        attachments);
  }

  private List<String> attachedArns(Node list) {
    List<String> arns = new ArrayList<>();
    for (Node a : list.elements()) {
      String arn = a.field("PolicyArn").requiredText();
      if (arn != null) {
        arns.add(arn);
      }
    }
    return arns;
  }

  private Map<String, String> tags(Node list) {
    Map<String, String> tags = new TreeMap<>();
    for (Node t : list.elements()) {
      String key = t.field("Key").requiredText();
      String value = orDefault(t.field("Value").text(), "");
      if (key != null && tags.put(key, value) != null) {
        t.problem("a second tag with key '" + key + "'");
      }
    }
    return tags;
  }

  /** A document given as a JSON object, or as a string (URL-encoded or plain JSON). */
  PolicyDocument document(Node n, String what) {
    if (n.isMissing()) {
      n.problem("is missing (the " + what + ")");
      return null;
    }
    JsonNode j = n.json();
    if (!j.isTextual() && !j.isObject()) {
      n.problem("must be a policy document (a JSON object, or a URL-encoded string)");
      return null;
    }
    try {
      return PolicyText.parse(j.isTextual() ? j.asText() : j.toString(), what,
          "rolectl cannot model it");
    } catch (TargetException e) {
      // a document IAM could hold but rolectl cannot model: the entry is left out, not the file
      unmodelled = unmodelled == null ? e.getMessage() : unmodelled;
      return null;
    }
  }

  private String arn(String kind, String path, String name) {
    return "arn:" + partition + ":iam::" + accountId + ":" + kind + path + name;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
