package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example stack and scenario stack, on moto and on a local account file, through the CLI:
 * apply, apply again (no changes), then destroy with an emptied stack of the same name, which
 * deletes what the stack owns and nothing else (a stack with protected roles is refused first,
 * exit 3, and destroyed after an apply with {@code protect: false}) (an untagged role with a similar name and another
 * stack's role stay). One moto server state for all of them (they clean up after themselves).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplyScenariosE2E {

  @TestFactory
  Stream<DynamicTest> applyAgainAndDestroy(Moto moto, @TempDir Path dir) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : Scenario.all()) {
      tests.add(DynamicTest.dynamicTest(s + " on moto", () -> run(s, Side.moto(moto), dir)));
      Path file = dir.resolve(s.path().getFileName() + "-account.json");
      tests.add(DynamicTest.dynamicTest(s + " on local", () -> run(s, Side.local(file), dir)));
    }
    return tests.stream();
  }

  static void run(Scenario s, Side side, Path dir) {
    Stack stack = s.load("123456789012");
    side.ensurePrincipals(Scenario.principals(stack));
    String firstRole = stack.resources(Role.class).findFirst().map(Role::name).orElse("none");
    String copy = firstRole + "-copy";
    String theirs = "theirs-" + stack.name();
    LiveAccount before = side.read(); // examples and scenarios may share role names
    if (!before.roles().containsKey(copy)) {
      side.createRole(copy, Map.of());
    }
    if (!before.roles().containsKey(theirs)) {
      side.createRole(theirs, Map.of("rolectl:stack", "other-" + stack.name()));
    }

    TestCli.Run applied = side.rolectl(args(s, s.path().toString(), "--auto-approve"));
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(applied.out().contains("Apply complete!"), applied::toString);
    TestCli.Run again = side.rolectl(args(s, s.path().toString()));
    assertEquals(0, again.exit(), again::toString);
    assertTrue(again.out().contains("No changes."), again::toString);

    LiveAccount live = side.read();
    stack.resources(Role.class).forEach(r ->
        assertEquals(stack.name(), live.roles().get(r.name()).tags().get("rolectl:stack"), r.name()));
    stack.resources(ManagedPolicy.class).forEach(p ->
        assertEquals(stack.name(), live.policies().get(p.name()).tags().get("rolectl:stack"), p.name()));

    Path empty = Scenario.emptied(dir, stack.name());
    List<String> kept = stack.resources(Role.class).filter(Role::protect).map(Role::name).toList();
    if (!kept.isEmpty()) {
      TestCli.Run refused = side.rolectl("apply", empty.toString(), "--auto-approve");
      assertEquals(3, refused.exit(), refused::toString);
      assertTrue(refused.out().contains("[protected]"), refused::toString);
      kept.forEach(r -> assertTrue(side.read().roles().containsKey(r), r + " is protected"));
      TestCli.Run lifted = side.rolectl(args(s, s.unprotected(dir).toString(), "--auto-approve"));
      assertEquals(0, lifted.exit(), lifted::toString);
    }
    TestCli.Run destroyed = side.rolectl("apply", empty.toString(), "--auto-approve");
    assertEquals(0, destroyed.exit(), destroyed::toString);
    TestCli.Run nothingLeft = side.rolectl("apply", empty.toString());
    assertEquals(0, nothingLeft.exit(), nothingLeft::toString);
    assertTrue(nothingLeft.out().contains("No changes."), nothingLeft::toString);

    LiveAccount after = side.read();
    after.roles().values().forEach(r -> assertFalse(stack.name().equals(r.tags().get("rolectl:stack")), r.name()));
    after.policies().values().forEach(p -> assertFalse(stack.name().equals(p.tags().get("rolectl:stack")), p.name()));
    assertTrue(after.roles().containsKey(copy), "the untagged look-alike stays");
    assertTrue(after.roles().containsKey(theirs), "another stack's role stays");
  }

  static String[] args(Scenario s, String path, String... more) {
    List<String> a = new ArrayList<>(List.of("apply", path));
    a.addAll(s.varArgs());
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }
}
