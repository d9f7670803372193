package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiPlanTest {
  static final String HASH = "sha256:" + "0".repeat(64);

  static AccountPlan planned(String id) {
    ResolvedStack stack = new ResolvedStack(new dev.rolectl.engine.model.Stack("ecs-platform", null,
        id, "aws", java.util.Map.of(), List.of(), dev.rolectl.engine.model.StackSettings.defaults(),
        dev.rolectl.engine.model.SourceMap.empty()), false);
    Plan p = new Plan(Plan.FORMAT_VERSION, "ecs-platform", stack.digest(), HASH, id, "aws",
        Instant.parse("2026-11-30T10:00:00Z"), List.of(), null, null, List.of(), stack);
    return AccountPlan.planned(id, "team-" + id.substring(11), "arn:aws:iam::" + id
        + ":role/OrganizationAccountAccessRole", p);
  }

  /** The account list the shards of these tests are cut from. */
  static final String LIST =
      MultiPlan.accountsDigest(List.of("111111111111", "222222222222", "333333333333"));

  static MultiPlan of(String shard, AccountPlan... accounts) {
    return new MultiPlan(MultiPlan.FORMAT_VERSION, "ecs-platform", HASH,
        Instant.parse("2026-11-30T10:00:0" + accounts.length + "Z"),
        shard == null ? List.of() : List.of(shard), List.of(accounts), LIST);
  }

  static MultiPlan cutFrom(MultiPlan p, String... ids) {
    return new MultiPlan(p.formatVersion(), p.stack(), p.stackDigest(), p.createdAt(), p.shards(),
        p.accounts(), ids.length == 0 ? null : MultiPlan.accountsDigest(List.of(ids)));
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
        p.accounts(), p.accountsDigest());
  }

  static String mergeError(MultiPlan... parts) {
    return assertThrows(PlanFormatException.class,
        () -> MultiPlan.merge(List.of("a.json", "b.json", "c.json").subList(0, parts.length),
            List.of(parts))).getMessage();
  }

  @Test
  void mergingRefusesMissingShardsMixedCountsAndOtherStackContent() {
    MultiPlan one = cutFrom(of("1/3", planned("111111111111")), "111111111111", "222222222222");
    MultiPlan two = cutFrom(of("2/3", planned("222222222222")), "111111111111", "222222222222");
    MultiPlan three = cutFrom(of("3/3"), "111111111111", "222222222222");
    assertEquals(List.of("1/3", "2/3", "3/3"), MultiPlan.merge(List.of(three, two, one)).shards(),
        "an empty shard completes the run");
    assertTrue(mergeError(one, two).contains("shard 3/3 is missing"), mergeError(one, two));
    String mixed = mergeError(of("1/2", planned("111111111111")), two);
    assertTrue(mixed.contains("b.json is shard 2/3, a.json a shard of 2"), mixed);
    String again = mergeError(one, cutFrom(of("1/3", planned("222222222222")), "111111111111",
        "222222222222"));
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

  @Test
  void mergingRefusesShardsCutFromDifferentAccountLists() {
    // shard 1/2 of accounts A (111, 222) with shard 2/2 of accounts B (333, 444): 222 and 333
    // would be in no shard
    MultiPlan a1 = cutFrom(of("1/2", planned("111111111111")), "111111111111", "222222222222");
    MultiPlan b2 = cutFrom(of("2/2", planned("444444444444")), "333333333333", "444444444444");
    String lists = mergeError(a1, b2);
    assertTrue(lists.contains("b.json was cut from another account list than a.json")
        && lists.contains("plan every shard from the same account list"), lists);
    // the organisation grew between the jobs: 1/2 of three accounts, 2/2 of four
    MultiPlan g1 = cutFrom(of("1/2", planned("111111111111"), planned("333333333333")),
        "111111111111", "222222222222", "333333333333");
    MultiPlan g2 = cutFrom(of("2/2", planned("222222222222"), planned("444444444444")),
        "111111111111", "222222222222", "333333333333", "444444444444");
    assertTrue(mergeError(g1, g2).contains("b.json was cut from another account list"));
    String old = mergeError(a1, cutFrom(of("2/2", planned("222222222222"))));
    assertTrue(old.contains("b.json does not record the account list its shard was cut from"),
        old);
    // the same list, but a shard's file lost an account
    MultiPlan a2cut = cutFrom(of("2/2"), "111111111111", "222222222222");
    String cut = mergeError(a1, a2cut);
    assertTrue(cut.contains("the shards hold 1 accounts, which are not the account list"), cut);
    MultiPlan a2 = cutFrom(of("2/2", planned("222222222222")), "111111111111", "222222222222");
    MultiPlan merged = MultiPlan.merge(List.of(a1, a2));
    assertEquals(a1.accountsDigest(), merged.accountsDigest());
    assertEquals(merged, MultiPlanFile.read(MultiPlanFile.write(merged)), "the list is saved");
    assertTrue(readError(MultiPlanFile.write(merged).replace(merged.accountsDigest(), "x"))
        .contains("accountsDigest: not 64 hex digits"));
    String again = assertThrows(PlanFormatException.class, () -> MultiPlan.merge(
        List.of("a.json", "a.json"), List.of(a1, a1))).getMessage();
    assertEquals("a.json is given twice: give each shard's plan once", again);
  }

  @Test
  void erroredTellsWhetherAnyAccountIsIncomplete() throws Exception {
    MultiPlan fine = of(null, planned("111111111111"));
    MultiPlan failed = of(null, planned("111111111111"),
        AccountPlan.failed("222222222222", "b", null, "plan incomplete, cannot be applied: 1 error"));
    assertFalse(fine.errored());
    assertTrue(failed.errored());
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var fineJson = mapper.readTree(MultiPlanFile.write(fine));
    var failedJson = mapper.readTree(MultiPlanFile.write(failed));
    assertTrue(fineJson.get("errored").isBoolean() && !fineJson.get("errored").asBoolean());
    assertTrue(failedJson.get("errored").asBoolean());
    assertFalse(failedJson.get("accounts").get(0).get("errored").asBoolean());
    assertTrue(failedJson.get("accounts").get(1).get("errored").asBoolean());
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
    assertEquals(List.of(), MultiPlanFile.read(MultiPlanFile.write(of("1/2"))).accounts(),
        "an empty shard");
    String summary = readError(head + "\"accounts\": []}");
    assertTrue(summary.contains("summary[\"no-changes\"]: the file has 2 where rolectl writes 0"),
        summary);
    String garbage = readError(json.replace(
        "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", "garbage"));
    assertTrue(garbage.contains("accounts[1] (account 222222222222).roleArn: 'garbage' is not the"
        + " ARN of a role in account 222222222222"), garbage);
    String other = readError(json.replace(
        "arn:aws:iam::222222222222:role/", "arn:aws:iam::111111111111:role/"));
    assertTrue(other.contains("is not the ARN of a role in account 222222222222"), other);
    String twice = readError(MultiPlanFile.write(
        of("1/2", planned("111111111111"), planned("111111111111"))));
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
