package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer managed policy as it exists in the account.
 *
 * @param defaultDocument the document of the default version
 * @param versionIds every version id, oldest first
 * @param description {@code null} when none
 * @param attachments principal type to names (sorted) of principals it is attached to; a type
 *     appears only when the policy is attached to at least one principal of it, and users and
 *     groups only when they were read (see {@link ReadRequest})
 */
public record LiveManagedPolicy(
    String name,
    String path,
    String arn,
    String description,
    PolicyDocument defaultDocument,
    String defaultVersionId,
    List<String> versionIds,
    Map<String, String> tags,
    Map<PrincipalType, List<String>> attachments) {

  /** Version ids oldest first: IAM names them v1, v2, ...; other ids sort last, by name. */
  public static final Comparator<String> VERSION_ORDER =
      Comparator.comparingLong(LiveManagedPolicy::versionNumber)
          .thenComparing(Comparator.naturalOrder());

  public LiveManagedPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(defaultDocument, "defaultDocument");
    versionIds = List.copyOf(versionIds);
    tags = Map.copyOf(tags);
    Map<PrincipalType, List<String>> a = new EnumMap<>(PrincipalType.class);
    attachments.forEach(
        (type, names) -> {
          if (!names.isEmpty()) {
            a.put(type, List.copyOf(names));
          }
        });
    attachments = Map.copyOf(a);
  }

  /** Names of the principals of one type that it is attached to (none when not read). */
  public List<String> attachedTo(PrincipalType type) {
    return attachments.getOrDefault(type, List.of());
  }

  private static long versionNumber(String id) {
    if (id.length() > 1 && (id.charAt(0) == 'v' || id.charAt(0) == 'V')) {
      try {
        return Long.parseLong(id.substring(1));
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
    return Long.MAX_VALUE;
  }
}
