package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.allow;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.inline;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFileTest {
  private static Plan samplePlan() {
    Stack stack =
        stack(role("r"), attachment("r", LB_POLICY), inline("r", "s3", allow("s3:GetObject", "*")));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ec2.amazonaws.com"), owned(Map.of("team", "a")),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), Map.of())
            .build();
    return Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.parse("2026-11-29T10:00:00Z")))
        .plan()
        .orElseThrow();
  }

  @Test
  void aSavedPlanReadsBackToTheSamePlan() {
    Plan plan = samplePlan();

    Plan read = PlanFile.read(PlanFile.write(plan));

    assertEquals(PlanFile.write(plan), PlanFile.write(read));
    assertEquals(plan.counts(), read.counts());
    assertEquals(plan.liveFingerprint(), read.liveFingerprint());
  }

  @Test
  void truncatedPlanIsAClearError() {
    String json = PlanFile.write(samplePlan());

    PlanFormatException e =
        assertThrows(PlanFormatException.class, () -> PlanFile.read(json.substring(0, json.length() / 2)));

    assertTrue(e.getMessage().startsWith("the saved plan ends too early (the file is cut short"),
        e.getMessage());
    assertTrue(e.line() > 1 && e.column() >= 1, e.line() + ":" + e.column());
  }

  /** Wherever a plan file is cut, it is called cut short (not "not valid JSON"). */
  @Test
  void aPlanCutAnywhereIsCalledCutShort() {
    String json = PlanFile.write(samplePlan()).stripTrailing();
    for (int end = 1; end < json.length(); end++) {
      String cut = json.substring(0, end);
      PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(cut));
      assertTrue(e.getMessage().startsWith("the saved plan ends too early (the file is cut short"),
          "cut after " + end + " characters: " + e.getMessage());
      assertTrue(e.line() >= 1, "located");
    }
  }

  @Test
  void aFileThatIsNotAPlanIsNotCalledTruncated() {
    PlanFormatException yaml =
        assertThrows(PlanFormatException.class, () -> PlanFile.read("apiVersion: rolectl/v1\n"));
    assertTrue(yaml.getMessage().startsWith("the saved plan is not valid JSON: unrecognized token"
        + " 'apiVersion'"), yaml.getMessage());
    assertEquals(1, yaml.line());
    PlanFormatException other =
        assertThrows(PlanFormatException.class, () -> PlanFile.read("{\"name\": \"x\"}"));
    assertTrue(other.getMessage().startsWith("not a rolectl plan: a JSON object without formatVersion"),
        other.getMessage());
  }

  @Test
  void otherFormatVersionIsRefused() {
    String json =
        PlanFile.write(samplePlan())
            .replace("\"formatVersion\" : " + Plan.FORMAT_VERSION, "\"formatVersion\" : 99");

    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(json));

    assertTrue(e.getMessage().contains("version"), e.getMessage());
  }

  @Test
  void plansOfOlderFormatsAreRefusedBecauseTheyDoNotHoldTheirStack() {
    for (int version = 1; version < Plan.FORMAT_VERSION; version++) {
      String json =
          PlanFile.write(samplePlan())
              .replace("\"formatVersion\" : " + Plan.FORMAT_VERSION, "\"formatVersion\" : " + version);

      PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(json));

      assertTrue(e.getMessage().contains("format version " + version), e.getMessage());
      assertTrue(e.getMessage().contains("older rolectl"), e.getMessage());
      assertTrue(e.getMessage().contains("did not record the stack"), e.getMessage());
      assertTrue(e.getMessage().contains("make the plan again"), e.getMessage());
    }
  }

  @Test
  void theEcsRegionsAndClustersTheSafetyCheckReadAreSaved() {
    EcsCoverage read =
        new EcsCoverage(
            List.of("us-east-1", "eu-west-1"),
            List.of("arn:aws:ecs:eu-west-1:123456789012:cluster/b", "arn:aws:ecs:us-east-1:123456789012:cluster/a"));
    Plan plan = samplePlan().withEcs(read);

    Plan back = PlanFile.read(PlanFile.write(plan));

    assertEquals(read, back.ecs());
    assertEquals(List.of("us-east-1", "eu-west-1"), back.ecs().regions(), "in the order scanned");
    assertEquals(null, PlanFile.read(PlanFile.write(samplePlan())).ecs(), "no ECS read: null");
  }

  @Test
  void fingerprintFollowsLiveStateAndStackHashFollowsTheStack() {
    Stack stack = stack(role("r"));
    LiveAccount a = new Fixtures.Live().ownedRole("r", List.of()).build();
    LiveAccount b = new Fixtures.Live().ownedRole("r", List.of(LB_POLICY)).build();

    assertEquals(Fingerprints.live(stack, a), Fingerprints.live(stack, a));
    assertNotEquals(Fingerprints.live(stack, a), Fingerprints.live(stack, b));
    assertNotEquals(Fingerprints.stack(new ResolvedStack(stack, false)),
        Fingerprints.stack(new ResolvedStack(stack(role("r"), attachment("r", LB_POLICY)), false)));
    assertNotEquals(Fingerprints.stack(new ResolvedStack(stack, false)),
        Fingerprints.stack(new ResolvedStack(stack, true)), "--adopt counts");
  }
}
