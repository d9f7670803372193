package dev.rolectl.cli.e2e.gha;

import dev.rolectl.cli.ExampleWorkflows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one job of an example workflow on this machine, step by step, the way a GitHub-hosted
 * runner does as far as the workflows' shell steps can tell: each {@code run:} script with {@code
 * bash --noprofile --norc -eo pipefail} in the workspace, with the workflow's, job's and step's
 * {@code env:} (expressions evaluated by {@link Expressions}), the runner's variables ({@code
 * RUNNER_TEMP}, {@code GITHUB_WORKSPACE}, {@code GITHUB_OUTPUT}, {@code GITHUB_ENV}, {@code
 * GITHUB_PATH}, {@code GITHUB_STEP_SUMMARY}, {@code CI=true}), {@code if:} conditions and the
 * status functions, and step outputs. The actions the workflows use are stood in for by what they
 * do to the job's files and environment ({@link Actions}): checkout clones the test's git
 * repository at the ref GitHub would (honouring {@code fetch-depth}, {@code ref} and {@code
 * path}), setup-java puts this JVM's Java on PATH, configure-aws-credentials exports the test's
 * credentials (moto's), upload- and download-artifact copy files through a folder per run,
 * github-script steps get their outputs from the test (their bodies are tested by node), and the
 * SARIF upload does nothing.
 */
public final class JobRunner {
  /** One step as it ended: its outcome (success, failure, skipped), output and outputs. */
  public record Step(String name, String outcome, String log, Map<String, String> outputs) {}

  /** A job as it ended. */
  public record Job(List<Step> steps, Map<String, String> outputs, Path workspace) {
    public boolean succeeded() {
      return steps.stream().noneMatch(s -> s.outcome().equals("failure"));
    }

    public Step step(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps));
    }

    /** Every step's log, for assertion messages. */
    public String log() {
      StringBuilder b = new StringBuilder();
      steps.forEach(s -> b.append("--- ").append(s.name()).append(": ").append(s.outcome()).append('\n')
          .append(s.log()));
      return b.toString();
    }
  }

  private final String workflowName;
  private final Map<?, ?> workflow;
  private final RunContext ctx;

  public JobRunner(String workflowName, RunContext ctx) throws IOException {
    this.workflowName = workflowName;
    this.workflow = ExampleWorkflows.all().get(workflowName);
    this.ctx = ctx;
  }

  /** Runs job {@code jobId} in a fresh workspace under the context's folder. */
  public Job run(String jobId) throws IOException, InterruptedException {
    Map<String, Object> job = ExampleWorkflows.jobs(workflow).get(jobId);
    if (job == null) {
      throw new AssertionError(workflowName + " has no job " + jobId);
    }
    Path root = Files.createDirectories(ctx.folder.resolve("runner-" + ctx.runId + "-" + jobId
        + "-" + System.nanoTime()));
    Path workspace = Files.createDirectories(root.resolve("workspace"));
    Path temp = Files.createDirectories(root.resolve("temp"));
    Path home = Files.createDirectories(root.resolve("home"));
    Map<String, Map<String, String>> stepOutputs = new HashMap<>();
    Map<String, String> stepOutcomes = new HashMap<>();
    Map<String, String> jobEnv = new LinkedHashMap<>();
    Map<String, String> exported = new LinkedHashMap<>(); // GITHUB_ENV and actions' exports
    List<String> path = new ArrayList<>();
    boolean[] failed = {false};
    Expressions[] expr = new Expressions[1];
    java.util.function.Function<String, Object> contexts = p -> ctx.resolve(p, jobEnv, stepOutputs,
        stepOutcomes, temp);
    expr[0] = new Expressions(contexts, Map.of("always", true, "cancelled", false,
        "success", true, "failure", false));
    Map<String, String> workflowEnv = evaluated((Map<?, ?>) workflow.get("env"), expr[0]);
    jobEnv.putAll(workflowEnv);
    jobEnv.putAll(evaluated((Map<?, ?>) job.get("env"), expr[0]));
    Actions actions = new Actions(ctx, workspace, temp);
    List<Step> done = new ArrayList<>();
    int n = 0;
    for (Map<String, Object> step : ExampleWorkflows.steps(job)) {
      n++;
      String name = step.containsKey("name") ? step.get("name").toString() : String.valueOf(step.get("uses"));
      expr[0] = new Expressions(contexts, Map.of("always", true, "cancelled", false,
          "success", !failed[0], "failure", failed[0]));
      Object cond = step.get("if");
      // GitHub adds success() to a condition that names no status function
      boolean runIt = cond == null ? !failed[0]
          : expr[0].condition(cond.toString())
              && (cond.toString().matches("(?s).*\\b(always|failure|cancelled|success)\\(\\).*") || !failed[0]);
      if (ctx.skip.contains(name)) {
        runIt = false;
      }
      String id = (String) step.get("id");
      if (!runIt) {
        done.add(new Step(name, "skipped", "", Map.of()));
        if (id != null) {
          stepOutcomes.put(id, "skipped");
          stepOutputs.put(id, Map.of());
        }
        continue;
      }
      Map<String, String> env = new LinkedHashMap<>(jobEnv);
      env.putAll(exported);
      env.putAll(evaluated((Map<?, ?>) step.get("env"), expr[0]));
      Path output = Files.writeString(temp.resolve("output-" + n), "");
      Path envFile = Files.writeString(temp.resolve("env-" + n), "");
      Path pathFile = Files.writeString(temp.resolve("path-" + n), "");
      Map<String, String> runner = new LinkedHashMap<>();
      runner.put("CI", "true");
      runner.put("GITHUB_ACTIONS", "true");
      runner.put("HOME", home.toString());
      runner.put("RUNNER_TEMP", temp.toString());
      runner.put("GITHUB_WORKSPACE", workspace.toString());
      runner.put("GITHUB_OUTPUT", output.toString());
      runner.put("GITHUB_ENV", envFile.toString());
      runner.put("GITHUB_PATH", pathFile.toString());
      runner.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());
      runner.put("GITHUB_RUN_ID", ctx.runId);
      runner.put("GITHUB_REPOSITORY", "example-org/iam-roles");
      runner.put("GITHUB_SHA", ctx.sha);
      List<String> pathList = new ArrayList<>(path);
      pathList.add(System.getenv("PATH"));
      runner.put("PATH", String.join(":", pathList));
      String log;
      int exit;
      Map<String, String> outputs = new LinkedHashMap<>();
      if (step.containsKey("run")) {
        Path script = Files.writeString(temp.resolve("step-" + n + ".sh"), step.get("run").toString());
        Map<String, String> all = new LinkedHashMap<>(runner);
        all.putAll(env);
        all.put("PATH", runner.get("PATH"));
        String[] result = bash(workspace, all, script);
        exit = Integer.parseInt(result[0]);
        log = result[1];
      } else {
        Map<String, String> with = evaluated((Map<?, ?>) step.get("with"), expr[0]);
        Actions.Result r = actions.run(step.get("uses").toString(), with, env, runner);
        exit = r.exit();
        log = r.log();
        outputs.putAll(r.outputs());
        exported.putAll(r.exportedEnv());
        path.addAll(0, r.path());
      }
      outputs.putAll(keyValues(Files.readString(output)));
      exported.putAll(keyValues(Files.readString(envFile)));
      List<String> added = Files.readAllLines(pathFile).stream().filter(l -> !l.isBlank()).toList();
      for (String p : added) {
        path.add(0, p);
      }
      String outcome = exit == 0 ? "success" : "failure";
      if (exit != 0) {
        failed[0] = true;
      }
      done.add(new Step(name, outcome, log, outputs));
      if (id != null) {
        stepOutputs.put(id, outputs);
        stepOutcomes.put(id, outcome);
      }
    }
    expr[0] = new Expressions(contexts, Map.of("always", true, "cancelled", false,
        "success", !failed[0], "failure", failed[0]));
    Map<String, String> jobOutputs = evaluated((Map<?, ?>) job.get("outputs"), expr[0]);
    return new Job(done, jobOutputs, workspace);
  }

  private static Map<String, String> evaluated(Map<?, ?> map, Expressions expr) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k.toString(), expr.interpolate(String.valueOf(v))));
    }
    return out;
  }

  /** GITHUB_OUTPUT / GITHUB_ENV lines: {@code name=value} and {@code name<<DELIM ... DELIM}. */
  static Map<String, String> keyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int heredoc = line.indexOf("<<");
      int eq = line.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String delim = line.substring(heredoc + 2);
        StringBuilder v = new StringBuilder();
        for (i++; i < lines.length && !lines[i].equals(delim); i++) {
          v.append(v.length() > 0 ? "\n" : "").append(lines[i]);
        }
        out.put(line.substring(0, heredoc), v.toString());
      } else if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return out;
  }

  /** Runs a script as {@code shell: bash} does; returns {exit code, stdout and stderr}. */
  static String[] bash(Path dir, Map<String, String> env, Path script) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
        .directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ROLECTL_")
        || k.startsWith("GITHUB_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("XDG_CACHE_HOME"));
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("a step did not finish in 10 minutes: " + script);
    }
    return new String[] {Integer.toString(p.exitValue()), new String(out, StandardCharsets.UTF_8)};
  }

  /** Copies a file or a folder's content into {@code to}. */
  static void copy(Path from, Path to) {
    try {
      if (Files.isDirectory(from)) {
        try (Stream<Path> s = Files.walk(from)) {
          for (Path p : s.toList()) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
              Files.createDirectories(dest);
            } else {
              Files.createDirectories(dest.getParent());
              Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else {
        Files.createDirectories(to);
        Files.copy(from, to.resolve(from.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
