package dev.rolectl.engine.access;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A role as access analysis needs it; mutable while a view is built, then left alone. */
final class RoleState {
  final String name;
  String path;
  String arn;
  PolicyDocument trust;
  String boundaryArn;
  final List<String> attached = new ArrayList<>();
  final Map<String, PolicyDocument> inline = new TreeMap<>();
  Map<String, String> tags = Map.of();
  /** Why the role's documents could not be read, or null. */
  String unreadable;

  RoleState(String name) {
    this.name = name;
  }

  RoleState copy() {
    RoleState r = new RoleState(name);
    r.path = path;
    r.arn = arn;
    r.trust = trust;
    r.boundaryArn = boundaryArn;
    r.attached.addAll(attached);
    r.inline.putAll(inline);
    r.tags = tags;
    r.unreadable = unreadable;
    return r;
  }
}
