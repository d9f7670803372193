package dev.rolectl.cli.e2e.gha;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What a workflow run knows, for {@link JobRunner}: the event ({@code github.*}), repository
 * variables and secrets, the matrix entry, the outputs of the jobs it needs, the git repository
 * that stands for GitHub's and the ref checkout takes by default, the AWS credentials
 * configure-aws-credentials hands out, where artifacts of every run are kept, the outputs each
 * github-script step gives, and steps to leave out (to show what a check prevents).
 */
public final class RunContext {
  final Path folder;
  final Path origin;
  final Path artifacts;
  String runId = "1";
  String sha = "";
  String checkoutRef = "";
  final Map<String, Object> github = new HashMap<>();
  final Map<String, String> vars = new HashMap<>();
  final Map<String, String> secrets = new HashMap<>();
  final Map<String, String> matrix = new HashMap<>();
  final Map<String, Map<String, String>> needs = new HashMap<>();
  final Map<String, String> aws = new HashMap<>();
  final Set<String> skip = new HashSet<>();
  final java.util.List<String> assumedRoles = new java.util.ArrayList<>();
  BiFunction<String, Map<String, String>, Map<String, String>> githubScript = (name, env) -> {
    throw new AssertionError("the test gives no outputs for github-script step " + name);
  };

  /**
   * @param folder where runners' workspaces go
   * @param origin the git repository checkout clones
   * @param artifacts artifacts by run id and name, shared by the runs of a test
   */
  public RunContext(Path folder, Path origin, Path artifacts) {
    this.folder = folder;
    this.origin = origin;
    this.artifacts = artifacts;
  }

  public RunContext run(String id, String sha, String checkoutRef) {
    this.runId = id;
    this.sha = sha;
    this.checkoutRef = checkoutRef;
    github.put("sha", sha);
    github.put("run_id", id);
    return this;
  }

  /** A pull_request event: base and head commits. */
  public RunContext pullRequest(int number, String baseSha, String headSha) {
    github.put("event", Map.of("pull_request", Map.of("number", number,
        "base", Map.of("sha", baseSha), "head", Map.of("sha", headSha))));
    return this;
  }

  public RunContext var(String name, String value) {
    vars.put(name, value);
    return this;
  }

  public RunContext secret(String name, String value) {
    secrets.put(name, value);
    return this;
  }

  public RunContext matrix(String name, String value) {
    matrix.put(name, value);
    return this;
  }

  public RunContext needs(String job, Map<String, String> outputs) {
    needs.put(job, outputs);
    return this;
  }

  /** What configure-aws-credentials exports (the test's endpoint and keys). */
  public RunContext aws(Map<String, String> env) {
    aws.clear();
    aws.putAll(env);
    return this;
  }

  public RunContext skip(String stepName) {
    skip.add(stepName);
    return this;
  }

  public RunContext noSkips() {
    skip.clear();
    return this;
  }

  public RunContext githubScript(BiFunction<String, Map<String, String>, Map<String, String>> outputs) {
    githubScript = outputs;
    return this;
  }

  /** The roles configure-aws-credentials was asked to assume, in order. */
  public java.util.List<String> assumedRoles() {
    return java.util.List.copyOf(assumedRoles);
  }

  /** A dotted context path's value; null when absent; an error for an unknown context. */
  Object resolve(String path, Map<String, String> env, Map<String, Map<String, String>> steps,
      Map<String, String> outcomes, Path temp) {
    String[] p = path.split("\\.");
    switch (p[0]) {
      case "vars":
        return vars.getOrDefault(p[1], "");
      case "secrets":
        return secrets.getOrDefault(p[1], "");
      case "matrix":
        return matrix.get(p[1]);
      case "env":
        return env.get(p[1]);
      case "runner":
        return p[1].equals("temp") ? temp.toString() : null;
      case "steps":
        if (p[2].equals("outputs")) {
          return steps.getOrDefault(p[1], Map.of()).get(p[3]);
        }
        return p[2].equals("outcome") || p[2].equals("conclusion") ? outcomes.get(p[1]) : null;
      case "needs":
        return needs.getOrDefault(p[1], Map.of()).get(p[3]);
      case "github":
        switch (p.length > 1 ? p[1] : "") {
          case "token":
            return "test-token";
          case "server_url":
            return "https://github.example";
          case "repository":
            return "example-org/iam-roles";
          default:
            Object v = github;
            for (int i = 1; i < p.length && v instanceof Map<?, ?> m; i++) {
              v = m.get(p[i]);
            }
            return v instanceof Map<?, ?> ? null : v == null ? null : v.toString();
        }
      default:
        throw new IllegalArgumentException("the test's runner has no context " + path);
    }
  }
}
