package dev.rolectl.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A validated desired state: every resource of one stack, with references resolved.
 *
 * @param name the ownership scope, written to the {@code rolectl:stack} tag
 * @param account the account id the stack is pinned to, {@code null} if not pinned
 * @param accountId the account id references were resolved with (real or placeholder)
 * @param partition the partition references were resolved with
 * @param tags default tags for every taggable resource (already merged into each resource)
 */
public record Stack(
    String name,
    String account,
    String accountId,
    String partition,
    Map<String, String> tags,
    List<Resource> resources,
    StackSettings settings,
    SourceMap sourceMap) {

  public static final String OWNER_TAG = "rolectl:stack";

  /**
   * Tag that keeps {@code protect: true} on the live role or policy (value {@code true}), so that
   * removing the resource from the stack does not remove its protection.
   */
  public static final String PROTECT_TAG = "rolectl:protect";

  /** Tag keys rolectl keeps for itself (in any case; the stack schema refuses them). */
  public static final String RESERVED_TAG_PREFIX = "rolectl:";

  public Stack {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
    tags = Map.copyOf(tags);
    resources = List.copyOf(resources);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }

  public <T extends Resource> Stream<T> resources(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast);
  }

  public Optional<Resource> find(Address address) {
    return resources.stream().filter(r -> r.address().equals(address)).findFirst();
  }

  public Optional<String> pinnedAccount() {
    return Optional.ofNullable(account);
  }
}
