package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Protection;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.AccessImpact;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes one change: the {@link Protection} rule (a protected resource is never deleted or
 * replaced, whatever a saved plan says), the safety re-check (for everything but creates that only
 * broaden, see {@link #rechecked}), then its IAM calls as one
 * unit of the writer, reporting start and end. Never throws: failures are outcomes.
 */
final class ChangeRunner {
  private final Plan plan;
  private final IamWriter writer;
  private final ApplyOptions options;
  private final Consumer<EngineEvent> events;
  /** Changes in a row that found the endpoint unreachable before the apply stops starting more. */
  static final int UNREACHABLE_IN_A_ROW = 3;

  private final Map<Address, Action> actions = new HashMap<>();
  private final Stop stop;
  private final java.util.concurrent.atomic.AtomicInteger unreachable =
      new java.util.concurrent.atomic.AtomicInteger();

  ChangeRunner(
      Plan plan, IamWriter writer, ApplyOptions options, Consumer<EngineEvent> events, Stop stop) {
    this.plan = plan;
    this.writer = writer;
    this.options = options;
    this.events = events;
    this.stop = stop;
    plan.changes().forEach(c -> actions.put(c.address(), c.action()));
  }

  ChangeOutcome run(ResourceChange c) {
    long start = System.nanoTime();
    String action = c.action().jsonName();
    events.accept(new EngineEvent.ChangeStarted(c.address(), action));
    ChangeOutcome.Status status = ChangeOutcome.Status.DONE;
    String message = null;
    try {
      Optional<String> blocked = Protection.refusal(c);
      if (blocked.isEmpty() && rechecked(c)) {
        blocked = recheck(c);
      }
      if (blocked.isPresent()) {
        status = ChangeOutcome.Status.BLOCKED;
        message = blocked.get();
      } else {
        message = writer.unit(w -> make(c, new Steps(w, c.address(), options, events)));
      }
    } catch (IamWriteException | TargetException e) {
      status = ChangeOutcome.Status.FAILED;
      message = e.getMessage();
      if (e instanceof IamWriteException w && w.is(IamWriteException.Kind.UNREACHABLE)) {
        unreachable(message);
      }
      if (e instanceof IamWriteException w && w.is(IamWriteException.Kind.CREDENTIALS)) {
        credentials(message);
      }
    } catch (RuntimeException e) {
      status = ChangeOutcome.Status.FAILED;
      message = "internal error (" + e + "): please report it; run apply again to retry the change";
    }
    if (status == ChangeOutcome.Status.DONE) {
      unreachable.set(0);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    events.accept(
        new EngineEvent.ChangeFinished(c.address(), action, status.jsonName(), message, elapsed));
    return new ChangeOutcome(c.address(), c.action(), status, message, elapsed, null);
  }

  /** Counts a change that found no endpoint; stops the apply (saying so once) after a few. */
  private void unreachable(String message) {
    if (unreachable.incrementAndGet() >= UNREACHABLE_IN_A_ROW
        && stop.request(
            "the endpoint is unreachable (" + UNREACHABLE_IN_A_ROW + " changes in a row got no"
                + " answer; the last: " + message + ")")) {
      events.accept(new EngineEvent.Stopping(stop.reason().orElseThrow()));
    }
  }

  /**
   * The credentials were refused (expired, unknown, wrong): no later call can succeed with them, so
   * the apply stops at once, saying once what to do.
   */
  private void credentials(String message) {
    if (stop.request("the credentials were refused (" + message + "); refresh them (e.g. aws sso"
        + " login, or a new assume-role) and run apply again: it does only what is still missing")) {
      events.accept(new EngineEvent.Stopping(stop.reason().orElseThrow()));
    }
  }

  /**
   * Whether the safety gate sees the change: everything but creates, and the creates that may take
   * access from a principal that exists (a policy with a Deny, or one whose document is not known,
   * attached or added inline) or that the plan gave a verdict.
   */
  static boolean rechecked(ResourceChange c) {
    return c.action() != Action.CREATE
        || c.impact() == AccessImpact.NARROWING
        || c.impact() == AccessImpact.MIXED
        || !c.verdicts().isEmpty();
  }

  /** The gate's answer; a gate that fails blocks (fail closed). */
  private Optional<String> recheck(ResourceChange c) {
    try {
      return options.gate().check(c, events);
    } catch (RuntimeException e) {
      return Optional.of(
          "the safety re-check failed (" + e.getMessage() + "), so the change was not made: run"
              + " apply again when the check works");
    }
  }

  /** Makes the change; what it did besides that the user should know (else {@code null}). */
  private String make(ResourceChange c, Steps steps) {
    Resource any = c.after() != null ? c.after() : c.before();
    if (any instanceof Role) {
      return role(c, new RoleSteps(steps, plan.stack(), parentCreated(c)));
    } else if (any instanceof ManagedPolicy) {
      policy(c, new PolicySteps(steps, plan.stack(), options.partition(), plan.accountId()));
    } else if (any instanceof InstanceProfile) {
      return instanceProfile(c, new ProfileSteps(steps, plan.stack(), parentCreated(c)));
    } else {
      ChildSteps children = new ChildSteps(steps);
      if (c.action() == Action.DELETE) {
        children.remove(c.before());
      } else {
        children.put(c.after(), parentCreated(c));
      }
    }
    return null;
  }

  /** The role's calls; for a delete or replace, which instance profiles it left. */
  private String role(ResourceChange c, RoleSteps roles) {
    List<String> left = List.of();
    switch (c.action()) {
      case CREATE:
        roles.create((Role) c.after());
        break;
      case UPDATE:
        roles.update((Role) c.after(), c.diffs());
        break;
      case ADOPT:
        roles.adopt((Role) c.after(), c.diffs());
        break;
      case DELETE:
        left = roles.delete(((Role) c.before()).name());
        break;
      case REPLACE:
        left = roles.replace((Role) c.before(), (Role) c.after());
        break;
      case NO_OP:
      default:
        break;
    }
    if (left.isEmpty()) {
      return null;
    }
    return "removed from instance profile" + (left.size() == 1 ? " " : "s ")
        + String.join(", ", left) + (c.action() == Action.REPLACE
            ? " and put back into " + (left.size() == 1 ? "it" : "them") + " once re-created" : "");
  }

  /** The instance profile's calls; for a delete or replace, the role it took out. */
  private String instanceProfile(ResourceChange c, ProfileSteps profiles) {
    InstanceProfile before = (InstanceProfile) c.before();
    InstanceProfile after = (InstanceProfile) c.after();
    switch (c.action()) {
      case CREATE:
        profiles.create(after);
        return null;
      case UPDATE:
        profiles.update(before, after, c.diffs());
        return null;
      case ADOPT:
        profiles.adopt(before, after, c.diffs());
        return null;
      case DELETE:
        profiles.delete(before);
        break;
      case REPLACE:
        profiles.replace(before, after);
        break;
      case NO_OP:
      default:
        return null;
    }
    return before.roleName() == null ? null
        : "role " + before.roleName() + " removed from instance profile " + before.name();
  }

  private void policy(ResourceChange c, PolicySteps policies) {
    switch (c.action()) {
      case CREATE:
        policies.create((ManagedPolicy) c.after());
        break;
      case UPDATE:
        policies.update((ManagedPolicy) c.after(), c.diffs());
        break;
      case ADOPT:
        policies.adopt((ManagedPolicy) c.after(), c.diffs());
        break;
      case DELETE:
        policies.delete(policies.arn((ManagedPolicy) c.before()));
        break;
      case REPLACE:
        policies.replace(
            (ManagedPolicy) c.before(),
            (ManagedPolicy) c.after(),
            a -> !actions.containsKey(a) || actions.get(a) == Action.NO_OP);
        break;
      case NO_OP:
      default:
        break;
    }
  }

  /**
   * Whether something the change depends on is created (or re-created) by this plan: a role's
   * boundary policy, an attachment's policy or role, an inline policy's role. Calls that name it
   * then wait out IAM's eventual consistency.
   */
  private boolean parentCreated(ResourceChange c) {
    return c.dependsOn().stream()
        .map(actions::get)
        .anyMatch(a -> a == Action.CREATE || a == Action.REPLACE);
  }
}
