package dev.rolectl.cli.render;

import dev.rolectl.engine.model.Severity;
import java.util.List;

/**
 * The rules of the loader and the graph, for SARIF rule metadata (policy lint rules come from the
 * linter itself). A rule id that shows up in a report but is missing here still gets an entry.
 */
public final class CoreRules {
  private CoreRules() {}

  public static final List<RuleInfo> ALL =
      List.of(
          rule("stack-files", "The stack path has no stack files or cannot be read."),
          rule("yaml-file", "A stack or var file cannot be read as a YAML file."),
          rule("yaml-syntax", "A stack file is not valid YAML."),
          rule("schema", "A stack file does not match the stack schema (schemas/stack.schema.json)."),
          rule("stack", "A whole-stack check failed: an attachment listed twice, too many tags, ..."),
          rule("account", "The stack is pinned to another account than the one in use."),
          rule("var", "A variable or var file is missing or malformed."),
          rule("reference", "A ${...} reference or dependency names something the stack does not define."),
          rule("duplicate", "A name or top-level setting is defined more than once or differently."),
          rule("policy", "A policy document is malformed."),
          rule("cycle", "Resources depend on each other in a loop, so no creation order exists."));

  private static RuleInfo rule(String id, String summary) {
    return new RuleInfo(id, Severity.ERROR, summary);
  }
}
