package dev.rolectl.engine.access;

import java.util.Map;
import java.util.Objects;

/**
 * One request: who, which action (lower case), on which resource, and its condition keys (lower
 * case: the principal's, the resource's when it is known, and those the request carries, e.g.
 * {@code iam:passedtoservice}); a key not in {@code context} is absent from the request.
 */
record Request(Who who, String action, String resource, Map<String, String> context) {
  Request {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    context = Map.copyOf(context);
  }
}
