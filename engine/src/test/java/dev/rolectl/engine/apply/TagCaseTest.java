package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tag key whose case changes ({@code team} to {@code Team}): IAM's tag keys of roles are
 * case-insensitive, so the old key is removed first and the new one added after (the other
 * order would add {@code Team} over {@code team} and then remove it). The {@code local:} writer
 * treats keys as IAM does, so the wrong order would leave the role without the tag.
 */
class TagCaseTest {
  @TempDir Path dir;

  @Test
  void aTagKeyWhoseCaseChangesIsRemovedThenAdded() {
    Fx.Account account = new Fx.Account(dir.resolve("account.json"));
    ApplyResult first = Applier.apply(account.plan(Fx.stack(Fx.role("app", "/", null,
        Map.of("team", "a", "env", "prod")))), account.writer(), Fx.Account.options(), e -> {});
    assertTrue(first.succeeded(), first.outcomes()::toString);

    var stack = Fx.stack(Fx.role("app", "/", null, Map.of("Team", "a", "cost", "1")));
    Faults faults = new Faults();
    ApplyResult r = Applier.apply(account.plan(stack), faults.wrap(account.writer()),
        Fx.Account.options(), e -> {});
    assertTrue(r.succeeded(), r.outcomes()::toString);
    assertEquals(List.of("untagRole", "tagRole", "untagRole"), faults.calls,
        "team removed, then Team and cost added, then env removed");
    assertFalse(account.plan(stack).hasChanges(), "the role has Team=a and cost=1");
  }

  @Test
  void tagsAreAddedBeforeOthersAreRemovedWhenNoCaseChanges() {
    TagOrder order = TagOrder.of(Map.of("b", "1"), List.of("a"));
    assertEquals(List.of(), order.untagFirst());
    assertEquals(List.of("a"), order.untagAfter());
    TagOrder cased = TagOrder.of(Map.of("Team", "1", "x", "2"), List.of("team", "y"));
    assertEquals(List.of("team"), cased.untagFirst());
    assertEquals(List.of("y"), cased.untagAfter());
  }
}
