package dev.rolectl.engine.bench;

import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.graph.GraphBuilder;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import dev.rolectl.engine.policy.lint.PolicyLinter;
import dev.rolectl.engine.safety.Safety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, in memory (no AWS, no CLI): a stack of {@code roles} roles (5 resources each,
 * see {@link BenchAccount}) loaded from YAML files (1,000 roles a file), linted, put into a graph, diffed against a live
 * account and checked by the safety rules. Run with {@code mvn -B -P bench -pl engine verify
 * -DskipTests} (docs/benchmarks.md); {@code -Djmh.args="..."} passes JMH options, e.g. {@code
 * -p roles=1000}. Times are steady state (the set-up below runs every step once): a CLI run pays
 * class loading and compilation on top.
 *
 * <ul>
 *   <li>{@code load}: YAML, schema, references, policy parsing ({@link StackLoader#load});
 *   <li>{@code lint}: the lint rules ({@link PolicyLinter#lint});
 *   <li>{@code graph}: the dependency graph and its order ({@link GraphBuilder#build});
 *   <li>{@code diffNoChanges}: the plan against the account holding exactly the stack;
 *   <li>{@code diffWithChanges}: against an account where every 10th role's inline policy
 *       drifted, every 100th role is missing and 100 roles of the stack are no longer declared;
 *   <li>{@code safety}: the safety rules over that plan (1,600 changes for 10,000 roles), with
 *       ECS in memory: 10 of the removed roles used by services, one of them deploying.
 * </ul>
 *
 * <p>Every benchmark checks its result in the set-up (a plan that is not empty where it should
 * be, or no blocked change, fails the run), so a figure is never for a run that did nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineBenchmark {
  @Param({"10000"})
  public int roles;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
  private static final PlanOptions OPTIONS = new PlanOptions(false, "bench", CLOCK.instant());
  private static final LoadOptions LOAD =
      new LoadOptions(java.util.Map.of(), List.of(), BenchAccount.ACCOUNT, "aws");

  private Path dir;
  private Stack stack;
  private LiveAccount inSync;
  private LiveAccount drifted;
  private Plan changes;
  private EcsDeployments ecs;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("rolectl-bench");
    BenchAccount.writeStack(dir, roles);
    LoadResult loaded = StackLoader.load(dir, LOAD);
    stack = loaded.stack().orElseThrow(() -> new IllegalStateException(
        "the bench stack does not load: " + loaded.diagnostics().stream().limit(5).toList()));
    inSync = BenchAccount.inSync(stack);
    drifted = BenchAccount.live(stack, 10, 100, 100);
    ecs = BenchAccount.ecs(10);
    if (diffNoChanges().plan().orElseThrow().hasChanges()) {
      throw new IllegalStateException("the in-sync account should plan no change");
    }
    changes = diffWithChanges().plan().orElseThrow();
    int expected = roles / 10 - roles / 100 + 5 * (roles / 100) + 2 * 100;
    if (changes.changes().size() < expected) {
      throw new IllegalStateException("expected at least " + expected + " changes, got "
          + changes.changes().size());
    }
    if (!safety().blocked()) {
      throw new IllegalStateException("the deploying service should block its role's delete");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public LoadResult load() {
    return StackLoader.load(dir, LOAD);
  }

  @Benchmark
  public List<Diagnostic> lint() {
    return PolicyLinter.lint(stack);
  }

  @Benchmark
  public Object graph() {
    return GraphBuilder.build(stack);
  }

  @Benchmark
  public PlanResult diffNoChanges() {
    return Differ.plan(stack, inSync, OPTIONS);
  }

  @Benchmark
  public PlanResult diffWithChanges() {
    return Differ.plan(stack, drifted, OPTIONS);
  }

  @Benchmark
  public Plan safety() {
    return Safety.check(changes, stack, drifted, ecs, CLOCK);
  }
}
