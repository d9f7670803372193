package dev.rolectl.engine.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who can do what before and after a plan, and whether the plan grants new access.
 *
 * @param grantsNewAccess yes when some request is allowed after the plan that was not before, no
 *     when none is, may when that depends on something rolectl cannot evaluate offline (named in
 *     the facts' {@code unknowns})
 * @param newAccess the new (principal, action, resource) facts, strongest first
 * @param newAccessOmitted facts left out of {@code newAccess} to keep plans readable (counted)
 * @param roles every role the plan touches or whose access it alters: who can assume and pass it,
 *     and what it can do, before and after
 * @param changes per change address: whether it grants new access (it is among the causes of a
 *     new fact), for every change the analysis saw
 * @param notes what the analysis leaves out (scope) and what it could not do
 */
public record AccessReport(
    Grant grantsNewAccess,
    List<NewAccess> newAccess,
    int newAccessOmitted,
    List<RoleAccess> roles,
    Map<String, Grant> changes,
    List<String> notes) {

  /** What access analysis never covers, said with every report. */
  public static final String SCOPE = "From IAM policies alone: service control policies, resource"
      + " control policies, session policies and resource policies outside IAM (S3 bucket"
      + " policies, KMS key policies...) are out of scope.";

  public AccessReport {
    Objects.requireNonNull(grantsNewAccess, "grantsNewAccess");
    newAccess = List.copyOf(newAccess);
    roles = List.copyOf(roles);
    changes = Map.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** The new facts of one change. */
  public List<NewAccess> newAccess(String address) {
    return newAccess.stream().filter(f -> f.changes().contains(address)).toList();
  }

  /** Whether the change at {@code address} grants new access (no when the report lacks it). */
  public Grant grants(String address) {
    return changes.getOrDefault(address, Grant.NO);
  }

  /**
   * One new fact: {@code principal} can newly do {@code action} on {@code resource}.
   *
   * @param principal e.g. {@code user deployer}, {@code service ecs.amazonaws.com}
   * @param action e.g. {@code iam:PassRole}, or a pattern such as {@code iam:*}
   * @param resource a role ({@code role NAME}) or a resource pattern
   * @param detail e.g. {@code to ecs.amazonaws.com}, or the conditions it holds under; may be empty
   * @param grant yes, or may
   * @param unknowns the tests rolectl could not evaluate that the answer depends on
   * @param changes the addresses of the changes that cause it
   */
  public record NewAccess(String principal, String action, String resource, String detail,
      Grant grant, List<String> unknowns, List<String> changes) {
    public NewAccess {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(resource, "resource");
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(grant, "grant");
      unknowns = List.copyOf(unknowns);
      changes = List.copyOf(changes);
    }
  }

  /**
   * A role's access before and after.
   *
   * @param before {@code null} when the role does not exist before the plan
   * @param after {@code null} when it does not exist after
   */
  public record RoleAccess(String role, Side before, Side after) {
    public RoleAccess {
      Objects.requireNonNull(role, "role");
    }
  }

  /**
   * Who can assume a role, who can pass it (and to which services), and what it can do.
   *
   * @param permissions the role's own Allow statements in words ({@code iam:PassRole on
   *     arn:...}), within its boundary; its Deny statements follow as {@code denied: ...}
   */
  public record Side(List<Entry> assumers, List<Entry> passers, List<String> permissions) {
    public Side {
      assumers = List.copyOf(assumers);
      passers = List.copyOf(passers);
      permissions = List.copyOf(permissions);
    }
  }

  /**
   * One principal in a role's table.
   *
   * @param detail for passers the services ({@code to ecs.amazonaws.com}); for outside principals
   *     the conditions of the trust; may be empty
   * @param grant yes, or may
   */
  public record Entry(String principal, String detail, Grant grant) {
    public Entry {
      Objects.requireNonNull(principal, "principal");
      detail = detail == null ? "" : detail;
      Objects.requireNonNull(grant, "grant");
    }
  }
}
