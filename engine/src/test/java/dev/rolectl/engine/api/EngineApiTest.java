package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A front end's whole round on a local: account, through the API alone. */
class EngineApiTest {
  static final String STACK = "apiVersion: rolectl/v1\nstack: api\nroles:\n  app:\n"
      + "    description: ${var.description}\n    trustPolicy:\n      Version: \"2012-10-17\"\n"
      + "      Statement:\n        - Effect: Allow\n          Principal: {Service: ecs-tasks.amazonaws.com}\n"
      + "          Action: sts:AssumeRole\n";

  @Test
  void checkPlanApplyAndASavedPlanThatWentStale(@TempDir Path dir) throws Exception {
    Path stack = Files.writeString(dir.resolve("stack.yaml"), STACK);
    StackSource source = new StackSource(stack, Map.of("description", "one"), List.of(),
        Optional.empty(), Optional.empty());
    assertFalse(StackCheck.run(source, true).hasErrors());
    String spec = "local:" + dir.resolve("account.json");
    List<EngineEvent> events = new ArrayList<>();

    try (Target t = Targets.open(spec, TargetOptions.defaults());
        StackApply apply = StackApply.open(source, t, false, Duration.ZERO, events::add, events::add)) {
      Plan plan = apply.outcome().plan().orElseThrow();
      assertTrue(plan.hasChanges());
      ApplyResult result = apply.apply(ApplySettings.defaults(), events::add, new Stop());
      assertTrue(result.succeeded());
    }
    assertTrue(events.stream().anyMatch(e -> e instanceof EngineEvent.Started s
        && s.what().startsWith("reading live IAM")), events::toString);

    Plan saved;
    try (Target t = Targets.open(spec, TargetOptions.defaults())) {
      PlanOutcome again = Planner.plan(source, t, false, e -> {});
      assertFalse(again.plan().orElseThrow().hasChanges(), "applied: nothing left");
      StackSource other = new StackSource(stack, Map.of("description", "two"), List.of(),
          Optional.empty(), Optional.empty());
      saved = Planner.plan(other, t, false, e -> {}).plan().orElseThrow();
      assertTrue(saved.hasChanges());
      TargetException wrong = assertThrows(TargetException.class, () -> Planner.plan(
          new StackSource(stack, Map.of("description", "x"), List.of(), Optional.of("999999999999"),
              Optional.empty()), t, false, e -> {}));
      assertTrue(wrong.getMessage().contains("999999999999"), wrong.getMessage());
    }
    try (Target t = Targets.open(spec, TargetOptions.defaults());
        StackApply drift = StackApply.open(new StackSource(stack, Map.of("description", "three"),
            List.of(), Optional.empty(), Optional.of("aws")), t, false, Duration.ZERO, e -> {}, e -> {})) {
      drift.apply(ApplySettings.defaults(), e -> {}, new Stop());
    }
    try (Target t = Targets.open(spec, TargetOptions.defaults());
        SavedApply stale = SavedApply.open(saved, t, Duration.ZERO, e -> {})) {
      assertTrue(stale.refusal().orElseThrow().startsWith("stale plan: live IAM changed"),
          "live IAM changed since the plan: " + stale.refusal());
      assertThrows(IllegalStateException.class,
          () -> stale.apply(ApplySettings.defaults(), e -> {}, new Stop()));
    }
  }

  /**
   * A front end ends the process on a signal while the apply still plans: the abort (here from the
   * planning notes, i.e. in the middle of planning) releases FILE.lock at once, so that another
   * apply could take it, and the session then refuses to apply.
   */
  @Test
  void anAbortWhilePlanningReleasesTheLockAtOnceAndNothingIsApplied(@TempDir Path dir)
      throws Exception {
    Path stack = Files.writeString(dir.resolve("stack.yaml"), STACK);
    StackSource source = new StackSource(stack, Map.of("description", "one"), List.of(),
        Optional.empty(), Optional.empty());
    Path file = dir.resolve("account.json");
    Stop stop = new Stop();
    List<String> lockedMeanwhile = new ArrayList<>();
    java.util.function.Consumer<EngineEvent> progress = e -> {
      if (e instanceof EngineEvent.Started s && s.what().startsWith("reading live IAM")) {
        stop.abort("interrupted (Ctrl-C)");
        try (var other = new dev.rolectl.engine.live.local.LocalIamWriter(
            new dev.rolectl.engine.live.local.LocalAccountStore(file)).lock()) {
          lockedMeanwhile.add("taken by another apply while the first still plans");
        }
      }
    };
    try (Target t = Targets.open("local:" + file, TargetOptions.defaults());
        StackApply apply = StackApply.open(source, t, false, Duration.ZERO, e -> {}, progress, stop)) {
      assertEquals(1, lockedMeanwhile.size());
      assertTrue(apply.outcome().plan().orElseThrow().hasChanges());
      TargetException refused = assertThrows(TargetException.class,
          () -> apply.apply(ApplySettings.defaults(), e -> {}, stop));
      assertTrue(refused.getMessage().contains("interrupted (Ctrl-C)"), refused.getMessage());
    }
    assertFalse(Files.exists(file), "nothing was applied");
  }

  @Test
  void aSnapshotTargetIsRefusedForApply(@TempDir Path dir) throws Exception {
    Path stack = Files.writeString(dir.resolve("stack.yaml"), STACK);
    Path file = Files.writeString(dir.resolve("snap.json"), "{}");
    try (Target t = Targets.open("snapshot:" + file, TargetOptions.defaults())) {
      TargetException e = assertThrows(TargetException.class, () -> StackApply.open(
          StackSource.of(stack), t, false, Duration.ZERO, x -> {}, x -> {}));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
  }
}
