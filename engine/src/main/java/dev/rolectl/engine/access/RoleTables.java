package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.List;

/** A role's table in the report: who can assume and pass it, and what it can do. */
final class RoleTables {
  /** Statements listed per role and side at most (the rest are counted). */
  static final int MAX_PERMISSIONS = 30;

  private RoleTables() {}

  static AccessReport.RoleAccess of(AccountView before, AccountView after, String roleKey,
      RoleScan scan) {
    RoleState rb = before.roles.get(roleKey);
    RoleState ra = after.roles.get(roleKey);
    String name = (ra != null ? ra : rb).name;
    return new AccessReport.RoleAccess(name,
        rb == null ? null : new AccessReport.Side(scan.assumersBefore, scan.passersBefore,
            permissions(before.subject("role/" + roleKey))),
        ra == null ? null : new AccessReport.Side(scan.assumersAfter, scan.passersAfter,
            permissions(after.subject("role/" + roleKey))));
  }

  /** The role's statements in words: boundary first, then Allows, then Denies. */
  static List<String> permissions(Subject s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    if (s.boundary() != null) {
      out.add("within its permissions boundary: " + (s.boundary().isEmpty() ? "nothing"
          : String.join("; ", s.boundary().stream().filter(Rule::allow).map(RoleTables::words)
              .toList())));
    }
    s.identity().stream().filter(Rule::allow).forEach(r -> out.add(words(r)));
    s.identity().stream().filter(r -> !r.allow()).forEach(r -> out.add("denied: " + words(r)));
    if (out.size() > MAX_PERMISSIONS) {
      int more = out.size() - MAX_PERMISSIONS;
      List<String> cut = new ArrayList<>(out.subList(0, MAX_PERMISSIONS));
      cut.add("... and " + more + " more statement" + (more == 1 ? "" : "s"));
      return cut;
    }
    return out;
  }

  /** At most eight items, then how many more. */
  private static String list(List<String> items, String what) {
    return items.size() <= 8 ? String.join(", ", items)
        : String.join(", ", items.subList(0, 8)) + " and " + (items.size() - 8) + " more " + what;
  }

  /** {@code iam:passrole on arn:... when StringEquals iam:passedtoservice ecs.amazonaws.com}. */
  static String words(Rule r) {
    if (!r.unknowns().isEmpty() && r.actions().equals(List.of("*")) && r.clauses().isEmpty()) {
      return "whatever " + r.unknowns().get(0).replaceAll(" (allows|denies) it$", "") + " says";
    }
    String actions = (r.notAction() ? "everything except " : "")
        + list(r.actions().stream().map(CanDo::asWritten).toList(), "actions");
    String resources = (r.notResource() ? "everything except " : "")
        + list(r.resources(), "resources");
    String when = r.clauses().isEmpty() ? "" : " when " + r.conditionText();
    return actions + " on " + resources + when;
  }
}
