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
   */
  static Decision decide(
      boolean desired,
      boolean live,
      Ownership ownership,
      boolean adopt,
      String replaceReason,
      boolean differs) {
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
            "it is a service-linked role or owned by CloudFormation; rolectl never changes those."
                + " Give the resource in the stack another name.");
      case OTHER_STACK:
        return new Decision.Refuse(
            "it is owned by another rolectl stack (see its rolectl:stack tag). Remove it from one"
                + " of the two stacks, or rename it.");
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
}
