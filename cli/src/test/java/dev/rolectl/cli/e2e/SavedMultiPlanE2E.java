package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Issue 16 for saved multi-account plans, on two moto member accounts: a file that is not what
 * rolectl writes is refused whole (no account is touched), a file signed with a plan key is
 * refused whole when edited or unsigned while the key is set, an account whose changes in the file
 * are not what its stack makes there now is refused alone (each account is planned again, as a
 * one-account plan is), and an unedited plan applies in every account.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
// a server of its own: the shared organisations server is slow to reset once it holds the other
// tests' member accounts
@MotoServer.Env({"ROLECTL_MOTO_SERVER=saved-plans"})
class SavedMultiPlanE2E {
  static final String KEY = "issue-16-multi-account-plan-key-0123456789";
  static final String ROLE = "--assume-role";

  @Test
  void eachAccountIsPlannedAgainAndEditsAreRefused(Moto moto, @TempDir Path dir) throws Exception {
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "saved", 2);
    String a = members.get(0).id();
    String b = members.get(1).id();
    Path stack = stack(dir, "stack.yaml", "one", "");
    Path saved = plan(moto, dir, stack, "multi.json", a + "," + b, Map.of());

    // a nested plan that is not what rolectl writes: the file is refused whole
    ObjectNode broken = SavedPlanAttacksE2E.tree(saved);
    ((ObjectNode) account(broken, a).get("plan").get("changes").get(0)).put("impact", "none");
    TestCli.Run unread = TestCli.run(moto.env(), "apply",
        SavedPlanAttacksE2E.write(dir.resolve("broken.json"), broken).toString(), "--auto-approve");
    assertEquals(1, unread.exit(), unread::toString);
    assertTrue(unread.err().contains("(account " + a + ").plan: changes[0] (roles.app): impact none"),
        unread::toString);

    // a nested plan edited so that it reads well (the trust of the role it creates): account a is
    // planned again and does not match, so no account of the plan is applied
    ObjectNode edited = SavedPlanAttacksE2E.tree(saved);
    ObjectNode trust = (ObjectNode) account(edited, a).get("plan").get("changes").get(0)
        .get("after").get("trustPolicy").get("Statement").get(0).get("Principal");
    trust.put("AWS", "arn:aws:iam::999999999999:root");
    trust.remove("Service");
    PlanEdits.redigested((ObjectNode) account(edited, a).get("plan"));
    TestCli.Run whole = TestCli.run(moto.env(), "apply",
        SavedPlanAttacksE2E.write(dir.resolve("edited.json"), edited).toString(), "--auto-approve");
    assertEquals(1, whole.exit(), whole::toString);
    assertTrue(whole.out().contains("changes[0] (roles.app).after.trustPolicy.Statement[0].Principal"),
        whole::toString);
    assertTrue(whole.out().contains("the saved plan was edited (its changes for account " + a),
        whole::toString);
    assertFalse(exists(moto, a, "app") || exists(moto, b, "app"), "no account was touched");

    // signed with a key: unsigned or edited, refused whole
    Path signed = plan(moto, dir, stack, "signed.json", a + "," + b, Map.of("ROLECTL_PLAN_KEY", KEY));
    Map<String, String> keyed = new HashMap<>(moto.env());
    keyed.put("ROLECTL_PLAN_KEY", KEY);
    TestCli.Run unsigned = TestCli.run(keyed, "apply", saved.toString(), "--auto-approve");
    assertEquals(1, unsigned.exit(), unsigned::toString);
    assertTrue(unsigned.err().contains("not signed, and a plan key"), unsigned::toString);
    String when = "\"createdAt\" : \"[^\"]+\"";
    String text = Files.readString(signed);
    assertTrue(java.util.regex.Pattern.compile(when).matcher(text).find(), text);
    Files.writeString(dir.resolve("resigned.json"),
        text.replaceFirst(when, "\"createdAt\" : \"2030-01-01T00:00:00Z\""));
    TestCli.Run renamed = TestCli.run(keyed, "apply", dir.resolve("resigned.json").toString(),
        "--auto-approve");
    assertEquals(1, renamed.exit(), renamed::toString);
    assertTrue(renamed.err().contains("the signature does NOT match the content"), renamed::toString);
    assertFalse(exists(moto, a, "app") || exists(moto, b, "app"), "no account was touched");

    // the unedited plan applies in both accounts, signed or not
    TestCli.Run applied = TestCli.run(keyed, "apply", signed.toString(), "--auto-approve");
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(exists(moto, a, "app") && exists(moto, b, "app"), applied::toString);

    // account a's changes replaced with another stack's (a backdoor role), under its own stack:
    // the file reads well; account a is planned again and refused, and with it the whole plan
    Path two = stack(dir, "two.yaml", "two", "");
    Path next = plan(moto, dir, two, "next.json", a + "," + b, Map.of());
    Path backdoor = stack(dir, "backdoor.yaml", "two", "  backdoor:\n    trustPolicy: {Version:"
        + " \"2012-10-17\", Statement: [{Effect: Allow, Principal: {AWS:"
        + " \"arn:aws:iam::999999999999:root\"}, Action: \"sts:AssumeRole\"}]}\n"
        + "    managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]\n");
    Path other = plan(moto, dir, backdoor, "other.json", a, Map.of());
    ObjectNode spliced = SavedPlanAttacksE2E.tree(next);
    ObjectNode ours = account(spliced, a);
    ObjectNode theirs = (ObjectNode) account(SavedPlanAttacksE2E.tree(other), a).get("plan").deepCopy();
    theirs.set("resolvedStack", ours.get("plan").get("resolvedStack"));
    theirs.set("stackHash", ours.get("plan").get("stackHash"));
    ours.set("plan", theirs);
    TestCli.Run partly = TestCli.run(moto.env(), "apply",
        SavedPlanAttacksE2E.write(dir.resolve("spliced.json"), spliced).toString(), "--auto-approve");
    assertEquals(1, partly.exit(), partly::toString);
    assertTrue(partly.out().contains("the saved plan does not match what its stack makes"),
        partly::toString);
    assertFalse(exists(moto, a, "backdoor"), "no backdoor in account a");
    assertEquals("one", description(moto, a), "account a was left alone: " + partly);
    assertEquals("one", description(moto, b), "account b too: " + partly);
    TestCli.Run real = TestCli.run(moto.env(), "apply", next.toString(), "--auto-approve");
    assertEquals(0, real.exit(), "the unedited plan applies: " + real);
    assertEquals("two", description(moto, a) + description(moto, b).replace("two", ""));
  }

  private static ObjectNode account(JsonNode plan, String id) {
    for (JsonNode n : plan.get("accounts")) {
      if (n.get("accountId").asText().equals(id)) {
        return (ObjectNode) n;
      }
    }
    throw new AssertionError("no account " + id);
  }

  private static Path stack(Path dir, String name, String description, String more) {
    return StackFiles.write(dir.resolve(name), "apiVersion: rolectl/v1\nstack: multi-saved\n"
        + "roles:\n  app:\n    description: " + description + "\n    trustPolicy: "
        + StackFiles.TRUST + "\n" + more);
  }

  private static Path plan(Moto moto, Path dir, Path stack, String name, String accounts,
      Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(moto.env());
    env.putAll(extra);
    Path out = dir.resolve(name);
    TestCli.Run r = TestCli.run(env, "plan", stack.toString(), "--accounts", accounts, ROLE,
        MotoOrganization.ACCESS_ROLE, "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    return out;
  }

  private static boolean exists(Moto moto, String account, String role) {
    try (IamClient iam = MotoOrganization.iamIn(moto, account)) {
      iam.getRole(r -> r.roleName(role));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  private static String description(Moto moto, String account) {
    try (IamClient iam = MotoOrganization.iamIn(moto, account)) {
      String d = iam.getRole(r -> r.roleName("app")).role().description();
      return d == null ? "" : d;
    }
  }
}
