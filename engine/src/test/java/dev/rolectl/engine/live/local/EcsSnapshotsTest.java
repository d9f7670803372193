package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ServiceUse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ecs section of a snapshot: written from an inventory, read back as the same uses. */
class EcsSnapshotsTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/ecsInfrastructureRoleForLoadBalancers";
  static final String MI = "arn:aws:iam::111122223333:role/managedInstances";
  static final Instant TAKEN = Instant.parse("2026-11-29T10:00:00Z");

  static EcsScan inventory() {
    ServiceUse web =
        new ServiceUse("us-east-1", "prod", ServiceUse.SERVICE, "web",
            Set.of(EcsRoleField.LOAD_BALANCER, EcsRoleField.SERVICE_REVISION),
            List.of(new ActiveDeployment("arn:aws:ecs:us-east-1:111122223333:service-deployment/prod/web/d2",
                "IN_PROGRESS", null, "TEST_TRAFFIC_SHIFT", Instant.parse("2026-11-29T09:58:30Z"))),
            "ListServiceDeployments and DescribeServiceDeployments");
    ServiceUse cp =
        new ServiceUse("eu-west-1", "batch", ServiceUse.CAPACITY_PROVIDER, "managed",
            Set.of(EcsRoleField.CAPACITY_PROVIDER), List.of(), "DescribeCapacityProviders (status ACTIVE)");
    return new EcsScan(List.of("eu-west-1", "us-east-1"), List.of("c1", "c2"),
        Map.of(ROLE, List.of(web), MI, List.of(cp)), Optional.empty(), Optional.empty());
  }

  private static LocalEcsDeployments readBack(EcsScan inventory) {
    LocalState state = new LocalState(LocalState.empty().account(), EcsSnapshots.state(inventory, TAKEN));
    String json = SnapshotWriter.toJson(state);
    return new LocalEcsDeployments(() -> AccountFile.parse(json, "snap.json").ecs(), "snap.json", true);
  }

  @Test
  void aWrittenInventoryReadsBackAsTheSameUsesAsOfItsTime() {
    EcsScan back = readBack(inventory()).scan(List.of(ROLE, MI), List.of());

    assertTrue(back.isKnown(), back::toString);
    assertEquals(Optional.of(TAKEN), back.asOf());
    assertEquals(List.of("eu-west-1", "us-east-1"), back.regions());
    ServiceUse web = back.usesOf(ROLE).get(0);
    assertEquals("service web (cluster prod, us-east-1)", web.describe());
    assertEquals(Set.of(EcsRoleField.LOAD_BALANCER, EcsRoleField.SERVICE_REVISION), web.fields());
    assertEquals("TEST_TRAFFIC_SHIFT", web.activeDeployments().get(0).lifecycleStage());
    assertTrue(web.source().contains("taken at " + TAKEN) && web.source().contains("ListServiceDeployments"),
        web.source());
    ServiceUse cp = back.usesOf(MI).get(0);
    assertEquals("capacity provider managed (cluster batch, eu-west-1)", cp.describe());
    assertFalse(cp.deploying());
  }

  @Test
  void aRegionTheSnapshotDidNotScanIsUnknown() {
    EcsScan scan = readBack(inventory()).scan(List.of(ROLE), List.of("us-east-1", "ap-south-1"));

    assertFalse(scan.isKnown());
    assertTrue(scan.unknownReason().get().contains("says nothing about ECS in ap-south-1"), scan::toString);
  }

  @Test
  void anIncompleteInventoryIsNeverWritten() {
    EcsScan unknown = EcsScan.unknown(List.of("us-east-1"), "access denied");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EcsSnapshots.state(unknown, TAKEN));
    assertEquals("access denied", e.getMessage());
  }

  @Test
  void aLocalAccountFileIsTheTruthNotAsOfAnything() {
    LocalState state = new LocalState(LocalState.empty().account(), EcsSnapshots.state(inventory(), TAKEN));
    String json = SnapshotWriter.toJson(state);
    LiveAccount account = AccountFile.parse(json, "a.json").account();
    EcsScan scan =
        new LocalEcsDeployments(() -> AccountFile.parse(json, "a.json").ecs(), "a.json", false)
            .scan(List.of(ROLE), List.of());
    assertEquals(Optional.empty(), scan.asOf());
    assertEquals("111122223333".length(), account.accountId().length());
  }
}
