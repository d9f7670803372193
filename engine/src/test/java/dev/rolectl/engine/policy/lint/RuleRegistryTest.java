package dev.rolectl.engine.policy.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

  @Test
  void ruleIdsAreUniqueAndSummariesPresent() {
    List<RuleInfo> rules = PolicyLinter.rules();
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> assertTrue(ids.add(r.id()), "duplicate id " + r.id()));
    rules.forEach(r -> assertFalse(r.summary().isBlank(), r.id()));
    assertTrue(ids.contains("passrole-wildcard-resource"));
  }

  /** docs/lint.md documents every rule, with its id in backquotes and its severity section. */
  @Test
  void everyRuleIsDocumented() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "lint.md"));
    for (RuleInfo r : PolicyLinter.rules()) {
      assertTrue(doc.contains("`" + r.id() + "`"), "docs/lint.md lacks " + r.id());
    }
  }

  @Test
  void findingsCarryTheRegisteredSeverity() {
    List<Diagnostic> findings = new StackFixture()
        .role("r", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*',"
            + "'Action':'sts:AssumeRole','Resource':'*'}}")
        .inline("r", "p", StackFixture.identity("'Effect':'Allow','Action':'*','Resource':'*'"))
        .lint();
    assertFalse(findings.isEmpty());
    for (Diagnostic d : findings) {
      RuleInfo info = PolicyLinter.rules().stream().filter(r -> r.id().equals(d.rule()))
          .findFirst().orElseThrow();
      assertEquals(info.severity(), d.severity(), d.rule());
    }
  }

  @Test
  void findingsAreOrderedByLocation() {
    List<Diagnostic> findings = new StackFixture()
        .role("r", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*',"
            + "'Action':'sts:AssumeRole'}}")
        .at("/roles/r/trustPolicy", 40, 5)
        .inline("r", "p", StackFixture.identity("'Effect':'Allow','NotAction':'s3:*',"
            + "'Resource':'*'"))
        .at("/roles/r/inlinePolicies/p", 10, 5)
        .lint();
    for (int i = 1; i < findings.size(); i++) {
      assertTrue(findings.get(i - 1).location().line() <= findings.get(i).location().line(),
          findings.toString());
    }
  }
}
