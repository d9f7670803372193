package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.gha.JobRunner;
import dev.rolectl.cli.e2e.gha.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The example workflows' jobs run on this machine ({@link JobRunner}) against a local git
 * repository with a base branch and a pull-request branch, the release archive the build made
 * (downloaded from a file: URL and checked against its .sha256) and moto standing in for the
 * account (IAM, STS, EC2's region list; ECS on the loopback {@link EcsApiServer} where a
 * deployment matters): a pull request that smuggles its own snapshot never gets "No changes",
 * apply on merge applies the reviewed plan and refuses anything else (and any plan not signed
 * with ROLECTL_PLAN_KEY), ROLECTL_REQUIRE_APPROVAL=broadening holds a broadening plan (exit 4)
 * until ROLECTL_APPROVED_DIGEST names it, a blocked apply exits 3 and a re-run finishes it, the
 * nightly jobs see a changed account.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class WorkflowRunE2E {
  private static final String STACK = "ecs-platform";
  private static final String PLAN_ROLE = "arn:aws:iam::123456789012:role/rolectl-ci/rolectl-plan";
  private static final String APPLY_ROLE = "arn:aws:iam::123456789012:role/rolectl-ci/rolectl-apply";
  private static final String APP_TASK = "  app-task:\n    trustPolicy:\n      Version: \"2012-10-17\"\n"
      + "      Statement:\n        - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com},"
      + " Action: sts:AssumeRole}\n";
  /** The pull request's change: a role another account may assume, with every permission. */
  private static final String ADMIN = "  break-glass-admin:\n    trustPolicy:\n      Version: \"2012-10-17\"\n"
      + "      Statement:\n        - {Effect: Allow, Principal: {AWS: \"arn:aws:iam::999999999999:root\"},"
      + " Action: sts:AssumeRole}\n    inlinePolicies:\n      admin:\n        Version: \"2012-10-17\"\n"
      + "        Statement:\n          - {Effect: Allow, Action: \"*\", Resource: \"*\"}\n";
  private static final String HEADER = "apiVersion: rolectl/v1\nstack: " + STACK + "\nroles:\n";
  /** The repository's ROLECTL_PLAN_KEY, and another (keys are at least 32 bytes). */
  private static final String PLAN_KEY = "5f0c8d7e3a1b9c2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d";
  private static final String OTHER_KEY = "0e2d4c6b8a9f7e5d3c1b0a2f4e6d8c0b9a7f5e3d1c2b4a6f8e0d2c4b6a8f0e1d";

  static EcsApiServer ecs;
  static String archiveUrl;
  static String sha256;

  @TempDir Path dir;
  Moto moto;
  Path origin;
  Path artifacts;

  @BeforeAll
  static void archive() throws IOException {
    ecs = new EcsApiServer(MotoInstall.venv());
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      Path tarGz = s.filter(p -> p.getFileName().toString().matches("rolectl-\\d.*\\.tar\\.gz"))
          .findFirst().orElseThrow().toAbsolutePath();
      archiveUrl = "file://" + tarGz;
      sha256 = Files.readString(tarGz.resolveSibling(tarGz.getFileName() + ".sha256")).strip();
    }
  }

  @AfterAll
  static void stop() {
    ecs.close();
  }

  @BeforeEach
  void repository(Moto moto) throws Exception {
    this.moto = moto;
    ecs.reset();
    origin = Files.createDirectories(dir.resolve("origin"));
    artifacts = Files.createDirectories(dir.resolve("artifacts"));
    git("init", "-q", "-b", "main");
    git("config", "uploadpack.allowAnySHA1InWant", "true");
  }

  // ---------------------------------------------------------------- the pull request's plan

  /**
   * Issue 17, point 1: the pull request adds an administrator role another account may assume,
   * and adds the same role, tagged as the stack's, to snapshots/account.json. Planned against its
   * own snapshot it would say "No changes" (shown first). plan.yml refuses it, and says why in the
   * comment; with that check left out, the plan still reads the base branch's snapshot and shows
   * the role being created.
   */
  @Test
  void aPullRequestThatSmugglesItsSnapshotNeverGetsNoChanges() throws Exception {
    String base = mainWithSnapshot();
    git("checkout", "-q", "-b", "add-admin");
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK + ADMIN);
    Path smuggled = origin.resolve("snapshots/account.json");
    TestCli.Run forged = TestCli.run(Map.of(), "apply", origin.resolve("stacks/ecs-platform").toString(),
        "--target", "local:" + smuggled, "--auto-approve");
    assertEquals(0, forged.exit(), forged::toString);
    String head = commit("Add a break-glass role (and update the snapshot)");
    TestCli.Run own = TestCli.run(Map.of(), "plan", origin.resolve("stacks/ecs-platform").toString(),
        "--target", "snapshot:" + smuggled);
    assertTrue(own.out().contains("No changes."), "the attack is real: against its own snapshot\n" + own);
    String merge = mergeRef(1, "add-admin");

    JobRunner.Job refused = new JobRunner("plan.yml", planRun("101", base, head, merge, false)).run("plan");
    assertFalse(refused.succeeded(), refused.log());
    assertEquals("failure", refused.step("Refuse a pull request that changes snapshots/ and stacks/ together").outcome());
    assertEquals("skipped", refused.step("Plan").outcome(), refused.log());
    String comment = artifact("101", "plan-ecs-platform", "plan.md");
    assertTrue(comment.startsWith("<!-- rolectl:plan stack=ecs-platform target=refused -->\n"), comment);
    assertTrue(comment.contains("changes snapshots/ and stacks/ together") && comment.contains("snapshots/account.json"), comment);
    assertFalse(comment.contains("No changes"), comment);

    JobRunner.Job bypassed = new JobRunner("plan.yml", planRun("102", base, head, merge, false)
        .skip("Refuse a pull request that changes snapshots/ and stacks/ together")).run("plan");
    assertTrue(bypassed.succeeded(), bypassed.log());
    comment = artifact("102", "plan-ecs-platform", "plan.md");
    assertTrue(comment.contains("**Plan: 2 to create"), comment);
    assertTrue(comment.contains("role <code>break-glass-admin</code> will be created"), comment);
    assertFalse(comment.contains("No changes"), comment);
    assertTrue(comment.contains("**Live state:** the snapshot `snapshots/account.json` of the base branch (commit `"
        + base.substring(0, 12) + "`)"), comment);
    assertTrue(comment.length() <= 65_536 && comment.lines().findFirst().orElseThrow()
        .startsWith("<!-- rolectl:plan stack=ecs-platform target=snapshot:"), comment);
  }

  /** A wrong ROLECTL_SHA256 (or a changed archive) stops the job before rolectl is unpacked. */
  @Test
  void anArchiveThatDoesNotMatchItsChecksumIsNotInstalled() throws Exception {
    String base = mainWithSnapshot();
    git("checkout", "-q", "-b", "add-admin");
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK + ADMIN);
    String head = commit("Add a role");
    String merge = mergeRef(1, "add-admin");
    String wrong = sha256.charAt(0) == '0' ? "1" + sha256.substring(1) : "0" + sha256.substring(1);
    JobRunner.Job job = new JobRunner("plan.yml", planRun("111", base, head, merge, false)
        .var("ROLECTL_SHA256", wrong)).run("plan");
    JobRunner.Step install = job.step("Install rolectl (checksum verified)");
    assertEquals("failure", install.outcome(), job.log());
    assertTrue(install.log().contains("FAILED"), install.log());
    assertEquals("skipped", job.step("Plan").outcome());
    String comment = artifact("111", "plan-ecs-platform", "plan.md");
    assertTrue(comment.startsWith("<!-- rolectl:plan stack=ecs-platform target=failed -->") && comment.contains("Not planned"), comment);
  }

  // ---------------------------------------------------------------- apply on merge

  /** The reviewed plan is applied on merge; a re-run finds nothing left and changes nothing. */
  @Test
  void applyOnMergeAppliesTheReviewedPlan() throws Exception {
    Reviewed pr = reviewedLivePlan("121");
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    String main = rev("HEAD");

    JobRunner.Job apply = new JobRunner("apply.yml", applyRun("201", main, pr.runId)).run("apply");
    assertTrue(apply.succeeded(), apply.log());
    assertTrue(apply.step("Compare the reviewed plan with what main would apply").log()
        .contains("The reviewed plan of pull request #1 is what main would apply."), apply.log());
    assertTrue(roleExists("break-glass-admin"), apply.log());

    JobRunner.Job again = new JobRunner("apply.yml", applyRun("202", main, pr.runId)).run("apply");
    assertTrue(again.succeeded(), again.log());
    assertTrue(again.step("Compare the reviewed plan with what main would apply").log()
        .contains("Main has nothing to apply"), again.log());
    assertEquals("skipped", again.step("Apply").outcome());
  }

  /**
   * Without a plan role: the pull request is planned against the base branch's snapshot, and
   * that plan is what main would apply against live IAM (the snapshot is current), so it applies.
   */
  @Test
  void aPlanAgainstTheBaseSnapshotIsAppliedOnMerge() throws Exception {
    String base = mainWithSnapshot();
    git("checkout", "-q", "-b", "add-admin");
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK + ADMIN);
    String head = commit("Add a break-glass role");
    String merge = mergeRef(1, "add-admin");
    JobRunner.Job plan = new JobRunner("plan.yml", planRun("161", base, head, merge, false)).run("plan");
    assertTrue(plan.succeeded(), plan.log());
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    JobRunner.Job apply = new JobRunner("apply.yml", applyRun("261", rev("HEAD"), "161")).run("apply");
    assertTrue(apply.succeeded(), apply.log());
    assertTrue(roleExists("break-glass-admin"), apply.log());
  }

  /**
   * Issue 17, point 3: main would apply something other than the reviewed plan, so nothing is
   * applied and the job says to plan again: (a) another change reached main after the plan, (b)
   * live IAM changed after the plan, (c) the plan file was edited.
   */
  @Test
  void applyOnMergeRefusesWhenMainWouldApplySomethingElse() throws Exception {
    Reviewed pr = reviewedLivePlan("131");
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    String merged = rev("HEAD");

    // (a) a later commit on main adds a role no one reviewed in this pull request
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK + ADMIN
        + "  unreviewed:\n    trustPolicy:\n      Version: \"2012-10-17\"\n      Statement:\n"
        + "        - {Effect: Allow, Principal: {AWS: \"arn:aws:iam::888888888888:root\"}, Action: sts:AssumeRole}\n");
    String later = commit("Another change");
    refusedAndNothingApplied(new JobRunner("apply.yml", applyRun("231", later, pr.runId)).run("apply"));
    git("reset", "-q", "--hard", merged);

    // (b) live IAM changed after the plan: app-task's description was set by hand
    try (IamClient iam = moto.iam()) {
      iam.updateRole(r -> r.roleName("app-task").description("changed by hand"));
    }
    refusedAndNothingApplied(new JobRunner("apply.yml", applyRun("232", merged, pr.runId)).run("apply"));
    try (IamClient iam = moto.iam()) {
      iam.updateRole(r -> r.roleName("app-task").description(""));
    }

    // (c) the plan file was edited after review: the new role trusts another account
    Path file = artifacts.resolve(pr.runId).resolve("plan-ecs-platform/plan.json");
    Files.writeString(file, Files.readString(file).replace("999999999999", "777777777777"));
    refusedAndNothingApplied(new JobRunner("apply.yml", applyRun("233", merged, pr.runId)).run("apply"));
  }

  /**
   * Issue 16 in the workflow: with ROLECTL_PLAN_KEY set, {@code apply PLANFILE} refuses a plan
   * saved without a key, even when its changes are exactly main's (the comparison passes, the
   * Apply step fails on the signature and nothing is applied).
   */
  @Test
  void applyOnMergeRefusesAnUnsignedPlan() throws Exception {
    refusedAtApply(reviewedLivePlan("141", ""), "not signed, and a plan key");
  }

  /** As above: a plan signed with another key is refused. */
  @Test
  void applyOnMergeRefusesAPlanSignedWithAnotherKey() throws Exception {
    refusedAtApply(reviewedLivePlan("142", OTHER_KEY), "NOT with the plan key that is set");
  }

  private void refusedAtApply(Reviewed pr, String why) throws Exception {
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    JobRunner.Job apply = new JobRunner("apply.yml", applyRun("2" + pr.runId, rev("HEAD"), pr.runId)).run("apply");
    assertFalse(apply.succeeded(), apply.log());
    assertEquals("success", apply.step("Compare the reviewed plan with what main would apply").outcome(), apply.log());
    assertEquals("failure", apply.step("Apply").outcome(), apply.log());
    assertTrue(apply.step("Apply").log().contains(why), apply.log());
    assertFalse(roleExists("break-glass-admin"), apply.log());
  }

  // ---------------------------------------------------------------- the effective-access gate

  /**
   * Issue 20 in the workflow: with ROLECTL_REQUIRE_APPROVAL=broadening the reviewed plan (a role
   * another account may assume, with every permission) is not applied: the Apply step exits 4
   * and says the plan grants new access, its digest (the one the plan comment shows) and how to
   * approve it. Then, as the reviewer does, ROLECTL_APPROVED_DIGEST is set to that digest and the
   * job re-run: it applies.
   */
  @Test
  void theGateHoldsABroadeningPlanUntilItsDigestIsApproved() throws Exception {
    Reviewed pr = reviewedLivePlan("171");
    String commented = commentDigest(pr.runId);
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    String main = rev("HEAD");

    JobRunner.Job held = new JobRunner("apply.yml", applyRun("271", main, pr.runId)
        .var("ROLECTL_REQUIRE_APPROVAL", "broadening")).run("apply");
    assertFalse(held.succeeded(), held.log());
    JobRunner.Step step = held.step("Apply");
    assertEquals("failure", step.outcome(), held.log());
    assertTrue(step.log().contains("::error::The plan of stack ecs-platform grants new access")
        && step.log().contains("nothing was applied (exit 4). Plan digest: " + commented + ".")
        && step.log().contains("sets the repository variable ROLECTL_APPROVED_DIGEST to this digest")
        && step.log().contains("re-runs this job"), step.log());
    assertTrue(summary(held).contains("Plan digest: " + commented), summary(held));
    assertFalse(roleExists("break-glass-admin"), "nothing applied:\n" + held.log());

    JobRunner.Job approved = new JobRunner("apply.yml", applyRun("272", main, pr.runId)
        .var("ROLECTL_REQUIRE_APPROVAL", "broadening").var("ROLECTL_APPROVED_DIGEST", commented)).run("apply");
    assertTrue(approved.succeeded(), approved.log());
    assertTrue(roleExists("break-glass-admin"), approved.log());
  }

  /**
   * An approval names one plan: the digest of another plan (the same pull request, but trusting
   * another account) does not approve this one. The Apply step exits 4, says the approved digest
   * names another plan, and nothing is applied.
   */
  @Test
  void theGateRefusesTheDigestOfAnotherPlan() throws Exception {
    Reviewed pr = reviewedLivePlan("181");
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    String main = rev("HEAD");
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("stack.yaml"), HEADER + APP_TASK + ADMIN.replace("999999999999", "777777777777"));
    TestCli.Run planned = TestCli.run(moto.env(), "plan", other.toString(), "--target", "aws", "--format", "json");
    String otherDigest = new ObjectMapper().readTree(planned.out()).path("digest").asText();
    assertTrue(otherDigest.matches("sha256:[0-9a-f]{64}") && !otherDigest.equals(commentDigest(pr.runId)), planned::toString);

    JobRunner.Job refused = new JobRunner("apply.yml", applyRun("281", main, pr.runId)
        .var("ROLECTL_REQUIRE_APPROVAL", "broadening").var("ROLECTL_APPROVED_DIGEST", otherDigest)).run("apply");
    assertFalse(refused.succeeded(), refused.log());
    JobRunner.Step step = refused.step("Apply");
    assertEquals("failure", step.outcome(), refused.log());
    assertTrue(step.log().contains("--approve-broadening " + otherDigest + " names another plan")
        && step.log().contains("ROLECTL_APPROVED_DIGEST (" + otherDigest + ") names another plan")
        && step.log().contains("Plan digest: " + commentDigest(pr.runId) + "."), step.log());
    assertFalse(roleExists("break-glass-admin"), "nothing applied:\n" + refused.log());
  }

  /** The digest the pull request's plan comment shows ("Plan digest: sha256:..."). */
  private String commentDigest(String runId) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Plan digest: `?(sha256:[0-9a-f]{64})")
        .matcher(artifact(runId, "plan-ecs-platform", "plan.md"));
    assertTrue(m.find(), artifact(runId, "plan-ecs-platform", "plan.md"));
    return m.group(1);
  }

  private static String summary(JobRunner.Job job) throws IOException {
    Path file = job.workspace().resolveSibling("temp").resolve("summary.md");
    return Files.isRegularFile(file) ? Files.readString(file) : "";
  }

  /**
   * Exit 3: the pull request creates a role and deletes the ECS infrastructure role while a
   * blue/green deployment uses it (ECS on the loopback endpoint). Its plan comment says blocked;
   * on merge the create is applied, the delete waits ROLECTL_WAIT_FOR_DEPLOYMENTS and is refused,
   * and the job fails naming the deployment and how to re-run. Once the deployment is over, the
   * re-run applies what is left of the reviewed plan (and only that).
   */
  @Test
  void aBlockedApplyExitsThreeAndARerunAppliesWhatIsLeft() throws Exception {
    EcsApiFixture fx = new EcsApiFixture(moto, ecs);
    fx.seedRole();
    Path full = InterlockStacks.full(dir);
    write("stacks/ecs-platform/stack.yaml", Files.readString(full));
    String base = commit("The ECS infrastructure role");
    ObjectNode web = fx.web("us-east-1");
    String deployment = fx.deployment("us-east-1", web, "IN_PROGRESS", "BAKE_TIME");
    git("checkout", "-q", "-b", "add-admin");
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK);
    String head = commit("Replace the infrastructure role with a task role");
    String merge = mergeRef(1, "add-admin");
    Map<String, String> env = fx.env();

    JobRunner.Job plan = new JobRunner("plan.yml", planRun("151", base, head, merge, true).aws(env)).run("plan");
    assertTrue(plan.succeeded(), plan.log());
    assertEquals("3", plan.step("Plan").outputs().get("exitcode"), plan.log());
    String comment = artifact("151", "plan-ecs-platform", "plan.md");
    assertTrue(comment.contains("#### Blocked") && comment.contains("**Live state:** live IAM, read with the read-only role `"
        + PLAN_ROLE + "`"), comment);

    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "add-admin");
    String main = rev("HEAD");
    JobRunner.Job blocked = new JobRunner("apply.yml", applyRun("251", main, "151").aws(env)
        .var("ROLECTL_WAIT_FOR_DEPLOYMENTS", "2s")).run("apply");
    assertFalse(blocked.succeeded(), blocked.log());
    String log = blocked.step("Apply").log();
    assertTrue(log.contains("is blocked by a safety rule (exit 3) after waiting 2s")
        && log.contains(deployment) && log.contains("re-run this job"), log);
    assertTrue(roleExists("app-task") && roleExists(EcsSeed.ROLE), "the create was made, the delete was not");

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    JobRunner.Job rerun = new JobRunner("apply.yml", applyRun("252", main, "151").aws(env)
        .var("ROLECTL_WAIT_FOR_DEPLOYMENTS", "2s")).run("apply");
    assertTrue(rerun.succeeded(), rerun.log());
    assertTrue(rerun.step("Compare the reviewed plan with what main would apply").log()
        .contains("change(s) of the reviewed plan are left (the others were applied)"), rerun.log());
    assertFalse(roleExists(EcsSeed.ROLE), rerun.log());
    fx.assertNoModelViolations();
  }

  // ---------------------------------------------------------------- between pull requests

  /**
   * refresh.yml's shell steps: the snapshot job sees no change while IAM is as snapshots/ says and
   * a change once a role is edited by hand (then uploads the new snapshot); the drift job reports
   * "none", then "drift" with the plan that would undo it.
   */
  @Test
  void theNightlyJobsSeeAChangedAccount() throws Exception {
    mainWithSnapshot();
    String main = rev("HEAD");
    JobRunner.Job same = new JobRunner("refresh.yml", nightly("301", main)).run("snapshot");
    assertTrue(same.succeeded(), same.log());
    assertEquals("false", same.outputs().get("changed"), same.log());
    JobRunner.Job none = new JobRunner("refresh.yml", nightly("302", main)).run("drift");
    assertTrue(none.succeeded(), none.log());
    assertEquals("none", artifact("302", "drift-ecs-platform", "status").strip());

    try (IamClient iam = moto.iam()) {
      iam.updateRole(r -> r.roleName("app-task").description("changed by hand"));
    }
    JobRunner.Job changed = new JobRunner("refresh.yml", nightly("303", main)).run("snapshot");
    assertTrue(changed.succeeded(), changed.log());
    assertEquals("true", changed.outputs().get("changed"), changed.log());
    assertTrue(artifact("303", "snapshot", "account.json").contains("changed by hand"));
    JobRunner.Job drift = new JobRunner("refresh.yml", nightly("304", main)).run("drift");
    assertTrue(drift.succeeded(), drift.log());
    assertEquals("drift", artifact("304", "drift-ecs-platform", "status").strip());
    String report = artifact("304", "drift-ecs-platform", "plan.md");
    assertTrue(report.startsWith("<!-- rolectl:plan stack=ecs-platform target=aws -->") && report.contains("1 to update"), report);
  }

  // ---------------------------------------------------------------- helpers

  private record Reviewed(String runId, String merge) {}

  /** main with app-task applied to moto; a pull request adding the admin role, planned live. */
  private Reviewed reviewedLivePlan(String runId) throws Exception {
    return reviewedLivePlan(runId, PLAN_KEY);
  }

  private Reviewed reviewedLivePlan(String runId, String planKey) throws Exception {
    String base = mainApplied();
    git("checkout", "-q", "-b", "add-admin");
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK + ADMIN);
    String head = commit("Add a break-glass role");
    String merge = mergeRef(1, "add-admin");
    JobRunner.Job plan = new JobRunner("plan.yml", planRun(runId, base, head, merge, true)
        .secret("ROLECTL_PLAN_KEY", planKey)).run("plan");
    assertTrue(plan.succeeded(), plan.log());
    assertTrue(Files.isRegularFile(artifacts.resolve(runId).resolve("plan-ecs-platform/plan.json")), plan.log());
    assertFalse(roleExists("break-glass-admin"), "planning changes nothing");
    return new Reviewed(runId, merge);
  }

  private void refusedAndNothingApplied(JobRunner.Job apply) {
    assertFalse(apply.succeeded(), apply.log());
    JobRunner.Step compare = apply.step("Compare the reviewed plan with what main would apply");
    assertEquals("failure", compare.outcome(), apply.log());
    assertTrue(compare.log().contains("main would apply something other than the plan reviewed in pull request #1")
        && compare.log().contains("Plan again"), compare.log());
    assertEquals("skipped", apply.step("Apply").outcome());
    assertFalse(roleExists("break-glass-admin"), "nothing applied:\n" + apply.log());
  }

  /** main: app-task, applied to moto. */
  private String mainApplied() throws Exception {
    write("stacks/ecs-platform/stack.yaml", HEADER + APP_TASK);
    TestCli.Run applied = TestCli.run(moto.env(), "apply", origin.resolve("stacks/ecs-platform").toString(),
        "--target", "aws", "--auto-approve");
    assertEquals(0, applied.exit(), applied::toString);
    return commit("The ecs-platform stack");
  }

  /** main: app-task applied, and snapshots/account.json taken from moto. */
  private String mainWithSnapshot() throws Exception {
    mainApplied();
    TestCli.Run snap = TestCli.run(moto.env(), "snapshot", "--out", origin.resolve("snapshots/account.json").toString());
    assertEquals(0, snap.exit(), snap::toString);
    return commit("Snapshot");
  }

  private RunContext planRun(String runId, String base, String head, String merge, boolean live) {
    RunContext c = new RunContext(dir.resolve("runs"), origin, artifacts).run(runId, merge, merge)
        .pullRequest(1, base, head)
        .var("ROLECTL_URL", archiveUrl).var("ROLECTL_SHA256", sha256)
        .secret("ROLECTL_PLAN_KEY", PLAN_KEY).matrix("stack", STACK);
    if (live) {
      c.var("ROLECTL_PLAN_ROLE_ARN", PLAN_ROLE).aws(moto.env());
    }
    return c;
  }

  private RunContext applyRun(String runId, String sha, String planRun) {
    return new RunContext(dir.resolve("runs"), origin, artifacts).run(runId, sha, sha)
        .var("ROLECTL_URL", archiveUrl).var("ROLECTL_SHA256", sha256)
        .var("ROLECTL_APPLY_ROLE_ARN", APPLY_ROLE).secret("ROLECTL_PLAN_KEY", PLAN_KEY)
        .matrix("stack", STACK).aws(moto.env())
        .needs("reviewed-plan", Map.of("run-id", planRun, "pull-request", "1"));
  }

  private RunContext nightly(String runId, String sha) {
    return new RunContext(dir.resolve("runs"), origin, artifacts).run(runId, sha, sha)
        .var("ROLECTL_URL", archiveUrl).var("ROLECTL_SHA256", sha256)
        .var("ROLECTL_PLAN_ROLE_ARN", PLAN_ROLE).matrix("stack", STACK).aws(moto.env());
  }

  private String artifact(String runId, String name, String file) throws IOException {
    return Files.readString(artifacts.resolve(runId).resolve(name).resolve(file));
  }

  private boolean roleExists(String name) {
    try (IamClient iam = moto.iam()) {
      iam.getRole(r -> r.roleName(name));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  /** refs/pull/N/merge: the pull request merged into main, as GitHub makes it for a run. */
  private String mergeRef(int number, String branch) throws Exception {
    git("checkout", "-q", "--detach", "main");
    git("merge", "-q", "--no-ff", "-m", "Merge " + branch + " into main", branch);
    String merge = rev("HEAD");
    git("update-ref", "refs/pull/" + number + "/merge", merge);
    git("checkout", "-q", branch);
    return merge;
  }

  private void write(String path, String content) throws IOException {
    Path p = origin.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private String commit(String message) throws Exception {
    git("add", "-A");
    git("commit", "-q", "-m", message);
    return rev("HEAD");
  }

  private String rev(String ref) throws Exception {
    return git("rev-parse", ref).strip();
  }

  private String git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(Map.of("GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@example.com",
        "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.com", "GIT_CONFIG_NOSYSTEM", "1"));
    dev.rolectl.cli.CliRun r = RolectlProcess.runCommand(origin, env, command);
    assertEquals(0, r.exitCode(), "git " + String.join(" ", args) + ": " + r.out() + r.err());
    return r.out();
  }
}
