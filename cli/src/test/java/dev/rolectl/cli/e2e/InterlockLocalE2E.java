package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECS blue/green interlock on a {@code local:} account file whose {@code ecs} section says
 * service web uses the guide's role: what {@code plan} and {@code apply} do while its deployment is
 * under way, once it is over, when it starts between plan and apply, while waiting for it, and
 * when ECS is unknown. In-process CLI runs only.
 */
@Tag("e2e")
class InterlockLocalE2E {
  @TempDir Path dir;
  Path account;
  String target;

  @BeforeEach
  void roleExists() {
    account = InterlockStacks.localAccountWithTheRole(dir);
    target = "local:" + account;
  }

  private TestCli.Run rolectl(String... args) {
    return InterlockStacks.rolectl(target, args);
  }

  private String file() throws Exception {
    return Files.readString(account);
  }

  /** Whether IAM in the account file has the role / the attachment (the ecs section aside). */
  private boolean has(String what) throws Exception {
    String iam = file().replaceAll("\\s", "");
    iam = iam.contains("\"ecs\":") ? iam.substring(0, iam.indexOf("\"ecs\":")) : iam;
    return iam.contains(what);
  }

  static final String ROLE_ENTRY = "\"RoleName\":\"" + InterlockStacks.ROLE + "\"";
  static final String ATTACHED = "\"PolicyArn\":\"" + InterlockStacks.POLICY + "\"";

  @Test
  void eachDisruptiveChangeIsBlockedDuringTheDeploymentAndGoesThroughAfterIt() throws Exception {
    for (Change c : new Change[] {Change.DELETE, Change.TRUST, Change.DETACH}) {
      InterlockStacks.setDeployment(account, "IN_PROGRESS");
      String before = file();
      Path stack = InterlockStacks.changed(dir, c);

      TestCli.Run plan = rolectl("plan", stack.toString());
      assertEquals(3, plan.exit(), c + "\n" + plan);
      assertTrue(plan.out().contains(c.rule), c + "\n" + plan);
      TestCli.Run apply = rolectl("apply", stack.toString(), "--auto-approve");
      assertEquals(3, apply.exit(), c + "\n" + apply);
      assertTrue(apply.out().contains("Blocked by a safety rule"), c + "\n" + apply);
      assertEquals(before, file(), c + ": a blocked apply changes nothing");

      InterlockStacks.setDeployment(account, "COMPLETED");
      TestCli.Run after = rolectl("apply", stack.toString(), "--auto-approve");
      assertEquals(0, after.exit(), c + "\n" + after);
      String changed = file();
      switch (c) {
        case DELETE:
          assertFalse(has(ROLE_ENTRY), changed);
          break;
        case TRUST:
          assertTrue(changed.contains("ec2.amazonaws.com"), changed);
          assertTrue(has(ATTACHED), changed);
          break;
        default:
          assertFalse(has(ATTACHED), changed);
          assertTrue(has(ROLE_ENTRY), changed);
          break;
      }
      TestCli.Run restored = rolectl("apply", InterlockStacks.full(dir).toString(), "--auto-approve");
      assertEquals(0, restored.exit(), restored::toString);
    }
  }

  @Test
  void aDeploymentThatStartsBetweenPlanAndApplyIsCaughtByTheRecheck() throws Exception {
    Path planFile = dir.resolve("plan.json");
    TestCli.Run plan = rolectl("plan", InterlockStacks.changed(dir, Change.DELETE).toString(),
        "--out", planFile.toString());
    assertEquals(0, plan.exit(), plan::toString);
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    String before = file();

    TestCli.Run apply = rolectl("apply", planFile.toString(), "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("Blocked by a safety rule"), apply::toString);
    assertTrue(apply.out().contains("ecs-svc/1"), apply::toString);
    assertTrue(apply.out().contains("Skipped"), apply::toString);
    assertEquals(before, file());
  }

  @Test
  void aSavedPlanThatBlockedIsRefusedEvenWhenTheDeploymentIsOverByNow() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    Path planFile = dir.resolve("plan.json");
    TestCli.Run plan = rolectl("plan", InterlockStacks.changed(dir, Change.DETACH).toString(),
        "--out", planFile.toString());
    assertEquals(3, plan.exit(), plan::toString);
    InterlockStacks.setDeployment(account, "COMPLETED");
    String before = file();

    TestCli.Run apply = rolectl("apply", planFile.toString(), "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("the plan blocked this change"), apply::toString);
    assertEquals(before, file());
  }

  @Test
  void aTagOnlyChangeAppliesDuringADeployment() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    TestCli.Run apply =
        rolectl("apply", InterlockStacks.changed(dir, Change.TAG).toString(), "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(file().contains("platform"), this::toString);
  }

  @Test
  void independentChangesGoOnWhileTheBlockedOneIsRefused() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    Path stack = InterlockStacks.write(dir.resolve("detach-and-other.yaml"),
        Files.readString(InterlockStacks.changed(dir, Change.DETACH))
            + "  other:\n    trustPolicy: " + StackFiles.TRUST + "\n");
    TestCli.Run apply = rolectl("apply", stack.toString(), "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(has("\"RoleName\":\"other\""), this::toString);
    assertTrue(has(ATTACHED), "the blocked detach was not made");
  }

  @Test
  void unknownEcsBlocks() throws Exception {
    InterlockStacks.setDeployment(account, null); // a snapshot without ECS state says nothing
    TestCli.Run plan = TestCli.run(Map.of(), "plan",
        InterlockStacks.changed(dir, Change.DELETE).toString(), "--target", "snapshot:" + account);
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("has no ecs section"), plan::toString);
  }

  /**
   * settings.ecs.regions name regions to scan besides the others, never instead: the deployment in
   * us-east-1 blocks a stack that names eu-west-1 only (breaker round 3, item 1), in plan and in
   * apply of the stack file.
   */
  @Test
  void namedRegionsDoNotNarrowTheScan() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    Files.writeString(account, file().replace("\"clusterName\": \"prod\",",
        "\"clusterName\": \"prod\", \"region\": \"us-east-1\","));
    String before = file();
    Path stack = InterlockStacks.write(dir.resolve("delete-eu.yaml"),
        Files.readString(InterlockStacks.changed(dir, Change.DELETE))
            + "settings: {ecs: {regions: [eu-west-1]}}\n");

    TestCli.Run plan = rolectl("plan", stack.toString(), "--no-color");
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("service web (cluster prod, us-east-1)")
        && plan.out().contains("ecs-svc/1"), plan::toString);
    TestCli.Run apply = rolectl("apply", stack.toString(), "--auto-approve", "--no-color");
    assertEquals(3, apply.exit(), apply::toString);
    assertEquals(before, file(), "the role in use is kept");
  }

  /**
   * A snapshot without ecs.regions and scannedAt (what 'rolectl snapshot' of a local: file
   * writes): it covers only the regions its clusters name, so a region it never covered blocks;
   * with no cluster in use it warns "as of" its TakenAt, never a plain allow (breaker round 3,
   * item 7).
   */
  @Test
  void aSnapshotWithoutEcsRegionsBlocksForOtherRegionsAndNeverAllows() throws Exception {
    InterlockStacks.setDeployment(account, "COMPLETED");
    Path snap = dir.resolve("snap.json");
    TestCli.Run copied = rolectl("snapshot", "--out", snap.toString());
    assertEquals(0, copied.exit(), copied::toString);
    String json = Files.readString(snap).replace("\"clusterName\": \"prod\",",
        "\"clusterName\": \"prod\", \"region\": \"us-east-1\",");
    assertFalse(json.contains("\"regions\"") || json.contains("scannedAt"), json);
    Files.writeString(snap, json.replaceFirst("\\{", "{\"TakenAt\": \"2026-01-01T00:00:00Z\","));
    Path eu = InterlockStacks.write(dir.resolve("delete-eu.yaml"),
        Files.readString(InterlockStacks.changed(dir, Change.DELETE))
            + "settings: {ecs: {regions: [eu-west-1]}}\n");
    Path all = InterlockStacks.changed(dir, Change.DELETE);

    TestCli.Run planEu = TestCli.run(Map.of(), "plan", eu.toString(), "--target", "snapshot:" + snap,
        "--no-color");
    assertEquals(3, planEu.exit(), planEu::toString);
    assertTrue(planEu.out().contains("does not list the regions its ECS state covers")
        && planEu.out().contains("eu-west-1"), planEu::toString);

    Files.writeString(snap, Files.readString(snap).replaceAll("(?s)\"clusters\"\\s*:\\s*\\[.*\\]\\s*\\}\\s*\\}\\s*$",
        "\"clusters\": []}}"));
    assertTrue(Files.readString(snap).contains("\"clusters\": []"), Files.readString(snap));
    TestCli.Run planAll = TestCli.run(Map.of(), "plan", all.toString(), "--target", "snapshot:" + snap,
        "--no-color", "--detailed-exitcode");
    assertEquals(2, planAll.exit(), planAll::toString);
    assertTrue(planAll.out().contains("As of 2026-01-01T00:00:00Z (when the snapshot was taken)")
        && planAll.out().contains("no deployment uses role"), planAll::toString);
    assertFalse(planAll.out().contains("safe [ecs-role-delete]"), planAll::toString);
  }

  @Test
  void waitsForTheDeploymentThenGoesOn() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    Path stack = InterlockStacks.changed(dir, Change.DETACH);
    long start = System.nanoTime();
    CompletableFuture<TestCli.Run> apply = CompletableFuture.supplyAsync(
        () -> rolectl("apply", stack.toString(), "--auto-approve", "--wait-for-deployments", "30s"));
    Thread.sleep(2000);
    assertFalse(apply.isDone(), () -> apply.join().toString());
    InterlockStacks.setDeployment(account, "COMPLETED");
    TestCli.Run done = apply.get();
    double seconds = (System.nanoTime() - start) / 1e9;

    assertEquals(0, done.exit(), done::toString);
    assertTrue(done.out().contains("Still waiting"), done::toString);
    assertTrue(done.out().contains("deployment ecs-svc/1"), done::toString);
    assertFalse(has(ATTACHED), file());
    assertTrue(seconds < 15, "went on within an interval of the deployment's end: " + seconds);
  }

  @Test
  void givesUpWhenTheWaitIsOver() throws Exception {
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    String before = file();
    TestCli.Run apply = rolectl("apply", InterlockStacks.changed(dir, Change.DELETE).toString(),
        "--auto-approve", "--wait-for-deployments", "2s");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("--wait-for-deployments time (2s) was up"), apply::toString);
    assertEquals(before, file());
  }
}
