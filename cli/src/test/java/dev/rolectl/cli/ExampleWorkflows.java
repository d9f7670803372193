package dev.rolectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The example GitHub Actions workflows (examples/github/*.yml), parsed, for tests. */
public final class ExampleWorkflows {
  private ExampleWorkflows() {}

  public static Path dir() {
    return RepoFiles.root().resolve("examples/github");
  }

  /** Each workflow by file name. */
  public static Map<String, Map<?, ?>> all() throws IOException {
    Map<String, Map<?, ?>> all = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir())) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        all.put(p.getFileName().toString(),
            new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(p)));
      }
    }
    assertEquals(List.of("apply.yml", "plan-accounts.yml", "plan.yml", "refresh.yml"),
        List.copyOf(all.keySet()));
    return all;
  }

  public static String text(String workflow) throws IOException {
    return Files.readString(dir().resolve(workflow));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> jobs(Map<?, ?> workflow) {
    return (Map<String, Map<String, Object>>) workflow.get("jobs");
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> steps(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("steps");
  }

  /** The workflows' github-script bodies by id (workflow/job/step name), for the node tests. */
  public static Map<String, Map<String, Object>> githubScripts() throws IOException {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (var w : all().entrySet()) {
      Map<?, ?> workflowEnv = (Map<?, ?>) w.getValue().get("env");
      for (var job : jobs(w.getValue()).entrySet()) {
        for (Map<String, Object> step : steps(job.getValue())) {
          if (String.valueOf(step.get("uses")).startsWith("actions/github-script@")) {
            Map<String, Object> env = new LinkedHashMap<>();
            if (workflowEnv != null) {
              workflowEnv.forEach((k, v) -> env.put(k.toString(), v.toString()));
            }
            Map<?, ?> stepEnv = (Map<?, ?>) step.get("env");
            if (stepEnv != null) {
              stepEnv.forEach((k, v) -> env.put(k.toString(), v.toString()));
            }
            out.put(w.getKey() + "/" + job.getKey() + "/" + step.get("name"), Map.of(
                "script", ((Map<?, ?>) step.get("with")).get("script").toString(), "env", env));
          }
        }
      }
    }
    return out;
  }
}
