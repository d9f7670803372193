package dev.rolectl.engine.live;

/**
 * What to read besides roles and customer managed policies.
 *
 * @param users read users (the stack attaches policies to users)
 * @param groups read groups (the stack attaches policies to groups)
 */
public record ReadRequest(boolean users, boolean groups) {
  public static ReadRequest rolesAndPolicies() {
    return new ReadRequest(false, false);
  }
}
