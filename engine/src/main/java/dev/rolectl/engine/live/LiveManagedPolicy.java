package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer managed policy as it exists in the account.
 *
 * @param defaultDocument the document of the default version
 * @param versionIds every version id, oldest first
 * @param attachments principal type to names of principals it is attached to
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

  public LiveManagedPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(defaultDocument, "defaultDocument");
    versionIds = List.copyOf(versionIds);
    tags = Map.copyOf(tags);
    attachments = Map.copyOf(attachments);
  }
}
