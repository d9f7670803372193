package dev.rolectl.engine.live;

/**
 * What to read besides roles and customer managed policies.
 *
 * <p>Attachments of customer managed policies to users and groups ({@link
 * LiveManagedPolicy#attachments()}) are known only when users and groups are read.
 *
 * @param users read users (the stack attaches policies to users)
 * @param groups read groups (the stack attaches policies to groups)
 * @param policyTags read the tags of every customer managed policy: on {@code aws} one {@code
 *     ListPolicyTags} call per policy (IAM returns policy tags nowhere else); without them every
 *     policy reads as untagged
 * @param instanceProfiles read every instance profile with its tags: on {@code aws} {@code
 *     ListInstanceProfiles} and, for profiles whose tags {@code GetAccountAuthorizationDetails}
 *     did not give, {@code GetInstanceProfile}; without it {@link
 *     LiveAccount#instanceProfiles()} is empty (roles still name their profiles)
 */
public record ReadRequest(boolean users, boolean groups, boolean policyTags,
    boolean instanceProfiles) {

  /** Instance profiles read when policy tags are (a read for planning needs both owners). */
  public ReadRequest(boolean users, boolean groups, boolean policyTags) {
    this(users, groups, policyTags, policyTags);
  }

  /** Users and groups as asked, policy tags read. */
  public ReadRequest(boolean users, boolean groups) {
    this(users, groups, true);
  }

  /** Roles and customer managed policies (with their tags), no users or groups. */
  public static ReadRequest rolesAndPolicies() {
    return new ReadRequest(false, false, true);
  }

  /** Everything: roles, policies with tags, users and groups. */
  public static ReadRequest everything() {
    return new ReadRequest(true, true, true);
  }
}
