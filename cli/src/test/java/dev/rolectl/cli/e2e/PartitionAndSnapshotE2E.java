package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code aws} target on moto: {@code --partition} and {@code --account-id} must be the
 * credentials' (moto answers GetCallerIdentity with {@code arn:aws-cn:...} when the SDK signs for
 * cn-north-1, as STS does); a snapshot of the account is taken "now", a copy of that snapshot keeps
 * its time, and a plan made against the snapshot applies to the account as its refusal says.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class PartitionAndSnapshotE2E {
  static final String STACK = "stack: part\nroles:\n  partrole:\n    trustPolicy: "
      + StackFiles.TRUST + "\n    managedPolicies: ['arn:${aws.partition}:iam::aws:policy/ReadOnlyAccess']\n";

  @TempDir Path dir;

  private TestCli.Run rolectl(Moto moto, String... args) {
    return TestCli.run(moto.env(), args);
  }

  @Test
  void partitionAndAccountIdMustBeTheCredentialsAndThePartitionIsHonouredWhenItIs(Moto moto) {
    Path stack = GuardsE2E.stack(dir, "part.yaml", STACK);
    TestCli.Run wrong = rolectl(moto, "plan", stack.toString(), "--partition", "aws-cn");
    assertEquals(1, wrong.exit(), wrong::toString);
    String refusal = "error: --partition aws-cn does not match the partition of target aws (aws,"
        + " from the credentials' ARN): drop --partition, or use credentials of partition aws-cn"
        + " with a region in it (--region; e.g. cn-north-1 for aws-cn, us-gov-west-1 for"
        + " aws-us-gov)\n";
    assertEquals(refusal, wrong.err());
    TestCli.Run apply =
        rolectl(moto, "apply", stack.toString(), "--partition", "aws-cn", "--auto-approve");
    assertEquals(1, apply.exit(), apply::toString);
    assertTrue(apply.err().endsWith(refusal), apply::toString);
    assertTrue(Side.moto(moto).read().role("partrole").isEmpty(), "nothing was created");

    TestCli.Run account = rolectl(moto, "plan", stack.toString(), "--account-id", "111111111111");
    assertEquals("error: --account-id 111111111111 does not match the account of target aws"
        + " (123456789012, from the credentials): drop --account-id, or use credentials of"
        + " account 111111111111 (--profile, or the AWS_* environment variables)\n", account.err());

    // as the refusal says: a region of that partition
    TestCli.Run cn = rolectl(moto, "plan", stack.toString(), "--partition", "aws-cn",
        "--region", "cn-north-1");
    assertEquals(0, cn.exit(), cn::toString);
    assertTrue(cn.out().contains("policyArn = \"arn:aws-cn:iam::aws:policy/ReadOnlyAccess\""),
        cn::toString);
    TestCli.Run matching = rolectl(moto, "plan", stack.toString(), "--partition", "aws");
    assertEquals(0, matching.exit(), matching::toString);
    assertTrue(matching.out().contains("\"arn:aws:iam::aws:policy/ReadOnlyAccess\""), matching::toString);
  }

  @Test
  void aSnapshotOfTheAccountIsTakenNowACopyKeepsItsTimeAndItsPlanAppliesToTheAccount(Moto moto)
      throws IOException {
    Path stack = GuardsE2E.stack(dir, "part.yaml", STACK);
    Path snap = dir.resolve("snap.json");
    Instant before = Instant.now();
    TestCli.Run taken =
        rolectl(moto, "snapshot", "--out", snap.toString(), "--ecs-region", "us-east-1");
    Instant after = Instant.now();
    assertEquals(0, taken.exit(), taken::toString);
    assertFalse(taken.out().contains("note: a copy"), taken::toString);
    Instant takenAt = takenAt(snap);
    assertTrue(!takenAt.isBefore(before) && !takenAt.isAfter(after), takenAt + " is now");

    Path copy = dir.resolve("copy.json");
    Map<String, String> offline = new HashMap<>(moto.env());
    offline.remove("AWS_ENDPOINT_URL"); // a copy reads no AWS
    TestCli.Run copied =
        TestCli.run(offline, "snapshot", "--target", "snapshot:" + snap, "--out", copy.toString());
    assertEquals(0, copied.exit(), copied::toString);
    assertEquals(takenAt, takenAt(copy));

    Path plan = dir.resolve("plan.json");
    TestCli.Run planned = TestCli.run(offline, "plan", stack.toString(), "--target",
        "snapshot:" + copy, "--out", plan.toString());
    assertEquals(0, planned.exit(), planned::toString);
    assertTrue(planned.out().contains("snapshot taken " + takenAt + ")"), planned::toString);
    TestCli.Run refused = rolectl(moto, "apply", plan.toString(), "--auto-approve");
    assertEquals(1, refused.exit(), refused::toString);
    String advice = "rolectl apply " + plan + " --target aws";
    assertTrue(refused.err().contains("apply it to the account the snapshot was taken of with "
        + advice + " (with --profile or --region"), refused::toString);
    TestCli.Run applied = rolectl(moto, "apply", plan.toString(), "--target", "aws", "--auto-approve");
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(Side.moto(moto).read().role("partrole").isPresent(), applied::toString);
  }

  private static Instant takenAt(Path file) throws IOException {
    return Instant.parse(new ObjectMapper().readTree(file.toFile()).path("TakenAt").asText());
  }
}
