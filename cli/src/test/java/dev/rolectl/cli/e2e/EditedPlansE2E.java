package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "Must show": hundreds of edited saved plans, generated from a real one ({@link
 * PlanEdits}), applied to moto while an ECS deployment uses the infrastructure role and a role is
 * protected ({@link SavedPlanScenario}): every one is refused, and no write call other than the
 * apply lock's reaches IAM ({@link IamRulesProxy} records them). Then the unedited plan applies.
 *
 * <p>Two passes: unsigned plans (apply plans the file's stack again and refuses any difference;
 * fields apply does not use, {@link PlanEdits#INFORMATIONAL}, are altered only in the next pass),
 * and plans signed with a plan key while the key is set (every field, the signature's own
 * included). One moto for all; the cases that reach it change nothing, so nothing is reset
 * between them; the account is compared with its first state at the end. Figures (cases, where
 * each was refused, time) land in {@code cli/target/benchmarks/edited-plans.txt}.
 *
 * <p>By default one edit of each kind runs: the same edit of the same field of another change of
 * the same kind and action is left out ({@link PlanEdits#sampled}). {@code -Dedited.plans=all}
 * runs every generated edit (about 2,900, a few minutes).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class EditedPlansE2E {
  static final String KEY = "issue-16-edited-plans-key-0123456789abcdef";

  @Test
  void everyEditedPlanIsRefusedAndNothingChangesThenTheRealOneApplies(Moto moto, @TempDir Path dir)
      throws Exception {
    SavedPlanScenario.seed(moto);
    LiveAccount before = SavedPlanScenario.read(moto);
    try (IamRulesProxy proxy = new IamRulesProxy(moto)) {
      Path stack = SavedPlanScenario.stack(dir);
      Path unsigned = SavedPlanScenario.plan(proxy, stack, dir.resolve("plan.json"), Map.of());
      Path signed = SavedPlanScenario.plan(proxy, stack, dir.resolve("signed.json"),
          Map.of("ROLECTL_PLAN_KEY", KEY));
      List<String> report = new ArrayList<>();
      long start = System.nanoTime();
      int[] plain = run(proxy, dir, chosen(PlanEdits.of(Files.readString(unsigned), false)),
          Map.of(), report);
      List<PlanEdits.Edit> signedEdits = PlanEdits.of(Files.readString(signed), true);
      int[] keyed = run(proxy, dir, "all".equals(System.getProperty("edited.plans")) ? signedEdits
          : PlanEdits.sampledSigned(signedEdits), Map.of("ROLECTL_PLAN_KEY", KEY), report);
      long ms = (System.nanoTime() - start) / 1_000_000;
      int cases = plain[0] + keyed[0];
      report.add(0, cases + " edited plans in " + ms + " ms: unsigned " + plain[0] + " (refused"
          + " reading the file " + plain[1] + ", by the re-plan " + plain[2] + "), signed " + keyed[0]
          + " (refused reading the file or its signature " + keyed[1] + ", by the re-plan "
          + keyed[2] + ")");
      write(report);
      assertTrue(cases >= 200, "at least 200 edited plans: " + cases);
      assertEquals(before, SavedPlanScenario.read(moto), "nothing changed in the account");

      TestCli.Run real = TestCli.run(proxy.env(), "apply", unsigned.toString());
      assertEquals(0, real.exit(), "the unedited plan applies: " + real);
      assertTrue(real.out().contains("Apply complete!"), real::toString);
      TestCli.Run again = TestCli.run(proxy.env(), "plan", stack.toString(), "--detailed-exitcode");
      assertEquals(0, again.exit(), "nothing left to do: " + again);
    }
  }

  private static List<PlanEdits.Edit> chosen(List<PlanEdits.Edit> all) {
    return "all".equals(System.getProperty("edited.plans")) ? all : PlanEdits.sampled(all);
  }

  /** Applies each edit; returns {cases, refused without an IAM call, refused after the re-plan}. */
  private static int[] run(IamRulesProxy proxy, Path dir, List<PlanEdits.Edit> edits,
      Map<String, String> extra, List<String> report) throws IOException {
    Map<String, String> env = new HashMap<>(proxy.env());
    env.putAll(extra);
    Path file = dir.resolve("edited.json");
    int early = 0;
    int late = 0;
    for (PlanEdits.Edit e : edits) {
      Files.writeString(file, e.json());
      proxy.clearCalls();
      TestCli.Run r = TestCli.run(env, "apply", file.toString());
      String what = e.name() + (extra.isEmpty() ? "" : " (signed)");
      assertTrue(r.exit() != 0, what + ": applied\n" + r);
      assertEquals(List.of(), SavedPlanScenario.writes(proxy), what + ": wrote to IAM\n" + r);
      assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what + ": " + r);
      boolean read = proxy.calls().isEmpty();
      early += read ? 1 : 0;
      late += read ? 0 : 1;
      report.add(what + " -> exit " + r.exit() + ", " + (read ? "no IAM call" : proxy.calls().size()
          + " IAM calls") + ": " + firstLine(r.err() + r.out()));
    }
    return new int[] {edits.size(), early, late};
  }

  private static String firstLine(String text) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 240 ? line.substring(0, 240) + "..." : line;
  }

  private static void write(List<String> report) throws IOException {
    Path out = Path.of("target/benchmarks/edited-plans.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }
}
