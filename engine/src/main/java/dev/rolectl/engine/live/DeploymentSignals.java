package dev.rolectl.engine.live;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * When ECS says a deployment is under way (reference/aws-facts.md), for every adapter.
 *
 * <ul>
 *   <li>Authoritative ({@code ListServiceDeployments}, read without a status filter): a service
 *       deployment whose status is not one of the finished {@link #COMPLETED_STATUSES}; a status
 *       rolectl does not know (AWS adds values over time) counts as active.
 *   <li>Older signal ({@code Service.deployments[]}, where the service-deployments API is missing):
 *       more than one deployment that is not {@code INACTIVE}, or one whose rollout is not
 *       {@code COMPLETED}.
 * </ul>
 */
public final class DeploymentSignals {
  /** Service deployment statuses that mean pending or ongoing (the model's, for messages). */
  public static final List<String> ACTIVE_STATUSES =
      List.of(
          "PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS");

  /** Service deployment statuses that mean finished. */
  public static final List<String> COMPLETED_STATUSES =
      List.of("SUCCESSFUL", "STOPPED", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

  private static final Set<String> SERVICE_DEPLOYMENT_STATUSES =
      Set.of("PRIMARY", "ACTIVE", "INACTIVE");

  private DeploymentSignals() {}

  /**
   * Whether a service deployment status means pending or ongoing: anything not known to be
   * finished, a missing or unknown status included.
   */
  public static boolean isActiveStatus(String status) {
    return !isCompletedStatus(status);
  }

  /** Whether a service deployment status means finished. */
  public static boolean isCompletedStatus(String status) {
    return status != null && COMPLETED_STATUSES.contains(status.toUpperCase(Locale.ROOT));
  }

  /** Whether a status is one of {@code Service.deployments[]} ({@code PRIMARY}, ...). */
  public static boolean isServiceDeploymentsStatus(String status) {
    return status != null && SERVICE_DEPLOYMENT_STATUSES.contains(status.toUpperCase(Locale.ROOT));
  }

  /**
   * The entries of {@code Service.deployments[]} that show a deployment under way: every entry that
   * is not {@code INACTIVE} when more than one is, or when one of them has a rollout state other
   * than {@code COMPLETED} (none included: ECS leaves it out in some stages, and a rollout not
   * known to be complete counts as under way); none otherwise.
   */
  public static List<ActiveDeployment> underWay(Collection<ActiveDeployment> serviceDeployments) {
    Predicate<ActiveDeployment> live = d -> !"INACTIVE".equalsIgnoreCase(d.status());
    List<ActiveDeployment> notInactive = serviceDeployments.stream().filter(live).toList();
    boolean rolling =
        notInactive.stream().anyMatch(d -> !"COMPLETED".equalsIgnoreCase(d.rolloutState()));
    return notInactive.size() > 1 || rolling ? notInactive : List.of();
  }

  /**
   * The fields whose ARNs name the role ({@link RoleArns#sameRole}).
   *
   * @param references where a service names roles: field to the role ARNs named there
   */
  public static Set<EcsRoleField> fieldsNaming(
      String roleArn, Map<EcsRoleField, ? extends Collection<String>> references) {
    java.util.EnumSet<EcsRoleField> out = java.util.EnumSet.noneOf(EcsRoleField.class);
    references.forEach(
        (field, arns) -> {
          if (arns.stream().anyMatch(a -> RoleArns.sameRole(a, roleArn))) {
            out.add(field);
          }
        });
    return out;
  }
}
