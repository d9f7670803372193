package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a deployment counts as under way: anything not known to be finished. */
class DeploymentSignalsTest {
  private static ActiveDeployment d(String id, String status, String rollout) {
    return new ActiveDeployment(id, status, rollout, null, null);
  }

  @Test
  void aServiceDeploymentStatusNotKnownToBeFinishedIsActive() {
    for (String s : DeploymentSignals.ACTIVE_STATUSES) {
      assertTrue(DeploymentSignals.isActiveStatus(s), s);
    }
    for (String s : DeploymentSignals.COMPLETED_STATUSES) {
      assertFalse(DeploymentSignals.isActiveStatus(s), s);
    }
    assertTrue(DeploymentSignals.isActiveStatus("ROLLBACK_PAUSED"), "a status AWS may add later");
    assertTrue(DeploymentSignals.isActiveStatus(null), "no status");
    assertFalse(DeploymentSignals.isActiveStatus("successful"), "case does not matter");
  }

  @Test
  void serviceDeploymentsWithoutARolloutStateAreUnderWay() {
    // CLEAN_UP of a blue/green deployment: the old PRIMARY is INACTIVE already, the new one has no
    // rolloutState yet
    List<ActiveDeployment> cleanUp =
        List.of(d("ecs-svc/2", "PRIMARY", null), d("ecs-svc/1", "INACTIVE", "COMPLETED"));
    assertEquals(List.of(cleanUp.get(0)), DeploymentSignals.underWay(cleanUp));

    List<ActiveDeployment> rolling =
        List.of(d("ecs-svc/2", "PRIMARY", "IN_PROGRESS"), d("ecs-svc/1", "INACTIVE", "COMPLETED"));
    assertEquals(1, DeploymentSignals.underWay(rolling).size());

    List<ActiveDeployment> two =
        List.of(d("ecs-svc/2", "PRIMARY", "COMPLETED"), d("ecs-svc/1", "ACTIVE", "COMPLETED"));
    assertEquals(2, DeploymentSignals.underWay(two).size(), "tasks of two deployments run");

    List<ActiveDeployment> steady =
        List.of(d("ecs-svc/2", "PRIMARY", "COMPLETED"), d("ecs-svc/1", "INACTIVE", "COMPLETED"));
    assertEquals(List.of(), DeploymentSignals.underWay(steady));
  }
}
