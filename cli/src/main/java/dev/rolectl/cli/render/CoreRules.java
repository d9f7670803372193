package dev.rolectl.cli.render;

import dev.rolectl.engine.model.Severity;
import java.util.List;

/** The rules of the loader and the graph (policy lint rules come from the linter itself). */
public final class CoreRules {
  private CoreRules() {}

  public static final List<RuleInfo> ALL =
      List.of(
          new RuleInfo("yaml-syntax", Severity.ERROR, "A stack file is not valid YAML."),
          new RuleInfo(
              "schema",
              Severity.ERROR,
              "A stack file does not match the stack schema (schemas/stack.schema.json)."),
          new RuleInfo(
              "reference",
              Severity.ERROR,
              "A ${...} reference or dependency names something the stack does not define."),
          new RuleInfo("duplicate", Severity.ERROR, "A name is defined more than once."),
          new RuleInfo(
              "cycle",
              Severity.ERROR,
              "Resources depend on each other in a loop, so no creation order exists."));
}
