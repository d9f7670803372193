package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.allow;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.inline;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.policy;
import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A saved plan is read only when it is exactly what rolectl writes for its content: the fields
 * {@code show} renders and {@code apply} uses cannot say two different things (issue 16's first
 * attack: {@code diffs} saying "narrows access" while {@code after} grants {@code *}).
 */
class PlanFileCheckTest {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** An update of a policy's document, an inline policy added, an attachment kept. */
  static Plan plan() {
    Stack stack = stack(
        role("r"), attachment("r", Fixtures.LB_POLICY), inline("r", "s3", allow("s3:GetObject", "*")),
        policy("deploy", allow("iam:PassRole", "arn:aws:iam::123456789012:role/r")));
    LiveAccount live = new Fixtures.Live()
        .role("r", "/", trust("ecs.amazonaws.com"), owned(Map.of()), List.of(Fixtures.LB_POLICY),
            Map.of())
        .policy("deploy", allow("iam:PassRole", "*"), owned(Map.of()), Map.of())
        .build();
    return Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.parse("2026-12-01T10:00:00Z")))
        .plan().orElseThrow();
  }

  private static String edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(PlanFile.write(plan()));
    edit.accept(root);
    return JSON.writeValueAsString(root);
  }

  private static String refused(Consumer<ObjectNode> edit) throws Exception {
    String json = edited(edit);
    return assertThrows(PlanFormatException.class, () -> PlanFile.read(json)).getMessage();
  }

  private static ObjectNode change(ObjectNode root, String address) {
    for (JsonNode c : root.get("changes")) {
      if (c.get("address").asText().equals(address)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no change " + address);
  }


  @Test
  void anUneditedPlanReadsBackAsWritten() {
    String json = PlanFile.write(plan());
    assertEquals(json, PlanFile.write(PlanFile.read(json)));
  }

  /** The first attack: the diff shows a narrowing, after grants everything. */
  @Test
  void diffsThatSaySomethingElseThanAfterAreRefused() throws Exception {
    String m = refused(root -> {
      ObjectNode c = change(root, "policies.deploy");
      ObjectNode doc = (ObjectNode) c.get("after").get("document");
      ((ObjectNode) doc.get("Statement").get(0)).put("Action", "*");
    });
    assertTrue(m.startsWith("changes[") && m.contains(".diffs[0].after.Statement[0].Action: the file has"
        + " \"iam:PassRole\" where rolectl writes \"*\""), m);
    assertTrue(m.contains("make the plan again"), m);
  }

  @Test
  void anImpactThatIsNotWhatTheChangeDoesIsRefused() throws Exception {
    String m = refused(root -> change(root, "policies.deploy").put("impact", "broadening"));
    assertTrue(m.contains("(policies.deploy): impact broadening is not what the change does"
        + " (mixed)"), m);
    String inline = refused(root -> change(root, "roles.r.inlinePolicies.s3").put("impact", "none"));
    assertTrue(inline.contains("impact none is not what the change does (broadening)"), inline);
  }

  @Test
  void derivedFieldsMustAgreeWithTheirData() throws Exception {
    assertTrue(refused(root -> ((ObjectNode) root.get("summary")).put("update", 0))
        .startsWith("summary.update: the file has 0 where rolectl writes 1"));
    assertTrue(refused(root -> root.put("blocked", true))
        .startsWith("blocked: the file has true where rolectl writes false"));
    assertTrue(refused(root -> root.put("errored", true)).startsWith("errored: "));
    assertTrue(refused(root -> ((ObjectNode) change(root, "policies.deploy").get("diffs").get(0))
        .putObject("statements")).contains(".diffs[0].statements."));
  }

  @Test
  void fieldsAddedLeftOutOrRetypedAreRefused() throws Exception {
    String added = refused(root -> root.put("apply", "everything"));
    assertTrue(added.contains("apply"), added);
    String missing = refused(root -> change(root, "roles.r").remove("reason"));
    // the plan schema (schemas/plan.schema.json) or the as-written check, whichever comes first
    assertTrue(missing.contains(".reason is missing") || missing.contains("'reason' not found"),
        missing);
    String retyped = refused(root -> ((ObjectNode) change(root, "roles.r").get("after"))
        .put("maxSessionDuration", "3600"));
    assertTrue(retyped.contains(".after.maxSessionDuration: the file has \"3600\" where rolectl"
        + " writes 3600") || retyped.contains("/after/maxSessionDuration: string found, integer"
        + " expected"), retyped);
    String protect = refused(root -> ((ObjectNode) change(root, "roles.r").get("after"))
        .put("protect", "true"));
    assertTrue(protect.contains(".after.protect") || protect.contains("/after/protect"), protect);
  }

  @Test
  void theStackHashAndTheResolvedStackMustAgree() throws Exception {
    assertTrue(refused(root -> root.put("stackHash", "sha256:" + "0".repeat(64)))
        .startsWith("stackHash sha256:000"));
    String stackEdit = refused(root -> ((ObjectNode) root.get("resolvedStack").get("resources").get(0))
        .put("description", "edited"));
    assertTrue(stackEdit.startsWith("stackHash ") && stackEdit.contains("is not the digest of"
        + " resolvedStack"), stackEdit);
    String account = refused(root -> root.put("accountId", "999999999999"));
    assertTrue(account.startsWith("the plan is for account 999999999999 but its stack was resolved"
        + " for account 123456789012"), account);
    String name = refused(root -> root.put("stack", "other"));
    assertTrue(name.startsWith("resolvedStack.name is ecs-platform but the plan is of stack other"), name);
  }

  @Test
  void addressesAndKindsMustFitTheirResources() throws Exception {
    String address = refused(root -> change(root, "roles.r").put("address", "roles.admin"));
    assertTrue(address.contains("(roles.admin): the address does not fit its resource (roles.r)"),
        address);
    String name = refused(root -> ((ObjectNode) change(root, "roles.r").get("after"))
        .put("name", "admin"));
    assertTrue(name.contains("the address does not fit its resource (roles.admin)"), name);
    String kind = refused(root -> change(root, "roles.r").put("kind", "managed_policy"));
    assertTrue(kind.contains("(roles.r): kind managed policy does not fit its before and after"),
        kind);
  }

  @Test
  void aDiffOfAnAttributeTheResourceDoesNotHaveIsRefused() throws Exception {
    String m = refused(root -> ((ObjectNode) change(root, "policies.deploy").get("diffs").get(0))
        .put("attribute", "trustPolicy"));
    assertTrue(m.contains("has no document attribute trustPolicy"), m);
  }
}
