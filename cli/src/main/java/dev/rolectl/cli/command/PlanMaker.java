package dev.rolectl.cli.command;

import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import dev.rolectl.engine.safety.Safety;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a plan the way {@code plan} and {@code apply} both do: load the stack with the target's
 * account id and partition, read live IAM ({@link StalePlan#readRequest(Stack)}, so a saved plan's
 * fingerprint can be checked later), diff, and attach the safety verdicts.
 */
final class PlanMaker {
  /**
   * The outcome: a plan (with the stack and live state it came from) or the diagnostics that
   * stopped it; warnings come either way.
   */
  record Made(Optional<Plan> plan, Stack stack, LiveAccount live, List<Diagnostic> diagnostics) {}

  private PlanMaker() {}

  static Made make(
      Path stackPath,
      Map<String, String> vars,
      List<Path> varFiles,
      Target target,
      boolean adoptAll,
      Clock clock) {
    LoadOptions load =
        new LoadOptions(vars, varFiles, target.iam().accountId(), target.iam().partition());
    LoadResult loaded = StackLoader.load(stackPath, load);
    if (loaded.stack().isEmpty()) {
      return new Made(Optional.empty(), null, null, loaded.diagnostics());
    }
    Stack stack = loaded.stack().get();
    LiveAccount live = target.iam().read(StalePlan.readRequest(stack));
    PlanResult result =
        Differ.plan(stack, live, new PlanOptions(adoptAll, target.spec(), clock.instant()));
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
    diagnostics.addAll(result.diagnostics());
    Optional<Plan> plan =
        result.plan().map(p -> Safety.check(p, stack, live, target.ecs(), clock));
    return new Made(plan, stack, live, diagnostics);
  }
}
