package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiPlanTest {
  static final String HASH = "0".repeat(64);

  static AccountPlan planned(String id) {
    Plan p = new Plan(Plan.FORMAT_VERSION, "ecs-platform", HASH, HASH, id, "aws",
        Instant.parse("2026-11-30T10:00:00Z"), List.of());
    return AccountPlan.planned(id, "team-" + id.substring(11), "arn:aws:iam::" + id
        + ":role/OrganizationAccountAccessRole", p);
  }

  static MultiPlan of(String shard, AccountPlan... accounts) {
    return new MultiPlan(MultiPlan.FORMAT_VERSION, "ecs-platform",
        Instant.parse("2026-11-30T10:00:0" + accounts.length + "Z"),
        shard == null ? List.of() : List.of(shard), List.of(accounts));
  }

  @Test
  void theFileReadsBackToTheSamePlanAndTellsItselfFromASingleAccountPlan() {
    MultiPlan plan = of("1/2", planned("111111111111"),
        AccountPlan.failed("222222222222", "b", null, "cannot assume role: AccessDenied"));

    String json = MultiPlanFile.write(plan);

    assertTrue(MultiPlanFile.isMultiAccount(json));
    assertFalse(MultiPlanFile.isMultiAccount(PlanFile.write(planned("111111111111").plan())));
    assertEquals(json, MultiPlanFile.write(MultiPlanFile.read(json)));
    assertEquals(AccountPlan.Status.FAILED, MultiPlanFile.read(json).worst());
  }

  @Test
  void anotherVersionOrAnEditedAccountIsRefused() {
    String json = MultiPlanFile.write(of(null, planned("111111111111")));
    PlanFormatException version = assertThrows(PlanFormatException.class,
        () -> MultiPlanFile.read(json.replace("\"formatVersion\" : 1,", "\"formatVersion\" : 9,")));
    assertTrue(version.getMessage().contains("version 9"), version.getMessage());
    PlanFormatException edited = assertThrows(PlanFormatException.class,
        () -> MultiPlanFile.read(json.replaceFirst("\"accountId\" : \"111111111111\"",
            "\"accountId\" : \"333333333333\"")));
    assertTrue(edited.getMessage().contains("333333333333"), edited.getMessage());
  }

  @Test
  void mergingShardsSortsByAccountAndRefusesOverlapsAndOtherStacks() {
    MultiPlan a = of("1/2", planned("333333333333"), planned("111111111111"));
    MultiPlan b = of("2/2", planned("222222222222"));

    MultiPlan merged = MultiPlan.merge(List.of(b, a));

    assertEquals(List.of("111111111111", "222222222222", "333333333333"),
        merged.accounts().stream().map(AccountPlan::accountId).toList());
    assertEquals(List.of("1/2", "2/2"), merged.shards());
    assertEquals(b.createdAt(), merged.createdAt(), "the earliest shard's time");
    PlanFormatException twice = assertThrows(PlanFormatException.class,
        () -> MultiPlan.merge(List.of(a, a)));
    assertTrue(twice.getMessage().contains("more than one plan"), twice.getMessage());
    MultiPlan other = new MultiPlan(1, "other", Instant.EPOCH, List.of(), List.of());
    assertThrows(PlanFormatException.class, () -> MultiPlan.merge(List.of(a, other)));
  }

  @Test
  void theWorstAccountDecides() {
    assertEquals(AccountPlan.Status.NO_CHANGES, of(null, planned("111111111111")).worst());
    assertEquals(AccountPlan.Status.NO_CHANGES, of(null).worst());
    assertTrue(AccountPlan.Status.FAILED.compareTo(AccountPlan.Status.BLOCKED) > 0);
    assertTrue(AccountPlan.Status.BLOCKED.compareTo(AccountPlan.Status.CHANGES) > 0);
  }
}
