package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
  static final LocalEcsState ECS =
      new LocalEcsState(
          List.of(
              new LocalEcsState.Cluster(
                  "prod",
                  "us-east-1",
                  List.of(
                      new LocalEcsState.Service(
                          "web",
                          List.of(
                              new LocalEcsState.LoadBalancer(
                                  "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/blue/1",
                                  "arn:aws:iam::111122223333:role/ecsInfrastructureRoleForLoadBalancers",
                                  "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/green/2",
                                  "arn:aws:elasticloadbalancing:us-east-1:111122223333:listener-rule/app/x/1/2/3",
                                  null)),
                          List.of(
                              new LocalEcsState.Deployment(
                                  "ecs-svc/1", "PRIMARY", "IN_PROGRESS", "TEST_TRAFFIC_SHIFT"),
                              new LocalEcsState.Deployment("ecs-svc/0", "ACTIVE", "COMPLETED", null)))))));

  @Test
  void writtenAccountsReadBackEqual(@TempDir Path dir) throws IOException {
    LocalState original =
        new LocalState(
            AccountFile.parse(AccountFileTest.fixture("aws-cli-output.json"), "in.json").account(),
            ECS);
    Path file = dir.resolve("out.json");
    SnapshotWriter.write(original, file);

    assertEquals(original, AccountFile.read(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temp file left behind");
    }
  }

  @Test
  void outputIsStableSortedAndHasDocumentsAsObjects() {
    LiveAccount account =
        AccountFile.parse(AccountFileTest.fixture("aws-cli-output.json"), "in.json").account();
    String once = SnapshotWriter.toJson(account);
    String twice = SnapshotWriter.toJson(AccountFile.parse(once, "once.json").account());

    assertEquals(once, twice);
    assertTrue(once.endsWith("}\n"));
    assertTrue(once.startsWith("{\n  \"AccountId\": \"111122223333\",\n"), once);
    assertTrue(once.indexOf("\"RoleName\": \"app\"") < once.indexOf("\"RoleName\": \"ecsInfra"));
    assertTrue(once.contains("\"AssumeRolePolicyDocument\": {"), once);
    assertTrue(!once.contains("%7B"), "documents are decoded");
    assertTrue(!once.contains("ReadOnlyAccess\",\n      \"PolicyId"), "AWS managed not written");
  }

  @Test
  void anEmptyAccountHasNoEcsSection() {
    String json = SnapshotWriter.toJson(LocalState.empty());
    assertTrue(!json.contains("\"ecs\""), json);
    assertEquals(LocalState.empty(), AccountFile.parse(json, "e.json"));
  }
}
