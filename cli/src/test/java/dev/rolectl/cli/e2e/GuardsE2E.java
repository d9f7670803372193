package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, cases 1 to 7, each on moto and on a local account file through the CLI: destructive
 * changes only on purpose ({@code protect}), IAM's own rules (case-insensitive names, a policy in
 * use as a boundary, detachments implied by a policy delete), attachments of another stack,
 * access that never dips (order of the apply's JSON lines), roles that trust themselves or each
 * other. Case 8 (one apply at a time) is {@link ApplyLockE2E}.
 *
 * <p>moto is not AWS: it compares names case-sensitively, accepts a trust policy naming a role
 * that does not exist and deletes a policy that is a permissions boundary. The CLI reaches moto
 * through {@link IamRulesProxy}, which stands in for those three rules of IAM (and records the
 * calls, in order); the local target follows the same rules itself.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class GuardsE2E {
  static final String TRUST =
      "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com},"
          + " Action: \"sts:AssumeRole\"}]}";
  static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
  static final String S3_FULL = "arn:aws:iam::aws:policy/AmazonS3FullAccess";
  static final String ACCOUNT = Moto.ACCOUNT_ID;

  private IamRulesProxy proxy;

  @BeforeEach
  void proxy(Moto moto) throws java.io.IOException {
    proxy = new IamRulesProxy(moto);
  }

  @AfterEach
  void closeProxy() {
    proxy.close();
  }

  /** moto behind {@link IamRulesProxy} (IAM's rules that moto lacks), and a local file. */
  List<Side> sides(Moto moto, Path dir) {
    return List.of(proxied(Side.moto(moto), proxy), Side.local(dir.resolve("account.json")));
  }

  /** The CLI goes through the proxy; out-of-band set-up and reads go to moto directly. */
  static Side proxied(Side moto, IamRulesProxy proxy) {
    return new Side() {
      @Override
      public String name() {
        return "moto (IAM rules proxy)";
      }

      @Override
      public String target() {
        return moto.target();
      }

      @Override
      public Map<String, String> env() {
        return proxy.env();
      }

      @Override
      public dev.rolectl.engine.live.TargetOptions targetOptions() {
        return moto.targetOptions();
      }

      @Override
      public void ensurePrincipals(Map<PrincipalType, java.util.Set<String>> principals) {
        moto.ensurePrincipals(principals);
      }

      @Override
      public void createRole(String name, Map<String, String> tags) {
        moto.createRole(name, tags);
      }
    };
  }

  static Path stack(Path dir, String file, String yaml) {
    return StackFiles.write(dir.resolve(file), "apiVersion: rolectl/v1\n" + yaml);
  }

  static void outOfBand(Side side, Consumer<IamWriter> change) {
    try (Target t = Targets.open(side.target(), side.targetOptions())) {
      change.accept(t.writer().orElseThrow());
    }
  }

  static TestCli.Run ok(Side side, String... args) {
    TestCli.Run r = side.rolectl(args);
    assertEquals(0, r.exit(), () -> side.name() + ": " + r);
    return r;
  }

  static TestCli.Run exits(int code, Side side, String... args) {
    TestCli.Run r = side.rolectl(args);
    assertEquals(code, r.exit(), () -> side.name() + ": " + r);
    return r;
  }

  static void noChanges(Side side, Path stack) {
    TestCli.Run r = ok(side, "plan", stack.toString(), "--detailed-exitcode");
    assertTrue(r.out().contains("No changes."), () -> side.name() + ": " + r);
  }

  @Test
  void protectBlocksDeleteAndReplaceUntilAnApplyLiftsIt(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      String role = "keep:\n    protect: true\n    trustPolicy: " + TRUST
          + "\n    managedPolicies: [" + S3_READ + "]\n";
      Path v1 = stack(dir, "protect.yaml", "stack: guard-protect\nroles:\n  " + role);
      ok(side, "apply", v1.toString(), "--auto-approve");
      LiveRole created = side.read().roles().get("keep");
      assertEquals("true", created.tags().get("rolectl:protect"), side.name());

      Path moved = stack(dir, "protect-moved.yaml", "stack: guard-protect\nroles:\n  "
          + role.replace("protect: true", "protect: true\n    path: /moved/"));
      TestCli.Run plan = exits(3, side, "plan", moved.toString());
      assertTrue(plan.out().contains("BLOCKED [protected]: roles.keep is protected (it is declared"
          + " with protect: true (" + moved + ":4:3))"), plan::toString);
      exits(3, side, "apply", moved.toString(), "--auto-approve");

      Path gone = stack(dir, "protect-gone.yaml", "stack: guard-protect\n");
      TestCli.Run removed = exits(3, side, "plan", gone.toString());
      assertTrue(removed.out().contains("the live role carries the tag rolectl:protect=true"),
          removed::toString);
      exits(3, side, "apply", gone.toString(), "--auto-approve");
      LiveRole kept = side.read().roles().get("keep");
      assertEquals(created.roleId(), kept.roleId(), side.name() + ": not re-created");
      assertEquals("/", kept.path());
      assertEquals(List.of(S3_READ), kept.attachedPolicyArns(), "a protected role keeps its policies");

      Path lifted = stack(dir, "protect-lifted.yaml", "stack: guard-protect\nroles:\n  "
          + role.replace("protect: true", "protect: false"));
      ok(side, "apply", lifted.toString(), "--auto-approve");
      assertFalse(side.read().roles().get("keep").tags().containsKey("rolectl:protect"));
      ok(side, "apply", gone.toString(), "--auto-approve");
      assertFalse(side.read().roles().containsKey("keep"), side.name());
    }
  }

  @Test
  void namesMatchCaseInsensitively(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      side.createRole("deployrole", Map.of());
      Path theirs = stack(dir, "case.yaml",
          "stack: guard-case\nroles:\n  DeployRole:\n    trustPolicy: " + TRUST + "\n");
      TestCli.Run refused = exits(1, side, "plan", theirs.toString());
      assertTrue(refused.err().contains(theirs + ":4:3: error[not-managed]: roles.DeployRole: it"
          + " exists in the account but rolectl does not manage it"), refused::toString);

      Path lower = stack(dir, "case-ours.yaml",
          "stack: guard-case\nroles:\n  caserole:\n    trustPolicy: " + TRUST + "\n");
      ok(side, "apply", lower.toString(), "--auto-approve");
      Path upper = stack(dir, "case-upper.yaml",
          "stack: guard-case\nroles:\n  CaseRole:\n    trustPolicy: " + TRUST + "\n");
      TestCli.Run plan = exits(2, side, "plan", upper.toString(), "--detailed-exitcode");
      assertTrue(plan.out().contains("its name changes case from caserole to CaseRole"), plan::toString);
      assertTrue(plan.out().contains("1 to replace") || plan.out().contains("replace"), plan::toString);
      ok(side, "apply", upper.toString(), "--auto-approve");
      List<String> names = side.read().roles().keySet().stream()
          .filter(n -> n.equalsIgnoreCase("caserole")).toList();
      assertEquals(List.of("CaseRole"), names, side.name());
      noChanges(side, upper);
    }
  }

  @Test
  void twoStacksDoNotFightOverAnAttachment(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      Path a = stack(dir, "a.yaml", "stack: guard-a\nroles:\n  eks-node:\n    trustPolicy: "
          + TRUST + "\n    managedPolicies: [" + S3_READ + "]\n");
      Path b = stack(dir, "b.yaml", "stack: guard-b\npolicies:\n  node-extras:\n    document:"
          + " {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"s3:GetObject\","
          + " Resource: \"*\"}]}\n    attachTo: {roles: [eks-node]}\n");
      ok(side, "apply", a.toString(), "--auto-approve");
      ok(side, "apply", b.toString(), "--auto-approve");
      noChanges(side, a);
      noChanges(side, b);
      String extras = "arn:aws:iam::" + ACCOUNT + ":policy/node-extras";
      assertEquals(List.of(S3_READ, extras).stream().sorted().toList(),
          side.read().roles().get("eks-node").attachedPolicyArns().stream().sorted().toList());

      Path both = stack(dir, "a-both.yaml", "stack: guard-a\nroles:\n  eks-node:\n    trustPolicy: "
          + TRUST + "\n    managedPolicies: [" + S3_READ + ", " + extras + "]\n");
      TestCli.Run conflict = exits(1, side, "plan", both.toString());
      assertTrue(conflict.err().contains(both + ":6:") && conflict.err().contains("error[attachment-owner]")
          && conflict.err().contains("stack guard-a") && conflict.err().contains("stack guard-b"),
          conflict::toString);
    }
  }

  @Test
  void deletingAPolicyListsItsDetachmentsAndStopsAtABoundaryInUse(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      side.ensurePrincipals(Map.of(PrincipalType.USER, java.util.Set.of("deployer")));
      String doc = " {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"s3:*\", Resource: \"*\"}]}";
      Path v1 = stack(dir, "pol.yaml", "stack: guard-pol\npolicies:\n  deploy-pol:\n    document:"
          + doc + "\n    attachTo: {users: [deployer]}\n  fence:\n    document:" + doc + "\n");
      ok(side, "apply", v1.toString(), "--auto-approve");
      String fence = "arn:aws:iam::" + ACCOUNT + ":policy/fence";
      outOfBand(side, w -> {
        w.createRole(new NewRole("bounded", "/", null, 3600,
            PolicyParser.parseJson(Side.TRUST).document().orElseThrow(), null, Map.of()));
        w.putRolePermissionsBoundary("bounded", fence);
      });

      Path noDeploy = stack(dir, "pol-2.yaml", "stack: guard-pol\npolicies:\n  fence:\n    document:"
          + doc + "\n");
      TestCli.Run plan = exits(2, side, "plan", noDeploy.toString(), "--detailed-exitcode");
      assertTrue(plan.out().contains("policies.deploy-pol.attachTo.users.deployer"), plan::toString);
      assertTrue(plan.out().contains("detached because policies.deploy-pol is deleted"), plan::toString);
      ok(side, "apply", noDeploy.toString(), "--auto-approve");
      LiveAccount after = side.read();
      assertFalse(after.policies().containsKey("deploy-pol"), side.name());

      Path empty = stack(dir, "pol-empty.yaml", "stack: guard-pol\n");
      TestCli.Run refused = exits(1, side, "plan", empty.toString());
      assertTrue(refused.err().contains("policies.fence: error[policy-in-use]: policy " + fence
          + " cannot be deleted: it is the permissions boundary of role bounded"), refused::toString);
      assertFalse(refused.err().contains("(live)"), "no made-up file location: " + refused);
      exits(1, side, "apply", empty.toString(), "--auto-approve");
      assertTrue(side.read().policies().containsKey("fence"), side.name());
      assertEquals(fence, side.read().roles().get("bounded").permissionsBoundaryArn());
    }
  }

  @Test
  void accessNeverDipsWhenPoliciesAreSwapped(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      String send = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"sqs:SendMessage\", Resource: \"*\"}]}";
      String access = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [\"sqs:SendMessage\","
          + " \"sqs:ReceiveMessage\", \"sqs:DeleteMessage\"], Resource: \"*\"}]}";
      Path v1 = stack(dir, "gap.yaml", "stack: guard-gap\nroles:\n  app:\n    trustPolicy: " + TRUST
          + "\n    managedPolicies: [" + S3_READ + "]\n    inlinePolicies:\n      queue-send: " + send + "\n");
      Path v2 = stack(dir, "gap-2.yaml", "stack: guard-gap\nroles:\n  app:\n    trustPolicy: " + TRUST
          + "\n    managedPolicies: [" + S3_FULL + "]\n    inlinePolicies:\n      queue-access: " + access + "\n");
      ok(side, "apply", v1.toString(), "--auto-approve");
      TestCli.Run swapped = ok(side, "apply", v2.toString(), "--auto-approve", "--json");
      List<String> lines = swapped.out().lines().toList();
      List<String> adds = List.of("roles.app.managedPolicies[\\\"" + S3_FULL + "\\\"]",
          "roles.app.inlinePolicies.queue-access");
      List<String> removes = List.of("roles.app.managedPolicies[\\\"" + S3_READ + "\\\"]",
          "roles.app.inlinePolicies.queue-send");
      for (String add : adds) {
        int added = index(lines, "\"change_finished\",\"address\":\"" + add + "\"");
        assertTrue(lines.get(added).contains("\"outcome\":\"done\""), lines.get(added));
        for (String remove : removes) {
          int started = index(lines, "\"change_started\",\"address\":\"" + remove + "\"");
          assertTrue(added < started, () -> side.name() + ": " + add + " must be in place before "
              + remove + " is taken away:\n" + swapped.out());
        }
      }
      if (side.env().equals(proxy.env())) {
        List<String> calls = proxy.calls();
        int lastAdd = Math.max(
            callIndex(calls, "AttachRolePolicy RoleName=app PolicyArn=" + S3_FULL),
            callIndex(calls, "PutRolePolicy RoleName=app PolicyName=queue-access"));
        int firstRemove = Math.min(
            callIndex(calls, "DetachRolePolicy RoleName=app PolicyArn=" + S3_READ),
            callIndex(calls, "DeleteRolePolicy RoleName=app PolicyName=queue-send"));
        assertTrue(lastAdd < firstRemove, () -> "IAM calls in the order moto got them: " + calls);
      }
      LiveRole app = side.read().roles().get("app");
      assertEquals(List.of(S3_FULL), app.attachedPolicyArns());
      assertEquals(java.util.Set.of("queue-access"), app.inlinePolicies().keySet());
    }
  }

  static int callIndex(List<String> calls, String call) {
    int i = calls.indexOf(call);
    assertTrue(i >= 0, () -> "no call " + call + " in " + calls);
    return i;
  }

  static int index(List<String> lines, String fragment) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + fragment + " in\n" + String.join("\n", lines));
  }

  @Test
  void rolesTrustingThemselvesOrEachOtherAreCreatedInTwoPhases(Moto moto, @TempDir Path dir) {
    for (Side side : sides(moto, dir)) {
      String trusting = "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS: \"${roles.%s.arn}\"},"
          + " Action: \"sts:AssumeRole\"}]}";
      Path s = stack(dir, "trust.yaml", "stack: guard-trust\nroles:\n"
          + "  selfish:\n    trustPolicy: " + trusting.formatted("selfish") + "\n"
          + "  ping:\n    trustPolicy: " + trusting.formatted("pong") + "\n"
          + "  pong:\n    trustPolicy: " + trusting.formatted("ping") + "\n");
      TestCli.Run valid = TestCli.run(Map.of(), "validate", s.toString());
      assertEquals(0, valid.exit(), valid::toString);
      TestCli.Run plan = exits(2, side, "plan", s.toString(), "--detailed-exitcode");
      assertTrue(plan.out().contains("roles.selfish.trustPolicy") && plan.out().contains("two phases"),
          plan::toString);
      Path saved = dir.resolve("trust-plan-" + side.target().length() + ".json");
      exits(2, side, "plan", s.toString(), "--out", saved.toString(), "--detailed-exitcode");
      ok(side, "apply", saved.toString()); // the saved plan keeps both phases
      LiveAccount live = side.read();
      assertTrue(PolicyParser.toJson(live.roles().get("selfish").trustPolicy())
          .contains("arn:aws:iam::" + ACCOUNT + ":role/selfish"), side.name());
      assertTrue(PolicyParser.toJson(live.roles().get("ping").trustPolicy())
          .contains("arn:aws:iam::" + ACCOUNT + ":role/pong"), side.name());
      noChanges(side, s);
    }
  }

  /**
   * The three IAM rules moto lacks, through the engine's writer: the local target and the proxy
   * (standing in for IAM in front of moto) refuse them alike.
   */
  @Test
  void theLocalTargetAndTheProxyRefuseWhatIamRefuses(Moto moto, @TempDir Path dir) {
    Target local = Targets.open("local:" + dir.resolve("iam-rules.json"), null);
    Target aws = Targets.open("aws", moto.targetOptions().withEndpoint(proxy.endpoint()));
    for (Target t : List.of(local, aws)) {
      try (t) {
        IamWriter w = t.writer().orElseThrow();
        var trust = PolicyParser.parseJson(Side.TRUST).document().orElseThrow();
        w.createRole(new NewRole("deployrole", "/", null, 3600, trust, null, Map.of()));
        assertEquals("EntityAlreadyExists", refused(() -> w.createRole(
            new NewRole("DeployRole", "/", null, 3600, trust, null, Map.of()))).code(), t.spec());

        var selfTrust = PolicyParser.parseJson("{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
            + ":role/selfish\"},\"Action\":\"sts:AssumeRole\"}]}").document().orElseThrow();
        var invalid = refused(() -> w.createRole(
            new NewRole("selfish", "/", null, 3600, selfTrust, null, Map.of())));
        assertEquals("MalformedPolicyDocument", invalid.code(), t.spec());
        assertTrue(invalid.getMessage().contains("Invalid principal"), invalid.getMessage());
        w.createRole(new NewRole("selfish", "/", null, 3600, trust, null, Map.of()));
        w.updateAssumeRolePolicy("selfish", selfTrust); // fine once the role exists

        var allow = PolicyParser.parseJson("{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")
            .document().orElseThrow();
        String arn = w.createPolicy(new NewPolicy("fence", "/", null, allow, Map.of()));
        w.putRolePermissionsBoundary("deployrole", arn);
        assertEquals("DeleteConflict", refused(() -> w.deletePolicy(arn)).code(), t.spec());
      }
    }
  }

  static dev.rolectl.engine.live.IamWriteException refused(Runnable call) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        dev.rolectl.engine.live.IamWriteException.class, call::run);
  }
}
