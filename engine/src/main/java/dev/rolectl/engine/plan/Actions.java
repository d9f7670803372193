package dev.rolectl.engine.plan;

/** The one pure function that chooses the action for a role or customer managed policy. */
final class Actions {
  private Actions() {}

  /**
   * @param desired the stack declares the resource
   * @param live the resource exists in the account
   * @param ownership who owns the live resource (ignored when not live)
   * @param adopt the stack or {@code --adopt} asks to adopt it
   * @param replaceReason why the live resource cannot be changed in place, or null
   * @param differs some attribute differs
   * @param stacks this stack's name, and the live resource's owner (its {@code rolectl:stack} tag,
   *     or null)
   */
  static Decision decide(
      boolean desired,
      boolean live,
      Ownership ownership,
      boolean adopt,
      String replaceReason,
      boolean differs,
      Stacks stacks) {
    if (!live) {
      return new Decision.Act(Action.CREATE, null);
    }
    if (!desired) {
      // Only resources we own are in scope without being declared.
      return new Decision.Act(Action.DELETE, "not in the stack any more");
    }
    switch (ownership) {
      case AWS_MANAGED:
        return new Decision.Refuse(
            "it is owned by AWS (a service-linked role under /aws-service-role/, or a role under"
                + " /aws-reserved/ such as IAM Identity Center's) or by CloudFormation; rolectl"
                + " never creates, changes, adopts, tags or deletes those. Give the resource in"
                + " the stack another name; to use the role, name its ARN.");
      case OTHER_STACK:
        return new Decision.Refuse(otherStack(stacks));
      case UNMANAGED:
        if (!adopt) {
          return new Decision.Refuse(
              "it exists in the account but rolectl does not manage it (it has no rolectl:stack"
                  + " tag). To take it over, add 'adopt: true' to it in the stack (or run with"
                  + " --adopt); to leave it alone, give the one in the stack another name.");
        }
        if (replaceReason != null) {
          return new Decision.Refuse(
              "it cannot be adopted because "
                  + replaceReason
                  + ". Make the stack match the live resource, adopt it, then change it.");
        }
        return new Decision.Act(Action.ADOPT, null);
      case OURS:
      default:
        if (replaceReason != null) {
          return new Decision.Act(Action.REPLACE, replaceReason);
        }
        return new Decision.Act(differs ? Action.UPDATE : Action.NO_OP, null);
    }
  }

  /** This stack and the one the live resource's tag names. */
  record Stacks(String ours, String owner) {}

  /**
   * Why another stack's resource is refused, and the safe order of a hand-over: removing it from
   * the owning stack first would make that stack's next apply delete it (it is still tagged so).
   */
  private static String otherStack(Stacks stacks) {
    return "it is owned by another rolectl stack, '" + stacks.owner() + "' (its rolectl:stack"
        + " tag). Remove it from this stack, or rename it. To hand it over to this stack instead,"
        + " first set the tag to rolectl:stack=" + stacks.ours() + " (aws iam tag-role or"
        + " tag-policy; in a local: file, its Tags), then remove it from stack '" + stacks.owner()
        + "': removed from that stack while the tag still names it, it would be deleted by that"
        + " stack's next apply.";
  }
}
