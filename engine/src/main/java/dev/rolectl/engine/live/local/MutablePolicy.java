package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer managed policy being edited by {@link AccountEditor}. Only the default version's
 * document is kept (the account file holds no other).
 */
final class MutablePolicy {
  final String name;
  final String path;
  final String arn;
  final String description;
  PolicyDocument defaultDocument;
  String defaultVersionId;
  final List<String> versionIds;
  final Map<String, String> tags;

  MutablePolicy(LiveManagedPolicy p) {
    name = p.name();
    path = p.path();
    arn = p.arn();
    description = p.description();
    defaultDocument = p.defaultDocument();
    defaultVersionId = p.defaultVersionId();
    versionIds = new ArrayList<>(p.versionIds());
    tags = new TreeMap<>(p.tags());
  }

  LiveManagedPolicy toLive(Map<PrincipalType, List<String>> attachments) {
    return new LiveManagedPolicy(
        name, path, arn, description, defaultDocument, defaultVersionId, versionIds, tags,
        attachments);
  }

  /** The next version id: one past the highest {@code vN}. */
  String nextVersionId() {
    long max = 0;
    for (String id : versionIds) {
      try {
        max = Math.max(max, Long.parseLong(id.substring(1)));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // not a vN id: does not count
      }
    }
    return "v" + (max + 1);
  }
}
