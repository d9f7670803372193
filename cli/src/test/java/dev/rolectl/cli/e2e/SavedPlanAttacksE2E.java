package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.ResolvedStack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Issue 16's attacks on saved plans, each as it was reported and as an attacker would redo it
 * against the fix (the file edited so that it reads well), on moto while the ECS service {@code
 * web} deploys with the infrastructure role ({@link SavedPlanScenario}): the show/apply mismatch
 * that made {@code deployer} an administrator, an administrator role injected into a "No changes"
 * plan, a plan forged offline against an empty {@code local:} file, a Deny-all inline policy on
 * the infrastructure role during the deployment, a trust change through a create that meets the
 * role, and the delete of a protected role. The CLI reaches moto through {@link IamRulesProxy},
 * which records every IAM call: none of these writes anything but the apply lock.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class SavedPlanAttacksE2E {
  static final String KEY = "issue-16-attacks-plan-key-0123456789abcdef";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  @TempDir Path dir;
  Moto moto;
  IamRulesProxy proxy;

  @BeforeEach
  void seed(Moto moto) throws Exception {
    this.moto = moto;
    SavedPlanScenario.seed(moto);
    proxy = new IamRulesProxy(moto);
  }

  @AfterEach
  void close() {
    proxy.close();
  }

  private TestCli.Run rolectl(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(proxy.env());
    env.putAll(extra);
    return TestCli.run(env, args);
  }

  private TestCli.Run rolectl(String... args) {
    return rolectl(Map.of(), args);
  }

  /** {@code plan STACK --out FILE} with the exit code expected (3 for a blocked plan). */
  private Path plan(Path stack, String name, int exit, Map<String, String> extra) {
    Path out = dir.resolve(name);
    TestCli.Run r = rolectl(extra, "plan", stack.toString(), "--out", out.toString());
    assertEquals(exit, r.exit(), r::toString);
    return out;
  }

  /** Applies {@code file}: refused (exit 1, or 3 where a safety rule refuses), no IAM write. */
  private TestCli.Run refused(Path file, int exit, String message, Map<String, String> extra) {
    proxy.clearCalls();
    TestCli.Run r = rolectl(extra, "apply", file.toString());
    assertEquals(exit, r.exit(), r::toString);
    assertTrue((r.err() + r.out()).contains(message), () -> "expected '" + message + "' in\n" + r);
    assertEquals(List.of(), SavedPlanScenario.writes(proxy), "no IAM write: " + r);
    return r;
  }

  private TestCli.Run refused(Path file, int exit, String message) {
    return refused(file, exit, message, Map.of());
  }

  /** A copy of the saved stack with {@code more} appended under {@code roles:} or at the end. */
  private Path stackWith(String name, String from, String to) throws Exception {
    String yaml = Files.readString(SavedPlanScenario.stack(dir));
    assertTrue(yaml.contains(from), from);
    return StackFiles.write(dir.resolve(name), yaml.replace(from, to));
  }

  static ObjectNode tree(Path file) throws Exception {
    return (ObjectNode) PlanEdits.JSON.readTree(file.toFile());
  }

  static Path write(Path file, JsonNode tree) throws Exception {
    Files.writeString(file, PlanEdits.JSON.writeValueAsString(tree));
    return file;
  }

  static ObjectNode change(JsonNode plan, String address) {
    for (JsonNode c : plan.get("changes")) {
      if (c.get("address").asText().equals(address)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no change " + address + " in " + plan.get("changes"));
  }

  /**
   * The attacker's edit done well: the changes (and what follows from them) of a plan of another
   * stack, under the resolved stack and digest of the reviewed plan, so that the file reads as
   * rolectl writes it.
   */
  static ObjectNode spliced(Path reviewed, Path other) throws Exception {
    ObjectNode out = tree(other);
    ObjectNode original = tree(reviewed);
    out.set("resolvedStack", original.get("resolvedStack"));
    out.set("stackHash", original.get("stackHash"));
    return out;
  }

  private String policyDocument() {
    try (IamClient iam = moto.iam()) {
      String version = iam.getPolicy(r -> r.policyArn(SavedPlanScenario.DEPLOY_PASS)).policy()
          .defaultVersionId();
      return URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(SavedPlanScenario.DEPLOY_PASS)
          .versionId(version)).policyVersion().document(), StandardCharsets.UTF_8);
    }
  }

  private boolean roleExists(String name) {
    try (IamClient iam = moto.iam()) {
      iam.getRole(r -> r.roleName(name));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  /** Attack 1: show renders a narrowing, apply ran Action * on * for deployer. */
  @Test
  void aPlanShowingANarrowingThatGrantsEverythingToDeployerIsRefused() throws Exception {
    Path reviewed = plan(SavedPlanScenario.stack(dir), "reviewed.json", 0, Map.of());
    String was = policyDocument();

    // as reported: after made an administrator's document, diffs left as reviewed
    ObjectNode edited = tree(reviewed);
    ObjectNode stmt = (ObjectNode) change(edited, "policies.deploy-pass").get("after")
        .get("document").get("Statement").get(0);
    stmt.put("Action", "*").put("Resource", "*").remove("Condition");
    Path asReported = write(dir.resolve("as-reported.json"), edited);
    TestCli.Run show = rolectl("show", asReported.toString());
    assertEquals(1, show.exit(), "show refuses to render what apply would not run: " + show);
    assertTrue(show.err().contains(".diffs[0].after.Statement[0].Action: the file has"), show::toString);
    refused(asReported, 1, ".diffs[0].after.Statement[0].Action: the file has");

    // done well: the changes of a plan that grants everything, under the reviewed stack
    Path admin = stackWith("admin.yaml", "Action: iam:PassRole\n          Resource: ${roles."
        + EcsSeed.ROLE + ".arn}\n          Condition: {StringEquals: {iam:PassedToService:"
        + " ecs.amazonaws.com}}", "Action: \"*\"\n          Resource: \"*\"");
    Path forged = write(dir.resolve("forged.json"),
        spliced(reviewed, plan(admin, "admin.json", 0, Map.of())));
    TestCli.Run shown = rolectl("show", forged.toString());
    assertEquals(0, shown.exit(), "it reads well, and shows what it claims: " + shown);
    assertTrue(shown.out().contains("\"*\""), shown::toString);
    refused(forged, 1, "the saved plan does not match what its stack makes against live IAM now:"
        + " changes[0] (policies.deploy-pass).");
    assertEquals(was, policyDocument(), "deployer's policy is as it was");

    // with a plan key the forger does not have, refused before anything is read
    Path signed = plan(SavedPlanScenario.stack(dir), "signed.json", 0, Map.of("ROLECTL_PLAN_KEY", KEY));
    ObjectNode resigned = spliced(signed, dir.resolve("admin.json"));
    Path unsigned = write(dir.resolve("unsigned.json"), resigned);
    proxy.clearCalls();
    refused(unsigned, 1, "not signed, and a plan key", Map.of("ROLECTL_PLAN_KEY", KEY));
    assertEquals(List.of(), proxy.calls(), "not a single IAM call");
  }

  /** Attack 2: a role trusted by another account with AdministratorAccess, in a no-op plan. */
  @Test
  void anAdministratorRoleInjectedIntoANoChangesPlanIsRefused() throws Exception {
    Path reviewed = upToDate();
    assertTrue(rolectl("show", reviewed.toString()).out().contains("No changes"));

    ObjectNode asReported = tree(reviewed);
    ((ArrayNode) asReported.get("changes")).add(PlanEdits.injectedAdmin());
    refused(write(dir.resolve("injected.json"), asReported), 1, "summary.create: the file has 0");

    Path backdoor = stackWith("backdoor.yaml", "  keeper:\n", "  backdoor:\n    trustPolicy:"
        + " {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS:"
        + " \"arn:aws:iam::999999999999:root\"}, Action: \"sts:AssumeRole\"}]}\n"
        + "    managedPolicies: [" + ADMIN + "]\n  keeper:\n");
    Path forged = write(dir.resolve("forged.json"),
        spliced(reviewed, plan(backdoor, "backdoor.json", 0, Map.of())));
    refused(forged, 1, "the saved plan does not match what its stack makes against live IAM now");
    assertFalse(roleExists("backdoor"), "no role was created");
  }

  /** Attack 3: planned against an empty local: file, edited for the account, applied there. */
  @Test
  void aPlanForgedOfflineAgainstAnEmptyLocalFileIsRefusedInTheAccount() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"AccountId\": \"111111111111\"}");
    Path backdoor = StackFiles.write(dir.resolve("offline.yaml"), "apiVersion: rolectl/v1\nstack: "
        + SavedPlanScenario.STACK + "\nroles:\n  backdoor:\n    trustPolicy: {Version:"
        + " \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS:"
        + " \"arn:aws:iam::999999999999:root\"}, Action: \"sts:AssumeRole\"}]}\n"
        + "    managedPolicies: [" + ADMIN + "]\n    description: in ${aws.accountId}\n");
    Path offline = dir.resolve("offline.json");
    TestCli.Run made = TestCli.run(Map.of(), "plan", backdoor.toString(), "--target",
        "local:" + empty, "--out", offline.toString());
    assertEquals(0, made.exit(), made::toString);

    // as reported: accountId and target edited
    ObjectNode asReported = tree(offline);
    asReported.put("accountId", Moto.ACCOUNT_ID).put("target", "aws");
    refused(write(dir.resolve("as-reported.json"), asReported), 1, "the plan is for account "
        + Moto.ACCOUNT_ID + " but its stack was resolved for account 111111111111");

    // done well: the stack resolved for the account too, its digest made again; the fingerprint
    // of a stack that does not exist yet names the account it was computed in
    Plan local = PlanFile.read(Files.readString(offline));
    Stack s = local.resolved().stack();
    ResolvedStack moved = new ResolvedStack(new Stack(s.name(), s.account(), Moto.ACCOUNT_ID,
        s.partition(), s.tags(), s.resources(), s.settings(), s.sourceMap()), false);
    Plan forged = new Plan(local.formatVersion(), local.stack(), moved.digest(),
        local.liveFingerprint(), Moto.ACCOUNT_ID, "aws", local.createdAt(), local.changes(),
        local.ecs(), local.snapshotTakenAt(), local.diagnostics(), moved);
    Path wellForged = Files.writeString(dir.resolve("forged.json"), PlanFile.write(forged));
    refused(wellForged, 1, "stale plan: live IAM changed since the plan was made");
    assertFalse(roleExists("backdoor"), "no role was created");
    refused(wellForged, 1, "not signed, and a plan key", Map.of("ROLECTL_PLAN_KEY", KEY));
  }

  /** Applies the scenario's stack: then a plan of another stack holds only the other changes. */
  private Path upToDate() {
    TestCli.Run applied = rolectl("apply", SavedPlanScenario.stack(dir).toString(), "--auto-approve");
    assertEquals(0, applied.exit(), applied::toString);
    return plan(SavedPlanScenario.stack(dir), "reviewed.json", 0, Map.of());
  }

  /** Attack 4, interlock: a Deny-all inline policy on the infrastructure role while it deploys. */
  @Test
  void aDenyAllOnTheInfrastructureRoleDuringADeploymentIsRefused() throws Exception {
    Path reviewed = upToDate();
    InterlockIam before = InterlockIam.read(moto).orElseThrow();
    Path denyAll = stackWith("deny.yaml", "    tags: {team: platform}\n", "    tags: {team:"
        + " platform}\n    inlinePolicies:\n      deny-all: {Version: \"2012-10-17\", Statement:"
        + " [{Effect: Deny, Action: \"*\", Resource: \"*\"}]}\n");
    Path blocked = plan(denyAll, "deny.json", 3, Map.of());

    // as reported: the create given impact broadening and no verdicts, so apply did not re-check it
    ObjectNode asReported = tree(blocked);
    for (JsonNode c : asReported.get("changes")) {
      ((ObjectNode) c).putArray("verdicts");
    }
    asReported.put("blocked", false);
    change(asReported, "roles." + EcsSeed.ROLE + ".inlinePolicies.deny-all").put("impact", "broadening");
    refused(write(dir.resolve("as-reported.json"), asReported), 1,
        "impact broadening is not what the change does (narrowing)");
    refused(write(dir.resolve("spliced.json"), spliced(reviewed, blocked)), 1,
        "the saved plan does not match what its stack makes against live IAM now");

    // done well: the plan of that stack with its verdicts taken out; the re-check at apply blocks
    change(asReported, "roles." + EcsSeed.ROLE + ".inlinePolicies.deny-all").put("impact", "narrowing");
    TestCli.Run r = refused(write(dir.resolve("no-verdicts.json"), asReported), 3, "ecs-role-narrowing");
    assertTrue(r.out().contains("rollout IN_PROGRESS") || r.out().contains("IN_PROGRESS"), r::toString);
    assertEquals(before, InterlockIam.read(moto).orElseThrow(), "the role is as it was");
  }

  /** Attack 4, interlock: a trust change that reached the role through a create. */
  @Test
  void aTrustChangeThroughACreateThatMeetsTheRoleIsRefused() throws Exception {
    Path reviewed = plan(SavedPlanScenario.stack(dir), "reviewed.json", 0, Map.of());
    InterlockIam before = InterlockIam.read(moto).orElseThrow();
    ObjectNode edited = tree(reviewed);
    ObjectNode infra = change(edited, "roles." + EcsSeed.ROLE);
    infra.put("action", "create").put("impact", "broadening").putNull("before");
    infra.putArray("diffs");
    ((ObjectNode) infra.get("after").get("trustPolicy").get("Statement").get(0).get("Principal"))
        .put("Service", "ec2.amazonaws.com");
    ObjectNode summary = (ObjectNode) edited.get("summary");
    summary.put("create", summary.get("create").asInt() + 1).put("update", summary.get("update").asInt() - 1);
    refused(write(dir.resolve("create.json"), PlanEdits.consistent(edited)), 1, "(roles." + EcsSeed.ROLE + ").action: the"
        + " file has \"create\", planning now gives \"update\"");
    assertEquals(before, InterlockIam.read(moto).orElseThrow(), "trust and policy as they were");

    // the race itself: the role is made (tagged as the stack's, trusted by ECS) right before the
    // plan's CreateRole reaches IAM; the create fails and does nothing to it
    Path late = stackWith("late.yaml", "  keeper:\n", "  late:\n    trustPolicy: "
        + SavedPlanScenario.TASKS_TRUST + "\n  keeper:\n");
    Path withLate = plan(late, "late.json", 0, Map.of());
    proxy.onceBefore("CreateRole", () -> {
      try (IamClient iam = moto.iam()) {
        iam.createRole(x -> x.roleName("late").assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST)
            .tags(t -> t.key("rolectl:stack").value(SavedPlanScenario.STACK)));
      }
    });
    proxy.clearCalls();
    TestCli.Run r = rolectl("apply", withLate.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("role late exists already (tagged rolectl:stack="
        + SavedPlanScenario.STACK + ") and is not the role this plan creates: its trust policy"
        + " differs"), r::toString);
    assertFalse(proxy.calls().stream().anyMatch(c -> c.startsWith("UpdateAssumeRolePolicy")),
        "no trust change: " + proxy.calls());
    try (IamClient iam = moto.iam()) {
      assertTrue(URLDecoder.decode(iam.getRole(x -> x.roleName("late")).role()
          .assumeRolePolicyDocument(), StandardCharsets.UTF_8).contains("ecs.amazonaws.com"));
    }
  }

  /** Attack 4, protect: the delete of a protected role. */
  @Test
  void deletingAProtectedRoleIsRefused() throws Exception {
    Path reviewed = upToDate();
    ObjectNode edited = tree(reviewed);
    ObjectNode keeper = change(edited, "roles.keeper");
    keeper.put("action", "delete").put("impact", "narrowing").putNull("after");
    ((ObjectNode) keeper.get("before").get("tags")).remove("rolectl:protect");
    ObjectNode summary = (ObjectNode) edited.get("summary");
    summary.put("delete", summary.get("delete").asInt() + 1).put("no-op", summary.get("no-op").asInt() - 1);
    refused(write(dir.resolve("delete.json"), PlanEdits.consistent(edited)), 1, "(roles.keeper).action: the file has"
        + " \"delete\", planning now gives \"no-op\"");

    // done well: the plan of the stack without the role, its block verdicts taken out
    Path without = stackWith("without.yaml", "  keeper:\n    protect: true\n    trustPolicy: "
        + SavedPlanScenario.TASKS_TRUST + "\n", "");
    ObjectNode gone = tree(plan(without, "without.json", 3, Map.of()));
    for (JsonNode c : gone.get("changes")) {
      ((ObjectNode) c).putArray("verdicts");
    }
    gone.put("blocked", false);
    TestCli.Run r = refused(write(dir.resolve("unprotected.json"), gone), 3,
        "roles.keeper is protected (the live role carries the tag rolectl:protect=true)");
    assertTrue(roleExists("keeper"), "the protected role is still there: " + r);
  }

  /** Without edits, the plan applies, and costs what planning costs plus the writes. */
  @Test
  void theUneditedPlanApplies() throws Exception {
    Path reviewed = plan(SavedPlanScenario.stack(dir), "reviewed.json", 0, Map.of());
    LiveAccount before = SavedPlanScenario.read(moto);
    TestCli.Run r = rolectl("apply", reviewed.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(!before.equals(SavedPlanScenario.read(moto)), "it changed the account");
    assertEquals(0, rolectl("plan", SavedPlanScenario.stack(dir).toString(), "--detailed-exitcode")
        .exit(), "nothing left to do");
  }
}
