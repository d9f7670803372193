package dev.rolectl.cli.e2e.gha;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stand-ins for the actions the example workflows use, doing to the job's files and environment
 * what the action does (see {@link JobRunner}); an action the workflows start to use without a
 * stand-in here fails the test.
 */
final class Actions {
  /** What a stand-in did. */
  record Result(int exit, String log, Map<String, String> outputs, Map<String, String> exportedEnv,
      List<String> path) {
    static Result ok(String log) {
      return new Result(0, log, Map.of(), Map.of(), List.of());
    }

    static Result fail(String log) {
      return new Result(1, log, Map.of(), Map.of(), List.of());
    }
  }

  private final RunContext ctx;
  private final Path workspace;
  private final Path temp;

  Actions(RunContext ctx, Path workspace, Path temp) {
    this.ctx = ctx;
    this.workspace = workspace;
    this.temp = temp;
  }

  Result run(String uses, Map<String, String> with, Map<String, String> env, Map<String, String> runner)
      throws IOException, InterruptedException {
    String action = uses.substring(0, uses.indexOf('@'));
    switch (action) {
      case "actions/checkout":
        return checkout(with);
      case "actions/setup-java":
        if (!"17".equals(with.get("java-version"))) {
          return Result.fail("the workflows run rolectl on Java 17, not " + with.get("java-version"));
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        return new Result(0, "Java from " + javaHome, Map.of(), Map.of("JAVA_HOME", javaHome.toString()),
            List.of(javaHome.resolve("bin").toString()));
      case "aws-actions/configure-aws-credentials":
        String role = with.getOrDefault("role-to-assume", "");
        ctx.assumedRoles.add(role);
        if (role.isEmpty() || ctx.aws.isEmpty()) {
          return Result.fail("Could not assume role: role-to-assume is empty or no credentials");
        }
        Map<String, String> aws = new LinkedHashMap<>(ctx.aws);
        aws.put("AWS_REGION", with.get("aws-region"));
        aws.put("AWS_DEFAULT_REGION", with.get("aws-region"));
        return new Result(0, "assumed " + role, Map.of(), aws, List.of());
      case "actions/upload-artifact":
        return upload(with);
      case "actions/download-artifact":
        return download(with);
      case "actions/github-script":
        Map<String, String> outputs = ctx.githubScript.apply(with.get("script"), env);
        return new Result(0, "github-script (outputs from the test): " + outputs, outputs, Map.of(), List.of());
      case "github/codeql-action/upload-sarif":
        return Result.ok("SARIF upload (not made by the test)");
      default:
        return Result.fail("the test runner has no stand-in for " + action);
    }
  }

  private Result checkout(Map<String, String> with) throws IOException, InterruptedException {
    String ref = with.getOrDefault("ref", "");
    ref = ref.isEmpty() ? ctx.checkoutRef : ref;
    int depth = Integer.parseInt(with.getOrDefault("fetch-depth", "1"));
    Path dir = with.containsKey("path") ? workspace.resolve(with.get("path")) : workspace;
    String url = "file://" + ctx.origin;
    String script = depth == 0
        ? "git init -q . && git fetch -q --tags \"$URL\" '+refs/heads/*:refs/remotes/origin/*'"
            + " && git fetch -q \"$URL\" \"$REF\" && git checkout -q --detach FETCH_HEAD"
        : "git init -q . && git fetch -q --depth=" + depth + " \"$URL\" \"$REF\" && git checkout -q --detach FETCH_HEAD";
    Files.createDirectories(dir);
    Path file = Files.writeString(temp.resolve("checkout.sh"), script + "\n");
    String[] r = JobRunner.bash(dir, Map.of("URL", url, "REF", ref, "GIT_CONFIG_NOSYSTEM", "1"), file);
    return new Result(Integer.parseInt(r[0]), "checkout " + ref + " (fetch-depth " + depth + ")\n" + r[1],
        Map.of(), Map.of(), List.of());
  }

  private Result upload(Map<String, String> with) throws IOException {
    Path dest = ctx.artifacts.resolve(ctx.runId).resolve(with.get("name"));
    if (Files.exists(dest)) {
      return Result.fail("an artifact named " + with.get("name") + " exists already in run " + ctx.runId);
    }
    List<Path> found = new ArrayList<>();
    for (String line : with.get("path").split("\n")) {
      Path p = workspace.resolve(line.strip());
      if (!line.isBlank() && Files.exists(p)) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      String mode = with.getOrDefault("if-no-files-found", "warn");
      return mode.equals("error") ? Result.fail("no files for " + with.get("path"))
          : Result.ok("no files for " + with.get("path") + " (" + mode + ")");
    }
    Path base = found.size() == 1 ? (Files.isDirectory(found.get(0)) ? found.get(0) : found.get(0).getParent())
        : commonParent(found);
    for (Path p : found) {
      Path rel = base.relativize(p);
      Path to = rel.getParent() == null ? dest : dest.resolve(rel.getParent().toString());
      JobRunner.copy(p, Files.isDirectory(p) ? dest.resolve(rel.toString()) : to);
    }
    return Result.ok("uploaded " + found + " as " + with.get("name"));
  }

  private static Path commonParent(List<Path> paths) {
    Path base = paths.get(0).getParent();
    while (true) {
      Path b = base;
      if (paths.stream().allMatch(p -> p.startsWith(b))) {
        return base;
      }
      base = base.getParent();
    }
  }

  private Result download(Map<String, String> with) throws IOException {
    String run = with.getOrDefault("run-id", "");
    Path runDir = ctx.artifacts.resolve(run.isEmpty() ? ctx.runId : run);
    Path to = workspace.resolve(with.getOrDefault("path", "."));
    if (with.containsKey("name")) {
      Path a = runDir.resolve(with.get("name"));
      if (!Files.isDirectory(a)) {
        return Result.fail("Unable to download artifact(s): Artifact not found for name: " + with.get("name"));
      }
      JobRunner.copy(a, to);
      return Result.ok("downloaded " + a);
    }
    String glob = with.get("pattern").replace(".", "\\.").replace("*", ".*");
    boolean merge = "true".equals(with.get("merge-multiple"));
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(runDir)) {
      try (Stream<Path> s = Files.list(runDir)) {
        for (Path a : s.sorted().toList()) {
          if (a.getFileName().toString().matches(glob)) {
            names.add(a.getFileName().toString());
            JobRunner.copy(a, merge ? to : to.resolve(a.getFileName().toString()));
          }
        }
      }
    }
    Files.createDirectories(to);
    return Result.ok("downloaded " + names);
  }
}
