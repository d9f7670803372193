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
    return new MultiPlan(MultiPlan.FORMAT_VERSION, "ecs-platform", HASH,
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
    assertTrue(twice.getMessage().contains("is in plan 1 and in plan 2"), twice.getMessage());
    MultiPlan other = new MultiPlan(1, "other", HASH, Instant.EPOCH, List.of(), List.of());
    assertThrows(PlanFormatException.class, () -> MultiPlan.merge(List.of(a, other)));
  }

  static MultiPlan withDigest(MultiPlan p, String digest) {
    return new MultiPlan(p.formatVersion(), p.stack(), digest, p.createdAt(), p.shards(),
        p.accounts());
  }

  static String mergeError(MultiPlan... parts) {
    return assertThrows(PlanFormatException.class,
        () -> MultiPlan.merge(List.of("a.json", "b.json", "c.json").subList(0, parts.length),
            List.of(parts))).getMessage();
  }

  @Test
  void mergingRefusesMissingShardsMixedCountsAndOtherStackContent() {
    MultiPlan one = of("1/3", planned("111111111111"));
    MultiPlan two = of("2/3", planned("222222222222"));
    MultiPlan three = of("3/3");
    assertEquals(List.of("1/3", "2/3", "3/3"), MultiPlan.merge(List.of(three, two, one)).shards(),
        "an empty shard completes the run");
    assertTrue(mergeError(one, two).contains("shard 3/3 is missing"), mergeError(one, two));
    String mixed = mergeError(of("1/2", planned("111111111111")), two);
    assertTrue(mixed.contains("b.json is shard 2/3, a.json a shard of 2"), mixed);
    String again = mergeError(one, of("1/3", planned("222222222222")));
    assertTrue(again.contains("shard 1/3 is given twice (a.json and b.json)"), again);
    String whole = mergeError(of(null, planned("333333333333")), one);
    assertTrue(whole.contains("a.json was planned without --shard"), whole);
    String content = mergeError(one, withDigest(two, "1".repeat(64)), three);
    assertTrue(content.contains("b.json was planned from other stack files, variables or"
        + " options than a.json"), content);
    String old = mergeError(one, withDigest(two, null), three);
    assertTrue(old.contains("b.json does not record what its stack was planned from"), old);
    MultiPlan merged = MultiPlan.merge(List.of(one, two, three));
    assertEquals(HASH, merged.stackDigest());
    assertEquals(merged, MultiPlanFile.read(MultiPlanFile.write(merged)), "the digest is saved");
  }

  static String readError(String json) {
    return assertThrows(PlanFormatException.class, () -> MultiPlanFile.read(json)).getMessage();
  }

  @Test
  void aMalformedFileIsRefusedNamingTheEntryAndField() {
    String json = MultiPlanFile.write(of("1/2", planned("111111111111"), planned("222222222222")));
    String accounts = json.substring(json.indexOf("\"accounts\""));
    String head = json.substring(0, json.indexOf("\"accounts\""));
    assertTrue(readError(head + "\"accounts\": \"x\"}").contains(
        "accounts must be a list of accounts, found string"));
    assertTrue(readError(head + "\"accounts\": null}").contains("found null"));
    String noShard = head.replace("\"shards\" : [ \"1/2\" ],", "");
    assertTrue(readError(noShard + "\"accounts\": []}").contains("accounts is empty"),
        noShard);
    assertEquals(List.of(), MultiPlanFile.read(head + "\"accounts\": []}").accounts(),
        "an empty shard");
    String garbage = readError(json.replace(
        "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", "garbage"));
    assertTrue(garbage.contains("accounts[1] (account 222222222222).roleArn: 'garbage' is not the"
        + " ARN of a role in account 222222222222"), garbage);
    String other = readError(json.replace(
        "arn:aws:iam::222222222222:role/", "arn:aws:iam::111111111111:role/"));
    assertTrue(other.contains("is not the ARN of a role in account 222222222222"), other);
    String twice = readError(json.replace("222222222222", "111111111111"));
    assertTrue(twice.contains("account 111111111111 is listed twice (accounts[1])"), twice);
    String number = readError(json.replace("\"accountId\" : \"111111111111\"",
        "\"accountId\" : 7"));
    assertTrue(number.contains("accounts[0].accountId: missing or not an account id"), number);
    String bad = readError(head + "\"accounts\": [1]}");
    assertTrue(bad.contains("accounts[0] is not an account object"), bad);
    assertTrue(readError(json.replace("\"1/2\"", "\"x\"")).contains("'x' is not a shard I/N"));
    assertTrue(accounts.contains("roleArn"));
  }

  @Test
  void theWorstAccountDecides() {
    assertEquals(AccountPlan.Status.NO_CHANGES, of(null, planned("111111111111")).worst());
    assertEquals(AccountPlan.Status.NO_CHANGES, of(null).worst());
    assertTrue(AccountPlan.Status.FAILED.compareTo(AccountPlan.Status.BLOCKED) > 0);
    assertTrue(AccountPlan.Status.BLOCKED.compareTo(AccountPlan.Status.CHANGES) > 0);
  }
}
