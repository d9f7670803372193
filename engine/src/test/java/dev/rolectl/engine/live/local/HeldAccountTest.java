package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.PrincipalType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account file held for a whole apply: changes in memory, units all or nothing, batch writes. */
class HeldAccountTest {
  static final String ECS =
      "{\"clusters\": [{\"clusterName\": \"prod\", \"region\": \"us-east-1\", \"services\": []}]}";

  @TempDir Path dir;

  private static LocalState people() {
    LiveAccount a = LocalState.empty().account();
    List<LivePrincipal> principals =
        List.of(
            new LivePrincipal(PrincipalType.USER, "alice", List.of(), null),
            new LivePrincipal(PrincipalType.GROUP, "devs", List.of(), null));
    return new LocalState(
        new LiveAccount(a.accountId(), a.partition(), Map.of(), Map.of(), principals),
        LocalEcsState.absent());
  }

  /** The file's text without role ids (random for each created role). */
  private static String comparable(Path file) throws Exception {
    return Files.readString(file).replaceAll("\"RoleId\" ?: ?\"[A-Z0-9]+\",?", "");
  }

  /**
   * The same random units (a third of them failing part-way: a missing role, a duplicate, a
   * policy still attached) on two files, one written per unit without the lock, one under the
   * lock in memory: each unit has the same outcome, and the files end equal. Proves that a failed
   * unit is rolled back entirely in memory (roles, policies, users and groups).
   */
  @Test
  void unitsUnderTheLockEndAsUnitsWrittenOneByOne() throws Exception {
    Path plain = dir.resolve("plain.json");
    Path held = dir.resolve("held.json");
    SnapshotWriter.write(people(), plain);
    SnapshotWriter.write(people(), held);
    LocalIamWriter one = new LocalIamWriter(new LocalAccountStore(plain));
    LocalIamWriter batched = new LocalIamWriter(new LocalAccountStore(held));
    Random random = new Random(42);
    int failed = 0;
    try (IamWriter.Lock lock = batched.lock()) {
      for (int unit = 0; unit < 400; unit++) {
        List<Consumer<IamWriter>> steps = randomSteps(random);
        String a = outcome(one, steps);
        String b = outcome(batched, steps);
        assertEquals(a, b, "unit " + unit);
        failed += a.equals("ok") ? 0 : 1;
        if (unit % 50 == 0) {
          assertEquals(
              SnapshotWriter.toJson(new LocalAccountStore(plain).load()).replaceAll("\"RoleId\" ?: ?\"[A-Z0-9]+\",?", ""),
              SnapshotWriter.toJson(new LocalAccountStore(held).load()).replaceAll("\"RoleId\" ?: ?\"[A-Z0-9]+\",?", ""),
              "state in memory after unit " + unit);
        }
      }
    }
    assertTrue(failed > 40 && failed < 360, "failed units: " + failed);
    assertEquals(comparable(plain), comparable(held));
  }

  private static String outcome(IamWriter w, List<Consumer<IamWriter>> steps) {
    try {
      w.unit(
          u -> {
            steps.forEach(s -> s.accept(u));
            return null;
          });
      return "ok";
    } catch (IamWriteException e) {
      return e.kind() + ": " + e.getMessage();
    }
  }

  private static List<Consumer<IamWriter>> randomSteps(Random r) {
    List<Consumer<IamWriter>> steps = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String role = "role" + r.nextInt(4);
      String policy = "pol" + r.nextInt(4);
      String arn = "arn:aws:iam::123456789012:policy/" + policy;
      PrincipalType type = r.nextBoolean() ? PrincipalType.USER : PrincipalType.GROUP;
      String who = type == PrincipalType.USER ? "alice" : "devs";
      String tag = "v" + r.nextInt(3);
      PrincipalType attachType = r.nextBoolean() ? PrincipalType.ROLE : type;
      String attachTo = attachType == PrincipalType.ROLE ? role : who;
      switch (r.nextInt(14)) {
        case 0, 1, 12 -> steps.add(w -> w.createRole(LocalIamWriterTest.role(role)));
        case 2 -> steps.add(w -> w.deleteRole(role));
        case 3 -> steps.add(w -> w.tagRole(role, Map.of("k", tag)));
        case 4 -> steps.add(w -> w.putRolePolicy(role, "inline", LocalAccountStoreTest.TRUST));
        case 5 -> steps.add(w -> w.deleteRolePolicy(role, "inline"));
        case 6, 13 -> steps.add(w -> w.createPolicy(
            new NewPolicy(policy, "/", null, LocalAccountStoreTest.TRUST, Map.of("k", tag))));
        case 7 -> steps.add(w -> w.deletePolicy(arn));
        case 8 -> steps.add(w -> w.attachPolicy(attachType, attachTo, arn));
        case 9 -> steps.add(w -> w.detachPolicy(type, who, arn));
        case 10 -> steps.add(w -> w.detachPolicy(PrincipalType.ROLE, role, arn));
        default -> steps.add(w -> w.tagPolicy(arn, Map.of("t", tag)));
      }
    }
    return steps;
  }

  @Test
  void manyUnitsAreWrittenInFewBatchesAndAllOfThemOnRelease() throws Exception {
    Path file = dir.resolve("account.json");
    LocalAccountStore store = new LocalAccountStore(file);
    LocalIamWriter w = new LocalIamWriter(store);
    try (IamWriter.Lock lock = w.lock()) {
      for (int i = 0; i < 300; i++) {
        w.createRole(LocalIamWriterTest.role("r" + i));
      }
      assertEquals(300, store.load().account().roles().size(), "reads under the lock see the memory");
    }
    assertEquals(300, AccountFile.read(file).account().roles().size(), "written on release");
  }

  @Test
  void aFailedUnitUnderTheLockLeavesNothingBehind() {
    Path file = dir.resolve("account.json");
    LocalIamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    try (IamWriter.Lock lock = w.lock()) {
      w.createRole(LocalIamWriterTest.role("kept"));
      w.tagRole("kept", Map.of("a", "1"));
      assertThrows(IamWriteException.class, () -> w.unit(u -> {
        u.tagRole("kept", Map.of("a", "2"));
        u.createRole(LocalIamWriterTest.role("gone"));
        u.deleteRole("missing");
        return null;
      }));
      assertTrue(w.getRole("gone").isEmpty());
      assertEquals("1", w.getRole("kept").orElseThrow().tags().get("a"));
    }
  }

  @Test
  void theEcsSectionChangedByAnotherProgramIsSeenAndKept() throws Exception {
    Path file = dir.resolve("account.json");
    LocalIamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    try (IamWriter.Lock lock = w.lock()) {
      w.createRole(LocalIamWriterTest.role("a"));
      assertFalse(new LocalAccountStore(file).load().ecs().present());
      editOutside(file, text -> text.replaceFirst("\\{", "{\"ecs\": " + ECS + ","));
      assertTrue(new LocalAccountStore(file).load().ecs().present(), "read from the file again");
      w.createRole(LocalIamWriterTest.role("b"));
    }
    LocalState written = AccountFile.read(file);
    assertTrue(written.ecs().present(), "the other program's ecs section is kept");
    assertEquals(2, written.account().roles().size());
  }

  @Test
  void iamChangedByAProgramIgnoringTheLockStopsTheWritesAndIsKept() throws Exception {
    Path file = dir.resolve("account.json");
    LocalIamWriter w = new LocalIamWriter(new LocalAccountStore(file));
    IamWriter.Lock lock = w.lock();
    w.createRole(LocalIamWriterTest.role("mine"));
    SnapshotWriter.write(LocalAccountStoreTest.withRole(LocalState.empty(), "theirs"), file);
    String theirs = Files.readString(file);
    try {
      w.createRole(LocalIamWriterTest.role("second")); // may be the unit whose batch is due
    } catch (TargetException early) {
      assertTrue(early.getMessage().contains("was changed by another program"), early.getMessage());
    }
    TargetException e = assertThrows(TargetException.class, lock::close);
    assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + " was changed by another program"
        + " while this apply held its lock (account.json.lock), beyond its ecs section"), e.getMessage());
    assertEquals(theirs, Files.readString(file), "the other program's change is kept");
    w.createRole(LocalIamWriterTest.role("later")); // the lock is gone: a unit of its own
    assertEquals(java.util.Set.of("theirs", "later"), AccountFile.read(file).account().roles().keySet());
  }

  @Test
  void strayTempFilesOfAKilledWriterAreRemovedWhenTheLockIsTaken() throws Exception {
    Path file = dir.resolve("account.json");
    Path stray = dir.resolve(".account.json.123456.tmp");
    Files.writeString(stray, "{\"half");
    Path other = dir.resolve(".other.json.1.tmp");
    Files.writeString(other, "{}");
    try (IamWriter.Lock lock = new LocalIamWriter(new LocalAccountStore(file)).lock()) {
      assertFalse(Files.exists(stray));
      assertTrue(Files.exists(other), "only this file's temp files");
    }
  }

  private static void editOutside(Path file, java.util.function.UnaryOperator<String> edit) throws Exception {
    if (!Files.exists(file)) {
      SnapshotWriter.write(LocalState.empty(), file);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String changed = edit.apply(text);
    assertFalse(changed.equals(text), "the edit changed nothing");
    Files.writeString(file, changed, StandardCharsets.UTF_8);
  }
}
