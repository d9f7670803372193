package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.EcsScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ec2} section of account files (instance profile associations) and the task roles a
 * snapshot records: read, written back, and fail closed where a snapshot does not say.
 */
class Ec2SectionTest {
  static final String ROLE = "{\"RoleName\": \"web-host\", \"AssumeRolePolicyDocument\":"
      + " {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
      + " {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]},"
      + " \"InstanceProfileList\":"
      + " [{\"InstanceProfileName\": \"web-profile\"}]}";
  static final String EC2 = "\"ec2\": {\"regions\": [\"us-east-1\"], \"IamInstanceProfileAssociations\":"
      + " [{\"Region\": \"us-east-1\", \"AssociationId\": \"iip-assoc-1\", \"InstanceId\":"
      + " \"i-0abc\", \"IamInstanceProfile\": {\"Arn\":"
      + " \"arn:aws:iam::123456789012:instance-profile/web/web-profile\"}, \"State\":"
      + " \"associated\"}]}";

  @TempDir Path dir;

  private Path file(String extra) throws Exception {
    Path f = dir.resolve("account-" + extra.length() + ".json");
    Files.writeString(f, "{\"RoleDetailList\": [" + ROLE + "]" + extra + "}");
    return f;
  }

  @Test
  void associationsAreReadAndMatchedByProfileNameWhateverThePath() throws Exception {
    Path f = file(", " + EC2);
    try (FileTarget t = FileTarget.local(f, "local:" + f)) {
      assertEquals(List.of("web-profile"),
          t.iam().read(dev.rolectl.engine.live.ReadRequest.everything()).roles().get("web-host")
              .instanceProfiles());
      Ec2Scan scan = t.ec2().scan(List.of("WEB-PROFILE"), List.of());
      assertTrue(scan.isKnown());
      assertEquals("i-0abc", scan.usesOf("web-profile").get(0).instanceId());
      Ec2Scan elsewhere = t.ec2().scan(List.of("web-profile"), List.of("eu-west-1"));
      assertFalse(elsewhere.isKnown(), "the file lists the regions it covers");
    }
  }

  @Test
  void withoutTheSectionALocalFileHasNoInstancesAndASnapshotCannotSay() throws Exception {
    Path f = file("");
    try (FileTarget local = FileTarget.local(f, "local:" + f)) {
      Ec2Scan scan = local.ec2().scan(List.of("web-profile"), List.of());
      assertTrue(scan.isKnown() && scan.uses().isEmpty());
    }
    try (FileTarget snapshot = FileTarget.snapshot(f, "snapshot:" + f)) {
      Ec2Scan scan = snapshot.ec2().scan(List.of("web-profile"), List.of());
      assertFalse(scan.isKnown());
      assertTrue(scan.reason().orElseThrow().contains("has no ec2 section"), scan::toString);
    }
  }

  @Test
  void aSnapshotThatDoesNotRecordTaskRolesCannotSayThatNoTaskUsesARole() throws Exception {
    Path f = file(", \"ecs\": {\"clusters\": []}");
    try (FileTarget snapshot = FileTarget.snapshot(f, "snapshot:" + f)) {
      EcsScan infra = snapshot.ecs().scan(List.of("arn:aws:iam::123456789012:role/x"), List.of());
      assertTrue(infra.isKnown(), "infrastructure roles: it says");
      EcsScan tasks = snapshot.ecs().scan(List.of("arn:aws:iam::123456789012:role/x"), List.of(),
          true);
      assertFalse(tasks.isKnown());
      assertTrue(tasks.reason().orElseThrow().contains("taskRoles"), tasks::toString);
    }
    Path recorded = file(", \"ecs\": {\"taskRoles\": true, \"clusters\": []}");
    try (FileTarget snapshot = FileTarget.snapshot(recorded, "snapshot:" + recorded)) {
      assertTrue(snapshot.ecs().scan(List.of("arn:aws:iam::123456789012:role/x"), List.of(), true)
          .isKnown());
    }
  }

  @Test
  void bothSectionsAreWrittenBackAsTheyWereRead() throws Exception {
    Path f = file(", \"ecs\": {\"taskRoles\": true, \"clusters\": []}, " + EC2);
    LocalState state = AccountFile.read(f);
    LocalState again = AccountFile.parse(SnapshotWriter.toJson(state), "again");
    assertTrue(again.ecs().taskRoles());
    assertEquals(state.ecs().ec2(), again.ecs().ec2());
    assertTrue(again.ecs().ec2().associations().get(0).instanceProfileArn()
        .endsWith("instance-profile/web/web-profile"));
  }
}
