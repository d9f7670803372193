package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). The same {@code rolectl
 * apply} of {@code bench.policies} customer managed policies (default 1,500) through the real CLI
 * (a child process: {@code java -jar target/rolectl.jar}), on a new {@code local:} file and on a
 * reset moto, {@code bench.runs} times each (default 2); then a no-change plan of the same stack on
 * each. The documents are the AWS managed policies that moto ships ({@code
 * moto/iam/aws_managed_policies.py} in the build's moto virtualenv) whose compact JSON fits a
 * customer policy (6,144 characters) and that moto accepts ({@link #motoAccepts}): about 1,490 of
 * them, used again in turn beyond that. Run it with
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LocalApplyBenchmark [-Dbench.policies=1500] [-Dbench.runs=2]
 * </pre>
 *
 * and find the figures in {@code cli/target/benchmarks/local-apply.txt}. Wall and CPU time of the
 * child come from {@code /usr/bin/time}.
 */
@Tag("e2e")
@Tag("benchmark")
@ExtendWith(MotoServer.class)
class LocalApplyBenchmark {
  static final int POLICIES = Integer.getInteger("bench.policies", 1500);
  static final int RUNS = Integer.getInteger("bench.runs", 2);

  @Test
  void applyCustomerPoliciesOnLocalAndOnMoto(Moto moto, @TempDir Path dir) throws Exception {
    List<String> documents = awsManagedPolicyDocuments();
    Path stack = StackFiles.policies(dir, "bench", "bench", POLICIES, documents);
    StringBuilder report = new StringBuilder();
    report.append("date=").append(Instant.now()).append(" nproc=")
        .append(Runtime.getRuntime().availableProcessors()).append('\n');
    report.append("policies=").append(POLICIES).append(" (documents: ").append(documents.size())
        .append(" AWS managed policies from moto, compact JSON <= 6144 characters, accepted by moto)\n");
    for (int run = 1; run <= RUNS; run++) {
      Path account = dir.resolve("account-" + run + ".json");
      report.append(measure("local apply", run, dir, Map.of(),
          "apply", stack.toString(), "--target", "local:" + account, "--auto-approve"));
      report.append(measure("local plan ", run, dir, Map.of(),
          "plan", stack.toString(), "--target", "local:" + account));
      moto.reset();
      try (Target t = Targets.open("aws", moto.targetOptions())) {
        t.iam().read(ReadRequest.rolesAndPolicies()); // moto loads its catalogue on first use
      }
      report.append(measure("moto apply ", run, dir, moto.env(),
          "apply", stack.toString(), "--auto-approve", "--stats"));
      report.append(measure("moto plan  ", run, dir, moto.env(),
          "plan", stack.toString(), "--stats"));
      System.err.print(report);
    }
    Path out = Path.of("target", "benchmarks", "local-apply.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
  }

  /** Runs the CLI under /usr/bin/time; one line: what, wall, CPU, load, calls. */
  private static String measure(String what, int run, Path dir, Map<String, String> env, String... args)
      throws Exception {
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    Path times = dir.resolve("time.txt");
    Path stderr = dir.resolve("stderr.txt");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", RolectlProcess.jar().toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().put("NO_COLOR", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(30, TimeUnit.MINUTES), what + " did not finish");
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), what + ": " + err);
    String[] t = Files.readString(times).trim().split(" ");
    long calls = err.lines().filter(l -> l.startsWith("API calls: ")).findFirst()
        .map(l -> Long.parseLong(l.substring("API calls: ".length()).split(" ")[0])).orElse(-1L);
    return String.format("%s run=%d wall=%7.2fs cpu=%7.2fs calls=%s load=[%s]%n", what, run,
        Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
        calls < 0 ? "-" : String.valueOf(calls), load);
  }

  private static final java.util.regex.Pattern IAM_RESOURCE =
      java.util.regex.Pattern.compile("arn:aws:iam::[^:\"]*:([^\"]*)");
  private static final List<String> MOTO_IAM_PATHS = List.of("user/", "federated-user/", "role/",
      "group/", "instance-profile/", "mfa/", "server-certificate/", "policy/", "sms-mfa/",
      "saml-provider/", "oidc-provider/", "report/", "access-report/");

  /**
   * moto refuses IAM resources whose path does not start with user/, role/, ...
   * (MalformedPolicyDocument; AWS accepts e.g. {@code arn:aws:iam::*:root} and {@code
   * arn:aws:iam::*:*}): a few documents.
   */
  static boolean motoAccepts(String json) {
    java.util.regex.Matcher m = IAM_RESOURCE.matcher(json);
    while (m.find()) {
      String path = m.group(1);
      if (MOTO_IAM_PATHS.stream().noneMatch(path::startsWith)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The documents of moto's AWS managed policy catalogue ({@link ManagedPolicyCorpus}) that fit a
   * customer policy and that moto accepts, in moto's order.
   */
  static List<String> awsManagedPolicyDocuments() {
    List<String> out = new ArrayList<>();
    ManagedPolicyCorpus.documents().forEach((name, document) -> {
      String json = document.toString();
      if (ManagedPolicyCorpus.size(document) <= ManagedPolicyCorpus.CUSTOMER_POLICY_SIZE
          && motoAccepts(json)) {
        out.add(json);
      }
    });
    return out;
  }
}
