package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.TestCli.Run;
import dev.rolectl.engine.plan.PlanKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan keys through the CLI, against a local account file: {@code ROLECTL_PLAN_KEY} and {@code
 * ROLECTL_PLAN_KEY_FILE} sign {@code plan --out}, {@code apply} refuses what is not signed with
 * the key that is set, {@code show} says which key signed a plan.
 */
class PlanKeysTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef-team-a";
  static final String OTHER = "fedcba9876543210fedcba9876543210-team-b";
  static final String ID = PlanKey.of(SECRET.getBytes(StandardCharsets.UTF_8)).id();

  @TempDir Path dir;
  Path stack;
  Path account;
  String target;

  @BeforeEach
  void setUp() throws Exception {
    stack = Files.writeString(dir.resolve("stack.yaml"), ApplyCommandTest.STACK);
    account = dir.resolve("account.json");
    target = "local:" + account;
  }

  static Map<String, String> key(String secret) {
    return Map.of(PlanKeys.KEY, secret);
  }

  Path plan(Map<String, String> env, String name) {
    Path out = dir.resolve(name);
    Run r = TestCli.run(env, "plan", stack.toString(), "--target", target, "--out", out.toString());
    assertEquals(0, r.exit(), r::toString);
    return out;
  }

  @Test
  void aPlanSavedWithAKeyIsSignedShownAsSuchAndApplied() throws Exception {
    Path saved = plan(key(SECRET), "signed.json");
    String json = Files.readString(saved);
    assertTrue(json.contains("\"keyId\" : \"" + ID + "\""), json);
    assertFalse(json.contains(SECRET), "the key is not in the file");

    Run shown = TestCli.run(key(SECRET), "show", saved.toString());
    assertEquals(0, shown.exit(), shown::toString);
    assertTrue(shown.out().startsWith("Signature: signed with plan key " + ID + " (verified)"),
        shown::toString);
    Run unchecked = TestCli.run(Map.of(), "show", saved.toString(), "--format", "markdown");
    assertTrue(unchecked.out().startsWith("> Signature: signed with plan key " + ID
        + " (not verified: no plan key is set"), unchecked::toString);
    Run json2 = TestCli.run(key(SECRET), "show", saved.toString(), "--format", "json");
    assertTrue(json2.err().contains("(verified)") && json2.out().contains("\"signature\""), json2::toString);

    Run applied = TestCli.run(key(SECRET), "apply", saved.toString());
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(Files.readString(account).contains("\"RoleName\" : \"app\"")
        || Files.readString(account).contains("\"app\""), "applied");
  }

  @Test
  void withAKeySetApplyRefusesUnsignedWronglySignedAndEditedPlansBeforeAnything() throws Exception {
    Path unsigned = plan(Map.of(), "unsigned.json");
    Path other = plan(key(OTHER), "other.json");
    Path edited = plan(key(SECRET), "edited.json");
    // a field that reads well (the content checks pass) but was not what was signed
    Files.writeString(edited, Files.readString(edited)
        .replaceFirst("\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"2030-01-01T00:00:00Z\""));

    Run a = TestCli.run(key(SECRET), "apply", unsigned.toString());
    assertEquals(1, a.exit(), a::toString);
    assertTrue(a.err().contains(unsigned + ": not signed, and a plan key (id " + ID + ") is set"),
        a::toString);
    Run b = TestCli.run(key(SECRET), "apply", other.toString());
    assertEquals(1, b.exit(), b::toString);
    assertTrue(b.err().contains("NOT with the plan key that is set (id " + ID + ")"), b::toString);
    Run c = TestCli.run(key(SECRET), "apply", edited.toString());
    assertEquals(1, c.exit(), c::toString);
    assertTrue(c.err().contains("the signature does NOT match the content"), c::toString);
    assertFalse(Files.exists(account), "nothing was written, not even an empty account");
    assertFalse(Files.exists(Path.of(account + ".lock")), "not even the lock was taken");

    Run shown = TestCli.run(key(SECRET), "show", unsigned.toString());
    assertEquals(1, shown.exit(), "show says so and exits 1: " + shown);
    assertTrue(shown.out().contains("Stack demo"), "and shows it all the same: " + shown);
  }

  @Test
  void withoutAKeyASignedPlanAppliesWithANoteAndAnUnsignedOneAsBefore() throws Exception {
    Path signed = plan(key(SECRET), "signed.json");
    Run r = TestCli.run(Map.of(), "apply", signed.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("not verified: no plan key is set"), r::toString);
  }

  @Test
  void aKeyFileGivesTheSameKeyAsTheVariableWithoutItsFinalNewline() throws Exception {
    Path file = Files.writeString(dir.resolve("plan.key"), SECRET + "\n");
    Path saved = plan(Map.of(PlanKeys.KEY_FILE, file.toString()), "file.json");
    assertTrue(Files.readString(saved).contains(ID), "the same key id as ROLECTL_PLAN_KEY");
    Run applied = TestCli.run(key(SECRET), "apply", saved.toString());
    assertEquals(0, applied.exit(), applied::toString);
  }

  @Test
  void keysThatCannotBeUsedStopBeforeAnything() throws Exception {
    Map<String, String> both = new HashMap<>(key(SECRET));
    both.put(PlanKeys.KEY_FILE, "/nonexistent");
    assertRefused(both, "are both set: set one of them");
    assertRefused(key(""), "ROLECTL_PLAN_KEY is set but empty");
    assertRefused(key("short"), "ROLECTL_PLAN_KEY: a plan key needs at least 32 bytes, this one has 5");
    assertRefused(Map.of(PlanKeys.KEY_FILE, dir.resolve("missing.key").toString()),
        "ROLECTL_PLAN_KEY_FILE: " + dir.resolve("missing.key") + " does not exist");
    assertFalse(Files.exists(dir.resolve("refused.json")), "no plan saved");
  }

  private void assertRefused(Map<String, String> env, String message) {
    Run r = TestCli.run(env, "plan", stack.toString(), "--target", target, "--out",
        dir.resolve("refused.json").toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(message), r::toString);
  }

  /** Shards 1/2 and 2/2 of a multi-account plan of the local account (the second empty). */
  private Path[] shards(boolean signFirst, boolean signSecond) throws Exception {
    var p = dev.rolectl.engine.plan.PlanFile.read(Files.readString(plan(Map.of(), "one.json")));
    String list = dev.rolectl.engine.plan.MultiPlan.accountsDigest(java.util.List.of(p.accountId()));
    var first = new dev.rolectl.engine.plan.MultiPlan(dev.rolectl.engine.plan.MultiPlan.FORMAT_VERSION,
        p.stack(), "0".repeat(64), java.time.Instant.parse("2026-12-01T00:00:00Z"),
        java.util.List.of("1/2"), java.util.List.of(dev.rolectl.engine.plan.AccountPlan.planned(
            p.accountId(), "team", null, p)), list);
    var second = new dev.rolectl.engine.plan.MultiPlan(first.formatVersion(), p.stack(),
        first.stackDigest(), first.createdAt(), java.util.List.of("2/2"), java.util.List.of(), list);
    PlanKey key = PlanKey.of(SECRET.getBytes(StandardCharsets.UTF_8));
    String a = dev.rolectl.engine.plan.MultiPlanFile.write(first);
    String b = dev.rolectl.engine.plan.MultiPlanFile.write(second);
    return new Path[] {
        Files.writeString(dir.resolve("shard-1.json"),
            signFirst ? dev.rolectl.engine.plan.PlanSignature.sign(a, key) : a),
        Files.writeString(dir.resolve("shard-2.json"),
            signSecond ? dev.rolectl.engine.plan.PlanSignature.sign(b, key) : b)};
  }

  @Test
  void withAKeyMergeTakesOnlySignedShardsAndSignsWhatItWrites() throws Exception {
    Path[] mixed = shards(true, false);
    Run refused = TestCli.run(key(SECRET), "merge", mixed[0].toString(), mixed[1].toString());
    assertEquals(1, refused.exit(), refused::toString);
    assertTrue(refused.err().contains(mixed[1] + ": not signed, and a plan key (id " + ID + ") is"
        + " set") && refused.err().contains("merge signs its output with the plan key"),
        refused::toString);
    Path[] both = shards(true, true);
    Path merged = dir.resolve("merged.json");
    Run ok = TestCli.run(key(SECRET), "merge", both[0].toString(), both[1].toString(), "--out",
        merged.toString());
    assertEquals(0, ok.exit(), ok::toString);
    Run shown = TestCli.run(key(SECRET), "show", merged.toString());
    assertTrue(shown.out().startsWith("Signature: signed with plan key " + ID + " (verified)"),
        shown::toString);
    Run unkeyed = TestCli.run(Map.of(), "merge", mixed[0].toString(), mixed[1].toString(), "--out",
        dir.resolve("plain.json").toString());
    assertEquals(0, unkeyed.exit(), "without a key merge takes them and writes unsigned: " + unkeyed);
    assertFalse(Files.readString(dir.resolve("plain.json")).contains("\"signature\""));
  }

  @Test
  void theHelpOfPlanApplyShowAndMergeNamesBothVariables() {
    for (String command : new String[] {"plan", "apply", "show", "merge"}) {
      Run r = TestCli.run(Map.of(), command, "--help");
      assertTrue(r.out().contains("ROLECTL_PLAN_KEY") && r.out().contains("ROLECTL_PLAN_KEY_FILE"),
          command + ": " + r);
    }
  }
}
