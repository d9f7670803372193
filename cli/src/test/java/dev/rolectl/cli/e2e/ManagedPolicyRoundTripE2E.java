package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolectl.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "Must show": every AWS managed policy document within the customer policy quota,
 * applied to moto as a customer managed policy by the real CLI, then planned again: the plan is
 * empty (rolectl reads back what it wrote as the same policy). moto is not AWS: its own
 * policy validation refuses a few resource ARNs that AWS's own policies use
 * ({@code arn:aws:iam::*:*}, {@code iam::aws:role-template/...}: "IAM resource path must either
 * be "*" or start with ..."); those are counted apart, and every other failure fails the test.
 * About 25 s on a quiet machine (docs/benchmarks.md, "AWS managed policy corpus").
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ManagedPolicyRoundTripE2E {
  static final java.util.regex.Pattern FAILED = java.util.regex.Pattern.compile(
      "Error: policies\\.(\\S+) \\(create\\): .*");
  static final String MOTO_ONLY_RULE = "IAM resource path must either be \"*\" or start with";

  @Test
  void everyPolicyWithinQuotaRoundTripsToAnEmptyPlan(Moto moto, @TempDir Path dir)
      throws Exception {
    Map<String, JsonNode> within = new LinkedHashMap<>();
    ManagedPolicyCorpus.documents().forEach((name, d) -> {
      if (ManagedPolicyCorpus.size(d) <= ManagedPolicyCorpus.CUSTOMER_POLICY_SIZE) {
        within.put(name, d);
      }
    });
    Path stack = ManagedPolicyCorpus.writeStack(dir.resolve("stack"), "corpus", within);

    long t0 = System.nanoTime();
    CliRun apply = run(dir, moto, "apply", stack.toString(), "--auto-approve");
    long t1 = System.nanoTime();
    java.util.Set<String> refusedByMoto = new java.util.TreeSet<>();
    for (String line : apply.err().split("\n")) {
      var m = FAILED.matcher(line);
      if (m.matches()) {
        assertTrue(line.contains(MOTO_ONLY_RULE), () -> "apply failed: " + line);
        refusedByMoto.add(m.group(1));
      }
    }
    assertTrue(refusedByMoto.size() < 20, refusedByMoto::toString);
    assertEquals(refusedByMoto.isEmpty() ? 0 : 1, apply.exitCode(), () -> tail(apply));
    refusedByMoto.forEach(within::remove);
    ManagedPolicyCorpus.writeStack(dir.resolve("stack"), "corpus", within);
    long t2 = System.nanoTime();
    CliRun plan = run(dir, moto, "plan", stack.toString(), "--detailed-exitcode", "--stats");
    long t3 = System.nanoTime();

    String figures = "[corpus] round trip: " + within.size() + " policies applied to moto and "
        + "planned again (" + refusedByMoto.size() + " refused by moto's own validation: "
        + refusedByMoto + "); apply " + (t1 - t0) / 1_000_000 + " ms, plan "
        + (t3 - t2) / 1_000_000 + " ms";
    System.out.println(figures);
    Files.createDirectories(Path.of("target", "corpus"));
    Files.writeString(Path.of("target", "corpus", "roundtrip.txt"), figures + "\n"
        + plan.err());
    assertTrue(within.size() > 1400);
    assertEquals(0, plan.exitCode(), () -> "the plan is not empty: " + tail(plan));
  }

  private static String tail(CliRun r) {
    String s = r.toString();
    return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
  }

  private static CliRun run(Path dir, Moto moto, String... args) throws Exception {
    Path err = Files.createTempFile(dir, "err", ".txt");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Process p = RolectlProcess.start(dir, moto.env(), err, args);
    p.getOutputStream().close();
    Thread drain = new Thread(() -> {
      try {
        Files.write(out, p.getInputStream().readAllBytes());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    drain.start();
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("rolectl " + String.join(" ", args) + " did not finish");
    }
    drain.join();
    return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
