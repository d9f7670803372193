package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEcsDeploymentsTest {
  static final String ROLE = "arn:aws:iam::111122223333:role/ecsInfrastructureRoleForLoadBalancers";
  static final String OTHER = "arn:aws:iam::111122223333:role/other";

  /** Two clusters: prod (us-east-1) deploying web, and staging (no region) with api idle. */
  static final String FILE =
      """
      {"AccountId": "111122223333",
       "ecs": {"clusters": [
         {"clusterName": "prod", "region": "us-east-1", "services": [
           {"serviceName": "web",
            "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/blue/1",
              "advancedConfiguration": {"roleArn": "arn:aws:iam::111122223333:role/ecsInfrastructureRoleForLoadBalancers"}}],
            "deployments": [
              {"id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "IN_PROGRESS",
               "lifecycleStage": "TEST_TRAFFIC_SHIFT", "startedAt": "2026-11-29T09:58:00Z"},
              {"id": "ecs-svc/1", "status": "ACTIVE", "rolloutState": "COMPLETED",
               "startedAt": "2026-11-28T12:00:00Z"},
              {"id": "ecs-svc/0", "status": "INACTIVE", "rolloutState": "COMPLETED"}]},
           {"serviceName": "batch", "loadBalancers": [], "deployments": [
              {"id": "ecs-svc/9", "status": "PRIMARY", "rolloutState": "IN_PROGRESS"}]}]},
         {"clusterName": "staging", "services": [
           {"serviceName": "api",
            "loadBalancers": [{"advancedConfiguration": {"roleArn": "arn:aws:iam::111122223333:role/ECSINFRASTRUCTUREROLEFORLOADBALANCERS"}}],
            "deployments": [{"id": "ecs-svc/5", "status": "PRIMARY", "rolloutState": "COMPLETED"}]}]}]}}
      """;

  private static LocalEcsDeployments of(String json, boolean snapshot) {
    return new LocalEcsDeployments(
        () -> AccountFile.parse(json, "a.json").ecs(), "a.json", snapshot);
  }

  @Test
  void findsTheServicesThatUseARoleAndTheirActiveDeployments() {
    EcsScan scan = of(FILE, false).scan(List.of(ROLE, OTHER), List.of());

    assertTrue(scan.isKnown());
    List<ServiceUse> uses = scan.usesOf(ROLE);
    assertEquals(List.of("web", "api"), uses.stream().map(ServiceUse::service).toList());
    ServiceUse web = uses.get(0);
    assertEquals("us-east-1", web.region());
    assertEquals("prod", web.cluster());
    assertEquals(Set.of(EcsRoleField.LOAD_BALANCER), web.fields());
    assertEquals(
        List.of(
            new ActiveDeployment(
                "ecs-svc/1", "ACTIVE", "COMPLETED", null, Instant.parse("2026-11-28T12:00:00Z")),
            new ActiveDeployment(
                "ecs-svc/2",
                "PRIMARY",
                "IN_PROGRESS",
                "TEST_TRAFFIC_SHIFT",
                Instant.parse("2026-11-29T09:58:00Z"))),
        web.activeDeployments(),
        "every deployment that is not INACTIVE, oldest first");
    assertFalse(uses.get(1).deploying(), "one PRIMARY deployment, completed");
    assertEquals("default region", uses.get(1).region());
    assertTrue(scan.deploying(ROLE));
    assertEquals(List.of(), scan.usesOf(OTHER));
  }

  @Test
  void regionsAskedForAddToTheScanAndNeverNarrowIt() {
    EcsScan west = of(FILE, false).scan(List.of(ROLE), List.of("us-west-2"));

    assertEquals(List.of("web", "api"), west.usesOf(ROLE).stream().map(ServiceUse::service).toList(),
        "the service in us-east-1 counts although the stack names us-west-2 only");
    assertTrue(west.deploying(ROLE));
    assertEquals("us-west-2", west.usesOf(ROLE).get(1).region(), "a region-less cluster");
    assertEquals(List.of("us-west-2"), west.regions());
    assertTrue(west.isKnown(), "a local: file without ecs.regions is the whole account");
  }

  /** A snapshot as 'rolectl snapshot' of a local: file writes it: TakenAt, no ecs.regions/scannedAt. */
  private static EcsScan snapshotScan(String json, List<String> regions) {
    java.util.concurrent.atomic.AtomicReference<LocalState> read = new java.util.concurrent.atomic.AtomicReference<>();
    LocalEcsDeployments snap = new LocalEcsDeployments(
        () -> {
          read.set(AccountFile.parse(json, "snap.json"));
          return read.get().ecs();
        },
        () -> read.get().takenAt(), "snap.json", true);
    return snap.scan(List.of(ROLE), regions);
  }

  @Test
  void aSnapshotWithoutEcsRegionsCoversOnlyTheRegionsOfItsClusters() {
    String json = FILE.replaceFirst("\\{\"AccountId\": \"111122223333\",",
        "{\"AccountId\": \"111122223333\", \"TakenAt\": \"2026-01-01T00:00:00Z\",");

    EcsScan eu = snapshotScan(json, List.of("eu-west-1"));

    assertFalse(eu.isKnown(), "eu-west-1 was never covered by the file");
    assertTrue(eu.unknownReason().get().contains("does not list the regions")
        && eu.unknownReason().get().contains("eu-west-1"), eu.unknownReason()::get);
    assertTrue(eu.deploying(ROLE), "the deployment in us-east-1 is still found");

    EcsScan all = snapshotScan(json, List.of());
    assertTrue(all.isKnown());
    assertEquals(List.of("us-east-1"), all.regions());
    assertEquals(java.util.Optional.of(Instant.parse("2026-01-01T00:00:00Z")), all.asOf(),
        "as of TakenAt when the ecs section has no scannedAt");
    assertTrue(all.usesOf(ROLE).get(0).source().contains("taken at 2026-01-01T00:00:00Z"),
        all.usesOf(ROLE).get(0)::source);
  }

  @Test
  void aSnapshotWithoutClustersIsAsOfItsTakenAtAndAnUndatedOneIsStillASnapshot() {
    EcsScan dated = snapshotScan(
        "{\"AccountId\": \"111122223333\", \"TakenAt\": \"2026-01-01T00:00:00Z\", \"ecs\": {\"clusters\": []}}",
        List.of());
    assertTrue(dated.isKnown() && dated.fromSnapshot());
    assertEquals(java.util.Optional.of(Instant.parse("2026-01-01T00:00:00Z")), dated.asOf());

    EcsScan undated = snapshotScan("{\"AccountId\": \"111122223333\", \"ecs\": {\"clusters\": []}}", List.of());
    assertTrue(undated.fromSnapshot(), "never a plain live answer");
    assertTrue(undated.asOf().isEmpty());

    EcsScan named = snapshotScan(
        "{\"AccountId\": \"111122223333\", \"ecs\": {\"clusters\": []}}", List.of("us-east-1"));
    assertFalse(named.isKnown(), "a named region the file never covered");
  }

  @Test
  void serviceDeploymentStatusesWork() {
    String json =
        """
        {"ecs": {"clusters": [{"clusterName": "c", "services": [
          {"serviceName": "s",
           "loadBalancers": [{"advancedConfiguration": {"roleArn": "arn:aws:iam::123456789012:role/r"}}],
           "deployments": [
             {"id": "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/s/new", "status": "ROLLBACK_IN_PROGRESS"},
             {"id": "arn:aws:ecs:us-east-1:123456789012:service-deployment/c/s/old", "status": "SUCCESSFUL"},
             {"id": "odd", "status": "SOMETHING_NEW"}]}]}]}}
        """;

    ServiceUse s =
        of(json, false)
            .scan(List.of("arn:aws:iam::123456789012:role/r"), List.of())
            .usesOf("arn:aws:iam::123456789012:role/r")
            .get(0);

    assertEquals(
        List.of("arn:aws:ecs:us-east-1:123456789012:service-deployment/c/s/new", "odd"),
        s.activeDeployments().stream().map(ActiveDeployment::id).toList(),
        "finished statuses are over; unknown ones count as active (fail closed)");
  }

  @Test
  void withoutAnEcsSectionLocalHasNoServicesButASnapshotIsUnknown() {
    String json = "{\"AccountId\": \"111122223333\"}";

    EcsScan local = of(json, false).scan(List.of(ROLE), List.of());
    EcsScan snapshot = of(json, true).scan(List.of(ROLE), List.of());

    assertTrue(local.isKnown());
    assertEquals(List.of(), local.usesOf(ROLE));
    assertFalse(snapshot.isKnown());
    assertTrue(snapshot.unknownReason().orElseThrow().contains("a.json has no ecs section"));
    assertTrue(
        of("{\"ecs\": {\"clusters\": []}}", true).scan(List.of(ROLE), List.of()).isKnown(),
        "an empty section says there are no services");
  }

  @Test
  void targetsGiveTheirFilesEcsAndReadItAnew(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    Files.writeString(file, FILE);
    try (Target local = Targets.open("local:" + file, TargetOptions.defaults());
        Target snapshot = Targets.open("snapshot:" + file, TargetOptions.defaults())) {
      assertTrue(local.ecs().scan(List.of(ROLE), List.of()).deploying(ROLE));
      assertTrue(snapshot.ecs().scan(List.of(ROLE), List.of()).deploying(ROLE));

      Files.writeString(
          file, FILE.replace("IN_PROGRESS", "COMPLETED").replace("\"ACTIVE\"", "\"INACTIVE\""));

      assertFalse(local.ecs().rescan(List.of(ROLE), List.of()).deploying(ROLE));
      assertFalse(snapshot.ecs().scan(List.of(ROLE), List.of()).deploying(ROLE));
    }
  }

  @Test
  void aBrokenFileIsUnknownNotAnException(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    Files.writeString(file, "{\"ecs\": ");
    try (Target t = Targets.open("snapshot:" + file, TargetOptions.defaults())) {
      EcsScan scan = t.ecs().scan(List.of(ROLE), List.of("us-east-1"));

      assertFalse(scan.isKnown());
      assertTrue(scan.unknownReason().orElseThrow().contains("the account file ends too early"),
          scan.toString());
    }
  }

  @Test
  void startTimesRoundTripThroughTheWriter() {
    LocalState state = AccountFile.parse(FILE, "a.json");

    LocalState again = AccountFile.parse(SnapshotWriter.toJson(state), "b.json");

    assertEquals(state.ecs(), again.ecs());
  }
}
