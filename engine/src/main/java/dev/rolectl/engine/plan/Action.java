package dev.rolectl.engine.plan;

/** What a plan does to one resource (docs/architecture.md, "Plans are data"). */
public enum Action {
  CREATE("+", "create"),
  UPDATE("~", "update in place"),
  DELETE("-", "delete"),
  /** Delete then create: IAM cannot rename or move a role or policy. */
  REPLACE("-/+", "replace"),
  /** Take over an existing resource that has no ownership tag: tag it, then manage it. */
  ADOPT("&", "adopt"),
  NO_OP(" ", "no change");

  private final String symbol;
  private final String description;

  Action(String symbol, String description) {
    this.symbol = symbol;
    this.description = description;
  }

  /** Terraform-like symbol for text output. */
  public String symbol() {
    return symbol;
  }

  public String description() {
    return description;
  }

  /** The lower-case name used in JSON plans. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Action fromJsonName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  public boolean isChange() {
    return this != NO_OP;
  }
}
