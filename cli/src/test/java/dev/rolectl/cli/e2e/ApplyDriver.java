package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.apply.Applier;
import dev.rolectl.engine.apply.ApplyOptions;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** Drives the engine directly (load, plan, apply) for end-to-end checks and benchmarks. */
final class ApplyDriver {
  private ApplyDriver() {}

  static Stack load(Path stack, Target target, Map<String, String> vars) {
    LoadResult r =
        StackLoader.load(
            stack,
            new LoadOptions(vars, java.util.List.of(), target.iam().accountId(), target.iam().partition()));
    return r.stack().orElseThrow(() -> new AssertionError("stack " + stack + ": " + r.diagnostics()));
  }

  static LiveAccount read(Target target, Stack stack) {
    return target.iam().read(StalePlan.readRequest(stack));
  }

  static Plan plan(Target target, Stack stack) {
    PlanResult r =
        Differ.plan(stack, read(target, stack), new PlanOptions(false, target.spec(), Instant.now()));
    return r.plan().orElseThrow(() -> new AssertionError("no plan: " + r.diagnostics()));
  }

  static ApplyResult apply(Target target, Plan plan, int parallelism, Consumer<EngineEvent> events) {
    ApplyOptions options =
        ApplyOptions.defaults(target.iam().partition()).withParallelism(parallelism);
    return Applier.apply(plan, target.writer().orElseThrow(), options, events);
  }

  /** Plans, applies, and checks that the next plan is empty. */
  static ApplyResult converge(Target target, Stack stack, int parallelism) {
    ApplyResult r = apply(target, plan(target, stack), parallelism, e -> {});
    assertTrue(r.succeeded(), () -> "apply failed: " + r.outcomes());
    Plan again = plan(target, stack);
    assertTrue(!again.hasChanges(), () -> "not converged: " + again.effectiveChanges());
    return r;
  }
}
