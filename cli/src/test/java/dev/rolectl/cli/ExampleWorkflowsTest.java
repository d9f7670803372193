package dev.rolectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The supply-chain and trust rules of the example workflows (issue 17), which neither actionlint
 * nor zizmor checks as strictly: every action pinned by a full commit SHA with its tag in a
 * comment, one pin per action; checkout never keeps the token; no permissions at the workflow
 * level and exactly these per job; no job holds both AWS credentials and a token that writes to
 * the repository; no {@code ${{ }}} inside a script; the release archive is always checked
 * against ROLECTL_SHA256 by the same script; the SARIF upload is optional.
 */
class ExampleWorkflowsTest {
  private static final Pattern USES =
      Pattern.compile("uses: ([\\w.-]+/[\\w./-]+)@([0-9a-f]{40}) # (v\\d+\\.\\d+\\.\\d+)\\s*$",
          Pattern.MULTILINE);

  /** Exactly the permissions each job has; a change here is a change of trust, on purpose. */
  private static final Map<String, Map<String, String>> PERMISSIONS = Map.ofEntries(
      Map.entry("plan.yml/plan", Map.of("contents", "read", "id-token", "write")),
      Map.entry("plan.yml/comment", Map.of("pull-requests", "write")),
      Map.entry("plan.yml/sarif", Map.of("contents", "read", "security-events", "write")),
      Map.entry("apply.yml/reviewed-plan",
          Map.of("contents", "read", "pull-requests", "read", "actions", "read")),
      Map.entry("apply.yml/apply", Map.of("contents", "read", "actions", "read", "id-token", "write")),
      Map.entry("plan-accounts.yml/plan", Map.of("contents", "read", "id-token", "write")),
      Map.entry("plan-accounts.yml/merge", Map.of("pull-requests", "write")),
      Map.entry("refresh.yml/snapshot", Map.of("contents", "read", "id-token", "write")),
      Map.entry("refresh.yml/snapshot-pull-request",
          Map.of("contents", "write", "pull-requests", "write")),
      Map.entry("refresh.yml/drift", Map.of("contents", "read", "id-token", "write")),
      Map.entry("refresh.yml/drift-issues", Map.of("issues", "write")));

  @Test
  void everyActionIsPinnedByCommitWithItsTagInAComment() throws IOException {
    Map<String, String> pins = new HashMap<>();
    for (String name : ExampleWorkflows.all().keySet()) {
      String text = ExampleWorkflows.text(name);
      long uses = text.lines().filter(l -> l.trim().startsWith("uses:") || l.trim().startsWith("- uses:")).count();
      Matcher m = USES.matcher(text);
      int pinned = 0;
      while (m.find()) {
        pinned++;
        String before = pins.putIfAbsent(m.group(1), m.group(2) + " " + m.group(3));
        assertTrue(before == null || before.equals(m.group(2) + " " + m.group(3)),
            name + ": " + m.group(1) + " pinned as " + m.group(2) + " here, " + before + " elsewhere");
      }
      assertEquals(uses, pinned, name + ": every uses: is ACTION@<40-hex SHA> # vX.Y.Z");
    }
    assertEquals(7, pins.size(), pins.toString());
  }

  @Test
  void checkoutNeverKeepsTheTokenAndScriptsHoldNoExpressions() throws IOException {
    for (var w : ExampleWorkflows.all().entrySet()) {
      for (var job : ExampleWorkflows.jobs(w.getValue()).entrySet()) {
        for (Map<String, Object> step : ExampleWorkflows.steps(job.getValue())) {
          String uses = String.valueOf(step.get("uses"));
          if (uses.startsWith("actions/checkout@")) {
            Map<?, ?> with = (Map<?, ?>) step.get("with");
            assertEquals(false, with == null ? null : with.get("persist-credentials"),
                w.getKey() + "/" + job.getKey() + ": checkout with persist-credentials: false");
          }
          Object run = step.get("run");
          if (run != null) {
            assertFalse(run.toString().contains("${{"), w.getKey() + "/" + job.getKey() + "/"
                + step.get("name") + ": a script takes values through env:, never ${{ }} (injection)");
          }
        }
      }
    }
  }

  @Test
  void permissionsAreNoneAtTheTopAndExactlyTheseForEachJob() throws IOException {
    Map<String, Map<String, String>> found = new TreeMap<>();
    for (var w : ExampleWorkflows.all().entrySet()) {
      assertEquals(Map.of(), w.getValue().get("permissions"), w.getKey() + ": permissions: {} at the top");
      for (var job : ExampleWorkflows.jobs(w.getValue()).entrySet()) {
        Object p = job.getValue().get("permissions");
        assertTrue(p instanceof Map<?, ?>, w.getKey() + "/" + job.getKey() + ": its own permissions");
        Map<String, String> perms = new TreeMap<>();
        ((Map<?, ?>) p).forEach((k, v) -> perms.put(k.toString(), v.toString()));
        found.put(w.getKey() + "/" + job.getKey(), perms);
        boolean aws = perms.containsKey("id-token");
        boolean writes = perms.entrySet().stream()
            .anyMatch(e -> !e.getKey().equals("id-token") && e.getValue().equals("write")
                && !e.getKey().equals("security-events"));
        assertFalse(aws && writes, w.getKey() + "/" + job.getKey()
            + ": AWS credentials and a token that writes to the repository in one job");
      }
    }
    Map<String, Map<String, String>> expected = new TreeMap<>();
    PERMISSIONS.forEach((k, v) -> expected.put(k, new TreeMap<>(v)));
    assertEquals(expected, found);
  }

  @Test
  void theReleaseArchiveIsAlwaysCheckedAgainstItsSha256() throws IOException {
    String install = null;
    int n = 0;
    for (var w : ExampleWorkflows.all().entrySet()) {
      assertFalse(ExampleWorkflows.text(w.getKey()).matches("(?s).*curl[^\\n]*\\|\\s*tar.*"), w.getKey() + ": curl | tar");
      for (var job : ExampleWorkflows.jobs(w.getValue()).entrySet()) {
        for (Map<String, Object> step : ExampleWorkflows.steps(job.getValue())) {
          if (String.valueOf(step.get("name")).startsWith("Install rolectl")) {
            String run = step.get("run").toString();
            install = install == null ? run : install;
            assertEquals(install, run, w.getKey() + "/" + job.getKey() + ": one install script everywhere");
            assertEquals("${{ vars.ROLECTL_SHA256 }}", ((Map<?, ?>) step.get("env")).get("ROLECTL_SHA256"));
            n++;
          }
        }
      }
    }
    assertNotNull(install);
    assertTrue(install.contains("sha256sum --check --strict") && install.indexOf("sha256sum")
        < install.indexOf("tar xzf"), "checked before it is unpacked:\n" + install);
    assertEquals(7, n, "every job that runs rolectl installs it the same way");
  }

  @Test
  void theApplyJobRunsInTheIamEnvironmentAndTheSarifUploadIsOptional() throws IOException {
    Map<String, Map<?, ?>> all = ExampleWorkflows.all();
    Map<String, Object> apply = ExampleWorkflows.jobs(all.get("apply.yml")).get("apply");
    assertEquals("iam", apply.get("environment"));
    for (var w : all.entrySet()) {
      for (var job : ExampleWorkflows.jobs(w.getValue()).entrySet()) {
        boolean applyRole = job.getValue().toString().contains("ROLECTL_APPLY_ROLE_ARN");
        assertEquals(w.getKey().equals("apply.yml") && job.getKey().equals("apply"), applyRole,
            w.getKey() + "/" + job.getKey() + ": only apply/apply assumes the apply role");
        if (job.getValue().toString().contains("upload-sarif")) {
          assertEquals("vars.ROLECTL_SARIF == 'true'", job.getValue().get("if"), job.getKey());
        }
      }
    }
    assertTrue(ExampleWorkflows.text("plan.yml").contains("# Validation findings in code scanning. Optional"));
  }

  @Test
  void theCommentScriptIsTheSameInBothPlanWorkflowsAndNoHeaderMentionsStacks() throws IOException {
    Map<String, Map<?, ?>> all = ExampleWorkflows.all();
    List<String> scripts = new ArrayList<>();
    for (String name : List.of("plan.yml", "plan-accounts.yml")) {
      for (var job : ExampleWorkflows.jobs(all.get(name)).values()) {
        for (Map<String, Object> step : ExampleWorkflows.steps(job)) {
          if (String.valueOf(step.get("uses")).startsWith("actions/github-script@")) {
            scripts.add(((Map<?, ?>) step.get("with")).get("script").toString());
          }
        }
      }
    }
    assertEquals(2, scripts.size());
    assertEquals(scripts.get(0), scripts.get(1), "one comment script, tested once (github-scripts.test.mjs)");
    for (String name : all.keySet()) {
      assertFalse(ExampleWorkflows.text(name).contains("STACKS"), name + ": there is no STACKS to adjust");
    }
  }
}
