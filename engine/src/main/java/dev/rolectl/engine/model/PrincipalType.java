package dev.rolectl.engine.model;

/** The kinds of existing IAM principal a customer managed policy can be attached to. */
public enum PrincipalType {
  USER("users"),
  GROUP("groups"),
  ROLE("roles");

  private final String yamlKey;

  PrincipalType(String yamlKey) {
    this.yamlKey = yamlKey;
  }

  /** The key under {@code attachTo} in the stack file. */
  public String yamlKey() {
    return yamlKey;
  }
}
