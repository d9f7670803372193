package dev.rolectl.engine.safety;

/**
 * Who uses a role in a way a change can break, each judged by its own reads: ECS as an
 * infrastructure role (by the deployments that use it), ECS tasks as a task or execution role (by
 * the task definitions in use), and EC2 instances through an instance profile (by the instance
 * profile associations).
 */
enum UsedBy {
  /** ECS, as an infrastructure role ({@code ecs.amazonaws.com}). */
  ECS_INFRASTRUCTURE("ecs.amazonaws.com"),
  /** ECS tasks, as a task or execution role ({@code ecs-tasks.amazonaws.com}). */
  ECS_TASKS("ecs-tasks.amazonaws.com"),
  /** EC2 instances, through an instance profile ({@code ec2.amazonaws.com}). */
  EC2("ec2.amazonaws.com");

  private final String principal;

  UsedBy(String principal) {
    this.principal = principal;
  }

  /** The service principal that assumes the role for it. */
  String principal() {
    return principal;
  }
}
