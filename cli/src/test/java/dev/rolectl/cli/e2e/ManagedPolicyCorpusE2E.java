package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolectl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, "Must show": every AWS managed policy that moto ships, validated by the real CLI as a
 * customer managed policy, gives no error other than the true quota findings (documents over the
 * 6,144-character customer policy size, counted apart). The per-rule counts and the time go to
 * {@code target/corpus/validate.json} (summarised in docs/lint.md and docs/benchmarks.md).
 */
@Tag("e2e")
class ManagedPolicyCorpusE2E {
  @Test
  void everyAwsManagedPolicyValidatesAsACustomerPolicy(@TempDir Path dir) throws Exception {
    Map<String, JsonNode> docs = ManagedPolicyCorpus.documents();
    assertTrue(docs.size() > 1500, "moto ships about 1,580 AWS managed policies");
    Set<String> oversized = new TreeSet<>();
    docs.forEach((name, d) -> {
      if (ManagedPolicyCorpus.size(d) > ManagedPolicyCorpus.CUSTOMER_POLICY_SIZE) {
        oversized.add("policies." + name);
      }
    });
    Path stack = ManagedPolicyCorpus.writeStack(dir.resolve("stack"), "corpus", docs);

    long start = System.nanoTime();
    CliRun r = RolectlProcess.run(dir, Map.of(), "validate", stack.toString(), "--format",
        "json");
    long millis = (System.nanoTime() - start) / 1_000_000;

    JsonNode report = ManagedPolicyCorpus.JSON.readTree(r.out());
    Map<String, Integer> byRule = new TreeMap<>();
    Set<String> sizeErrors = new TreeSet<>();
    Map<String, String> otherErrors = new TreeMap<>();
    for (JsonNode d : report.get("diagnostics")) {
      String rule = d.get("severity").asText() + " " + d.get("rule").asText();
      byRule.merge(rule, 1, Integer::sum);
      if (d.get("severity").asText().equals("error")) {
        if (d.get("rule").asText().equals("managed-policy-size")) {
          sizeErrors.add(d.get("address").asText());
        } else {
          otherErrors.put(d.get("address").asText(), d.get("message").asText());
        }
      }
    }
    Path out = Path.of("target", "corpus");
    Files.createDirectories(out);
    var summary = ManagedPolicyCorpus.JSON.createObjectNode();
    summary.put("policies", docs.size());
    summary.put("overCustomerPolicySize", oversized.size());
    summary.put("validateMillis", millis);
    summary.set("findingsByRule", ManagedPolicyCorpus.JSON.valueToTree(byRule));
    Files.writeString(out.resolve("validate.json"),
        ManagedPolicyCorpus.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    System.out.println("[corpus] " + summary);

    assertEquals(Map.of(), otherErrors, "errors other than the size quota");
    assertEquals(oversized, sizeErrors, "exactly the documents over 6,144 characters");
    assertEquals(1, r.exitCode(), "the size findings are errors");
  }
}
