package dev.rolectl.engine.live;

import java.util.List;
import java.util.Objects;

/**
 * The versions of a customer managed policy.
 *
 * @param versionIds every version id, oldest first ({@link LiveManagedPolicy#VERSION_ORDER})
 */
public record PolicyVersionList(String defaultVersionId, List<String> versionIds) {
  /** IAM keeps at most this many versions of a managed policy. */
  public static final int MAX_VERSIONS = 5;

  public PolicyVersionList {
    Objects.requireNonNull(defaultVersionId, "defaultVersionId");
    versionIds = versionIds.stream().sorted(LiveManagedPolicy.VERSION_ORDER).toList();
  }

  /** Versions other than the default, oldest first. */
  public List<String> nonDefault() {
    return versionIds.stream().filter(v -> !v.equals(defaultVersionId)).toList();
  }
}
