package dev.rolectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example GitHub Actions workflows run their scripts with {@code shell: bash}: only then does
 * GitHub add {@code -o pipefail} ({@code bash --noprofile --norc -eo pipefail {0}}); its default
 * shell is {@code bash -e {0}}, under which {@code rolectl apply ... | tee apply.jsonl} succeeds
 * when rolectl exits 1 or 3 (GitHub's workflow syntax reference, "defaults.run.shell").
 * actionlint does not check this.
 */
class WorkflowShellTest {
  @Test
  void everyExampleWorkflowRunsItsScriptsWithPipefail() throws IOException {
    List<Path> workflows;
    try (Stream<Path> s = Files.list(RepoFiles.root().resolve("examples/github"))) {
      workflows = s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted().toList();
    }
    assertFalse(workflows.isEmpty(), "no workflows under examples/github");
    for (Path workflow : workflows) {
      Map<?, ?> doc = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(Files.readString(workflow));
      Object defaults = doc.get("defaults");
      Object run = defaults instanceof Map<?, ?> d ? d.get("run") : null;
      Object shell = run instanceof Map<?, ?> r ? r.get("shell") : null;
      assertEquals("bash", shell, workflow + ": set 'defaults: {run: {shell: bash}}' so that"
          + " a failing command before a pipe fails the step");
    }
  }
}
