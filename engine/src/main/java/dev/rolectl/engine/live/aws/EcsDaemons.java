package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DaemonDeploymentSummary;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;
import software.amazon.awssdk.services.ecs.model.ListDaemonDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;

/**
 * The daemon deployments that are not known to be finished on one Managed Instances capacity
 * provider: {@code ListDaemons} filtered by the capacity provider, then {@code
 * ListDaemonDeployments} per daemon without a status filter (both looping on {@code nextToken}).
 * ECS uses the capacity provider's infrastructure role to launch and drain instances while a
 * daemon deploys. An endpoint or region that positively lacks daemons ({@link
 * EcsErrors#featureAbsent}) has none; any other failure is an {@link EcsReadException}.
 */
final class EcsDaemons {
  private EcsDaemons() {}

  static List<ActiveDeployment> deploying(EcsClient ecs, String capacityProviderArn) {
    List<String> daemons = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListDaemonsResponse page;
      try {
        page = ecs.listDaemons(r -> r.capacityProviderArns(capacityProviderArn).nextToken(next));
      } catch (SdkException e) {
        if (EcsErrors.featureAbsent(e)) {
          return List.of();
        }
        throw new EcsReadException("ListDaemons", e);
      }
      page.daemonSummariesList().stream().map(DaemonSummary::daemonArn).forEach(daemons::add);
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    List<ActiveDeployment> out = new ArrayList<>();
    for (String daemon : daemons) {
      String t = null;
      do {
        String next = t;
        ListDaemonDeploymentsResponse page =
            EcsReadException.call(
                "ListDaemonDeployments",
                () -> ecs.listDaemonDeployments(r -> r.daemonArn(daemon).nextToken(next)));
        for (DaemonDeploymentSummary d : page.daemonDeployments()) {
          if (!DeploymentSignals.isCompletedStatus(d.statusAsString())) {
            out.add(
                new ActiveDeployment(
                    d.daemonDeploymentArn() == null ? daemon : d.daemonDeploymentArn(),
                    d.statusAsString() == null ? "UNKNOWN" : d.statusAsString(),
                    null,
                    null,
                    d.startedAt() != null ? d.startedAt() : d.createdAt()));
          }
        }
        t = page.nextToken();
      } while (t != null && !t.isEmpty());
    }
    return out;
  }
}
