package dev.rolectl.engine.policy;

/** The elements of a policy document and its statements, as named in IAM's JSON grammar. */
public enum PolicyElement {
  VERSION("Version"),
  ID("Id"),
  SID("Sid"),
  EFFECT("Effect"),
  PRINCIPAL("Principal"),
  NOT_PRINCIPAL("NotPrincipal"),
  ACTION("Action"),
  NOT_ACTION("NotAction"),
  RESOURCE("Resource"),
  NOT_RESOURCE("NotResource"),
  CONDITION("Condition");

  private final String jsonName;

  PolicyElement(String jsonName) {
    this.jsonName = jsonName;
  }

  /** An unmodifiable copy in declaration order. */
  static java.util.Set<PolicyElement> ordered(java.util.Collection<PolicyElement> elements) {
    return elements.isEmpty()
        ? java.util.Set.of()
        : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(elements));
  }

  /** The element's name in policy JSON, e.g. {@code NotAction}. */
  public String jsonName() {
    return jsonName;
  }
}
