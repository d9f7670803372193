package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PrincipalType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything rolectl read from one account at one moment.
 *
 * @param roles role name to role (every role of the account)
 * @param policies customer managed policy name to policy
 * @param principals users and groups that were asked for, sorted by type and name
 * @param unreadable roles and policies left out because a document of theirs could not be read
 * @param instanceProfiles instance profile name to profile (every profile of the account, with
 *     or without a role)
 */
public record LiveAccount(
    String accountId,
    String partition,
    Map<String, LiveRole> roles,
    Map<String, LiveManagedPolicy> policies,
    List<LivePrincipal> principals,
    List<UnreadableDocument> unreadable,
    Map<String, LiveInstanceProfile> instanceProfiles) {

  /** An account without instance profiles. */
  public LiveAccount(String accountId, String partition, Map<String, LiveRole> roles,
      Map<String, LiveManagedPolicy> policies, List<LivePrincipal> principals,
      List<UnreadableDocument> unreadable) {
    this(accountId, partition, roles, policies, principals, unreadable, Map.of());
  }

  /** An account in which every document could be read. */
  public LiveAccount(String accountId, String partition, Map<String, LiveRole> roles,
      Map<String, LiveManagedPolicy> policies, List<LivePrincipal> principals) {
    this(accountId, partition, roles, policies, principals, List.of());
  }

  public LiveAccount {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
    roles = Map.copyOf(roles);
    policies = Map.copyOf(policies);
    unreadable = List.copyOf(unreadable);
    instanceProfiles = Map.copyOf(instanceProfiles);
    principals =
        principals.stream()
            .sorted(Comparator.comparing(LivePrincipal::type).thenComparing(LivePrincipal::name))
            .toList();
  }

  public Optional<LiveRole> role(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  /** The instance profile of this name, as IAM matches names (case-insensitively). */
  public Optional<LiveInstanceProfile> instanceProfile(String name) {
    LiveInstanceProfile exact = instanceProfiles.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return instanceProfiles.values().stream()
        .filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
  }

  public Optional<LiveManagedPolicy> policy(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /**
   * What a read with this request gives: users and groups (and attachments to them) only when
   * asked, policy tags and instance profiles only when asked. File adapters read everything and narrow it with this.
   */
  public LiveAccount narrowedTo(ReadRequest request) {
    Map<String, LiveManagedPolicy> narrowed = new java.util.LinkedHashMap<>();
    policies.forEach(
        (name, p) -> {
          Map<PrincipalType, List<String>> attachments = new java.util.EnumMap<>(PrincipalType.class);
          p.attachments()
              .forEach(
                  (type, names) -> {
                    if (wanted(type, request)) {
                      attachments.put(type, names);
                    }
                  });
          narrowed.put(
              name,
              new LiveManagedPolicy(
                  p.name(),
                  p.path(),
                  p.arn(),
                  p.description(),
                  p.defaultDocument(),
                  p.defaultVersionId(),
                  p.versionIds(),
                  request.policyTags() ? p.tags() : Map.of(),
                  attachments));
        });
    List<LivePrincipal> kept =
        principals.stream().filter(pr -> wanted(pr.type(), request)).toList();
    return new LiveAccount(accountId, partition, roles, narrowed, kept, unreadable,
        request.instanceProfiles() ? instanceProfiles : Map.of());
  }

  /**
   * This account with other users and groups ({@link IamAccount#readPrincipals}): {@code
   * principals} replace the ones read, and the policies' attachments to users and groups are
   * taken from them (names sorted), as a read that asked for them would have given.
   */
  public LiveAccount withPrincipals(List<LivePrincipal> others) {
    Map<String, Map<PrincipalType, List<String>>> byArn = new java.util.HashMap<>();
    for (LivePrincipal pr : others) {
      for (String arn : pr.attachedPolicyArns()) {
        byArn.computeIfAbsent(arn, k -> new java.util.EnumMap<>(PrincipalType.class))
            .computeIfAbsent(pr.type(), t -> new java.util.ArrayList<>())
            .add(pr.name());
      }
    }
    Map<String, LiveManagedPolicy> changed = new java.util.LinkedHashMap<>();
    policies.forEach(
        (name, p) -> {
          Map<PrincipalType, List<String>> attachments = new java.util.EnumMap<>(PrincipalType.class);
          p.attachedTo(PrincipalType.ROLE).forEach(
              r -> attachments.computeIfAbsent(PrincipalType.ROLE, t -> new java.util.ArrayList<>()).add(r));
          byArn.getOrDefault(p.arn(), Map.of())
              .forEach((type, names) -> attachments.put(type, names.stream().sorted().toList()));
          changed.put(
              name,
              new LiveManagedPolicy(p.name(), p.path(), p.arn(), p.description(), p.defaultDocument(),
                  p.defaultVersionId(), p.versionIds(), p.tags(), attachments));
        });
    return new LiveAccount(accountId, partition, roles, changed, others, unreadable,
        instanceProfiles);
  }

  private static boolean wanted(PrincipalType type, ReadRequest request) {
    return switch (type) {
      case ROLE -> true;
      case USER -> request.users();
      case GROUP -> request.groups();
    };
  }
}
