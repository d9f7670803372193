package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * One full read of an account's IAM state, in a handful of paginated calls:
 *
 * <ol>
 *   <li>{@code GetAccountAuthorizationDetails} (filters {@code Role}, {@code LocalManagedPolicy},
 *       plus {@code User}/{@code Group} when asked; 1000 items a page): roles with trust policy,
 *       inline policies, attachments, boundary, tags, last use and instance profiles; customer
 *       managed policies with every version;
 *   <li>{@code ListRoles} (1000 a page), on a thread of its own while the first pages: description
 *       and max session duration, which {@code RoleDetail} lacks ({@code GetRole} only for a role
 *       that the first lists and the second does not, e.g. one created between the two reads);
 *   <li>{@code ListPolicyTags}, one per customer managed policy when {@link
 *       ReadRequest#policyTags()} (policy tags come from nowhere else), eight at a time ({@link
 *       PolicyTagReader});
 *   <li>{@code ListInstanceProfiles} (1000 a page), and {@code GetInstanceProfile} for the
 *       profiles whose tags the first call did not give ({@link InstanceProfileReader}).
 * </ol>
 *
 * <p>For R roles and P customer managed policies: {@code ceil((R+P)/1000)} or more pages of the
 * first (IAM may return fewer items a page), {@code ceil(R/1000)} of the second, and P of the
 * third, whatever the number of attachments and inline policies.
 */
final class AccountReader {
  static final int PAGE = 1000;

  private final IamClient iam;

  AccountReader(IamClient iam) {
    this.iam = iam;
  }

  LiveAccount read(String accountId, String partition, ReadRequest request) {
    List<EntityType> filter = new ArrayList<>(List.of(EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY));
    if (request.users()) {
      filter.add(EntityType.USER);
    }
    if (request.groups()) {
      filter.add(EntityType.GROUP);
    }
    List<RoleDetail> roleDetails = new ArrayList<>();
    List<ManagedPolicyDetail> policyDetails = new ArrayList<>();
    List<UserDetail> users = new ArrayList<>();
    List<GroupDetail> groups = new ArrayList<>();
    // The two reads do not depend on each other: their round trips overlap (one less on the
    // critical path of every plan).
    FutureTask<Map<String, Role>> listing = new FutureTask<>(this::listRoles);
    Thread lister = new Thread(listing, "rolectl-list-roles");
    lister.setDaemon(true);
    lister.start();
    try {
      for (GetAccountAuthorizationDetailsResponse page :
          iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(filter).maxItems(PAGE))) {
        roleDetails.addAll(page.roleDetailList());
        page.policies().stream()
            .filter(p -> p.path() == null || !p.path().startsWith(IamWriter.LOCK_PATH)) // apply locks
            .forEach(policyDetails::add);
        users.addAll(page.userDetailList());
        groups.addAll(page.groupDetailList());
      }
    } catch (RuntimeException e) {
      listing.cancel(true);
      throw e;
    }
    Map<String, Role> listed = result(listing);

    Map<String, LiveRole> roles = new LinkedHashMap<>();
    List<UnreadableDocument> unreadable = new ArrayList<>();
    for (RoleDetail d : roleDetails) {
      Role summary = listed.containsKey(d.roleName()) ? listed.get(d.roleName()) : getRole(d.roleName());
      if (summary != null) {
        try {
          roles.put(d.roleName(), DetailMapper.role(d, summary));
        } catch (TargetException e) {
          unreadable.add(new UnreadableDocument(UnreadableDocument.Kind.ROLE, d.roleName(),
              d.arn(), e.getMessage(), null));
        }
      }
    }
    List<LivePrincipal> principals = new ArrayList<>();
    users.forEach(u -> principals.add(DetailMapper.user(u)));
    groups.forEach(g -> principals.add(DetailMapper.group(g)));

    Map<String, Map<String, String>> tags =
        request.policyTags()
            ? PolicyTagReader.read(iam, policyDetails.stream().map(ManagedPolicyDetail::arn).toList())
            : Map.of();
    Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();
    for (ManagedPolicyDetail d : policyDetails) {
      try {
        LiveManagedPolicy p =
            DetailMapper.policy(
                d, tags.getOrDefault(d.arn(), Map.of()), attachments(d.arn(), roles, principals));
        policies.put(p.name(), p);
      } catch (TargetException e) {
        unreadable.add(new UnreadableDocument(UnreadableDocument.Kind.POLICY,
            d.arn().substring(d.arn().lastIndexOf('/') + 1), d.arn(), e.getMessage(), null));
      }
    }
    return new LiveAccount(accountId, partition, roles, policies, principals, unreadable,
        request.instanceProfiles() ? InstanceProfileReader.read(iam, roleDetails) : Map.of());
  }

  /** Users and/or groups alone: GetAccountAuthorizationDetails filtered to them. */
  List<LivePrincipal> principals(boolean users, boolean groups) {
    List<EntityType> filter = new ArrayList<>();
    if (users) {
      filter.add(EntityType.USER);
    }
    if (groups) {
      filter.add(EntityType.GROUP);
    }
    List<LivePrincipal> out = new ArrayList<>();
    if (filter.isEmpty()) {
      return out;
    }
    for (GetAccountAuthorizationDetailsResponse page :
        iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(filter).maxItems(PAGE))) {
      page.userDetailList().forEach(u -> out.add(DetailMapper.user(u)));
      page.groupDetailList().forEach(g -> out.add(DetailMapper.group(g)));
    }
    return out;
  }

  private Map<String, Role> listRoles() {
    Map<String, Role> listed = new HashMap<>();
    iam.listRolesPaginator(r -> r.maxItems(PAGE)).roles().forEach(r -> listed.put(r.roleName(), r));
    return listed;
  }

  /** The value of a read on another thread; its SDK failure as it was thrown there. */
  private static <T> T result(FutureTask<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing roles", e);
    }
  }

  /** A role missing from ListRoles was created after it; {@code null} if it is gone again. */
  private Role getRole(String name) {
    try {
      return iam.getRole(r -> r.roleName(name)).role();
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  private static Map<PrincipalType, List<String>> attachments(
      String arn, Map<String, LiveRole> roles, List<LivePrincipal> principals) {
    Map<PrincipalType, List<String>> out = new EnumMap<>(PrincipalType.class);
    roles.values().stream()
        .filter(r -> r.attachedPolicyArns().contains(arn))
        .forEach(r -> out.computeIfAbsent(PrincipalType.ROLE, t -> new ArrayList<>()).add(r.name()));
    principals.stream()
        .filter(p -> p.attachedPolicyArns().contains(arn))
        .forEach(p -> out.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p.name()));
    out.values().forEach(names -> names.sort(null));
    return out;
  }
}
