package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Roles that trust roles created in the same apply (themselves, or each other) are created in two
 * phases: IAM refuses a trust policy that names a role that does not exist yet ({@code
 * MalformedPolicyDocument: Invalid principal}), and accepts the same document once it exists
 * (aws-facts.md). So the create (or the create of a replace) uses the trust policy without those
 * principals (a statement left without any principal is dropped; when none is left, a statement
 * that denies the account's root keeps the role unassumable), and a second change, at address
 * {@code roles.NAME.trustPolicy}, sets the full document once every named role exists. Both are
 * shown in the plan. A trust policy update that names a role created in the same apply waits for
 * that create.
 */
public final class TrustPhases {
  /** The address suffix of a second phase. */
  public static final String SUFFIX = ".trustPolicy";

  private TrustPhases() {}

  /** Whether the change is the second phase of a role's creation. */
  public static boolean isSecondPhase(ResourceChange c) {
    return c.kind() == ResourceKind.ROLE
        && c.action() == Action.UPDATE
        && c.address().value().endsWith(SUFFIX);
  }

  /** The changes with creates split where needed, in the same order (second phases last). */
  static List<ResourceChange> apply(List<ResourceChange> changes, String partition, String accountId) {
    Map<String, Address> created = new LinkedHashMap<>();
    for (ResourceChange c : changes) {
      if (c.after() instanceof Role r && (c.action() == Action.CREATE || c.action() == Action.REPLACE)) {
        created.put(r.arn(partition, accountId).toLowerCase(Locale.ROOT), c.address());
      }
    }
    if (created.isEmpty()) {
      return changes;
    }
    List<ResourceChange> out = new ArrayList<>();
    List<ResourceChange> second = new ArrayList<>();
    for (ResourceChange c : changes) {
      if (!(c.after() instanceof Role role) || c.kind() != ResourceKind.ROLE) {
        out.add(c);
        continue;
      }
      Set<Address> named = named(role.trustPolicy(), created);
      named.removeAll(role.dependsOn()); // those are created first anyway
      if (named.isEmpty()) {
        out.add(c);
      } else if (c.action() == Action.CREATE || c.action() == Action.REPLACE) {
        PolicyDocument first = without(role.trustPolicy(), created, named, partition, accountId);
        Role phase1 = withTrust(role, first);
        String why = "created in two phases: first trusting none of " + named + " (they do not"
            + " exist yet), then " + c.address() + SUFFIX + " sets the full trust policy";
        out.add(new ResourceChange(c.address(), c.kind(), c.action(), c.before(), phase1,
            c.diffs(), c.impact(), c.reason() == null ? why : c.reason() + "; " + why,
            c.dependsOn(), c.verdicts()));
        Set<Address> waits = new TreeSet<>(named);
        waits.add(c.address());
        List<AttributeDiff> diffs =
            List.of(new AttributeDiff.Document("trustPolicy", first, role.trustPolicy()));
        second.add(new ResourceChange(new Address(c.address() + SUFFIX), ResourceKind.ROLE,
            Action.UPDATE, phase1, role, diffs, Impacts.of(Action.UPDATE, role, diffs),
            "second phase of " + c.address() + ": its trust policy names " + named
                + ", which this apply creates",
            waits));
      } else {
        Set<Address> waits = new TreeSet<>(c.dependsOn());
        waits.addAll(named); // an update naming a role created in this apply waits for it
        out.add(new ResourceChange(c.address(), c.kind(), c.action(), c.before(), c.after(),
            c.diffs(), c.impact(), c.reason(), waits, c.verdicts()));
      }
    }
    out.addAll(second);
    return out;
  }

  private static Set<Address> named(PolicyDocument trust, Map<String, Address> created) {
    Set<Address> out = new TreeSet<>();
    for (Statement s : trust.statements()) {
      if (s.principal() != null) {
        for (String v : s.principal().values("AWS")) {
          Address a = created.get(v.toLowerCase(Locale.ROOT));
          if (a != null) {
            out.add(a);
          }
        }
      }
    }
    return out;
  }

  private static PolicyDocument without(
      PolicyDocument trust, Map<String, Address> created, Set<Address> named, String partition,
      String accountId) {
    List<Statement> kept = new ArrayList<>();
    for (Statement s : trust.statements()) {
      if (s.principal() == null || s.principal().wildcard()) {
        kept.add(s);
        continue;
      }
      Map<String, List<String>> byType = new LinkedHashMap<>();
      s.principal().byType().forEach((type, values) -> {
        List<String> left = values.stream()
            .filter(v -> !type.equals("AWS") || !deferred(v, created, named))
            .toList();
        if (!left.isEmpty()) {
          byType.put(type, left);
        }
      });
      if (!byType.isEmpty()) {
        kept.add(new Statement(s.sid(), s.effect(), Principal.of(byType), s.notPrincipal(),
            s.action(), s.notAction(), s.resource(), s.notResource(), s.condition()));
      }
    }
    if (kept.isEmpty()) {
      kept.add(new Statement(null, "Deny",
          Principal.of(Map.of("AWS", List.of("arn:" + partition + ":iam::" + accountId + ":root"))),
          null, List.of("sts:AssumeRole"), List.of(), List.of(), List.of(), Map.of()));
    }
    return new PolicyDocument(trust.version(), trust.id(), kept);
  }

  private static boolean deferred(String value, Map<String, Address> created, Set<Address> named) {
    Address a = created.get(value.toLowerCase(Locale.ROOT));
    return a != null && named.contains(a);
  }

  private static Role withTrust(Role r, PolicyDocument trust) {
    return new Role(r.address(), r.location(), r.name(), r.path(), r.description(),
        r.maxSessionDuration(), trust, r.permissionsBoundary(), r.tags(), r.ecsInfrastructure(),
        r.protect(), r.adopt(), r.dependsOn());
  }
}
