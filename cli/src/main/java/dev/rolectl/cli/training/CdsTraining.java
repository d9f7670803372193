package dev.rolectl.cli.training;

import dev.rolectl.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The runs the launcher ({@code bin/rolectl}) makes its class-data-sharing archives from ({@code
 * java -XX:ArchiveClassesAtExit=... -cp rolectl.jar dev.rolectl.cli.training.CdsTraining
 * PROFILE}): the CLI in this JVM, as users run it, on a built-in stack ({@code stack.yaml} beside
 * this class). Two profiles, one archive each, because the JVM relocates the whole archive on
 * every start (a larger archive costs every run, docs/benchmarks.md):
 *
 * <ul>
 *   <li>{@code offline}: {@code validate} and {@code graph}, for the commands that never reach AWS;
 *   <li>{@code aws}: the same, {@code plan} against an empty {@code local:} account, then {@code
 *       plan --out}, {@code show --format markdown} and {@code apply} of the saved plan against the
 *       {@code aws} target. So the archive holds the AWS SDK clients (IAM, STS, EC2, ECS), the HTTP
 *       client, the request path (signing, retries, marshalling, XML and JSON unmarshalling), the
 *       ECS scan, the applier and the renderers.
 * </ul>
 *
 * <p>No network: the {@code aws} target is pointed at {@link TrainingEndpoint}, a server in this
 * JVM on the loopback address, with example credentials and no AWS config or credentials file
 * (the user's profiles are not read); {@link LoopbackOnly} sends any connection to another host
 * to that endpoint, which refuses it. Nothing outlives the run: the endpoint stops, the temporary
 * directory is deleted, and the process exits (after at most {@link #DEADLINE_SECONDS} s).
 *
 * <p>Prints one line per step (exit code, time), the calls the endpoint answered and any refused
 * connection; exits 0 when every step ended as expected and nothing left the loopback address,
 * else 1 (also for an unknown profile). The launcher discards the output: a failed step only
 * makes the archive smaller.
 */
public final class CdsTraining {
  static final int DEADLINE_SECONDS = 120;

  private CdsTraining() {}

  /** {@code CdsTraining [offline|aws]} (default {@code aws}). */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Thread deadline = new Thread(() -> {
      try {
        Thread.sleep(DEADLINE_SECONDS * 1000L);
        out.println("training: not done after " + DEADLINE_SECONDS + " s; stopping");
        out.flush();
        System.exit(1);
      } catch (InterruptedException done) {
        Thread.currentThread().interrupt();
      }
    }, "cds-training-deadline");
    deadline.setDaemon(true);
    deadline.start();
    String profile = args.length > 0 ? args[0] : "aws";
    int code = switch (profile) {
      case "offline" -> run(false, out);
      case "aws" -> run(true, out);
      default -> {
        out.println("training: unknown profile '" + profile + "' (offline or aws)");
        yield 1;
      }
    };
    out.flush();
    System.exit(code);
  }

  /** Runs the steps of a profile and reports on {@code report}; 0 when all went as expected. */
  static int run(boolean aws, PrintWriter report) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("rolectl-cds-training");
      Path stack = copy("stack.yaml", dir);
      Path vars = copy("vars.yaml", dir);
      List<String> load = List.of(stack.toString(), "--var-file", vars.toString());
      boolean ok = step(args("validate", load), Map.of(), report)
          & step(args("graph", load), Map.of(), report);
      return aws ? (awsSteps(dir, load, report) && ok ? 0 : 1) : (ok ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      report.println("training failed: " + e);
      return 1;
    } finally {
      deleteQuietly(dir);
    }
  }

  /** plan (local:), plan --out, show, apply against the endpoint; false if any step failed. */
  private static boolean awsSteps(Path dir, List<String> load, PrintWriter report) {
    ProxySelector before = ProxySelector.getDefault();
    try (TrainingEndpoint endpoint = TrainingEndpoint.start()) {
      isolateFromAwsConfig(dir);
      LoopbackOnly guard = new LoopbackOnly(endpoint.address());
      ProxySelector.setDefault(guard);
      Map<String, String> env = new TreeMap<>(Map.of(
          "AWS_ENDPOINT_URL", endpoint.uri().toString(),
          "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
          "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "AWS_REGION", "us-east-1",
          "AWS_MAX_ATTEMPTS", "1",
          "NO_COLOR", "1"));
      String plan = dir.resolve("plan.json").toString();
      boolean ok = true;
      for (List<String> step : List.of(
          args("plan", load, "--target", "local:" + dir.resolve("account.json")),
          args("plan", load, "--target", "aws", "--stats", "--out", plan),
          List.of("show", plan, "--format", "markdown"),
          List.of("apply", plan, "--auto-approve", "--stats"))) {
        ok &= step(step, env, report);
      }
      report.println("calls answered: " + endpoint.calls().size() + " " + endpoint.calls());
      List<String> refused = new ArrayList<>(endpoint.outside());
      guard.refused().forEach(u -> refused.add(u.toString()));
      report.println("connections outside the loopback address: " + refused.size()
          + (refused.isEmpty() ? "" : " " + refused));
      return ok && refused.isEmpty();
    } finally {
      ProxySelector.setDefault(before);
    }
  }

  private static List<String> args(String command, List<String> load, String... more) {
    List<String> out = new ArrayList<>(List.of(command));
    out.addAll(load);
    out.addAll(List.of(more));
    return out;
  }

  private static boolean step(List<String> args, Map<String, String> env, PrintWriter report) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), InputStream.nullInputStream(), env)
        .run(args.toArray(new String[0]));
    report.println("rolectl " + args.get(0) + ": exit " + code + " ("
        + (System.nanoTime() - start) / 1_000_000 + " ms)");
    if (code != 0) {
      err.toString().lines().limit(20).forEach(l -> report.println("  " + l));
    }
    return code == 0;
  }

  /**
   * The SDK reads no AWS config or credentials file of the user (their profiles could name
   * endpoints, regions or credential processes): both point at files that do not exist, and
   * instance metadata is off.
   */
  private static void isolateFromAwsConfig(Path dir) {
    System.setProperty("aws.configFile", dir.resolve("no-aws-config").toString());
    System.setProperty("aws.sharedCredentialsFile", dir.resolve("no-aws-credentials").toString());
    System.setProperty("aws.profile", "default");
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  private static Path copy(String resource, Path dir) throws IOException {
    try (InputStream in = CdsTraining.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the jar");
      }
      Path to = dir.resolve(resource);
      Files.copy(in, to);
      return to;
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
