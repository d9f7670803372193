package dev.rolectl.engine.plan;

import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.model.Diagnostic;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan is data: every change {@code apply} will make, in no particular order (the executor
 * orders by {@link ResourceChange#dependsOn()}), plus what it was made from.
 *
 * @param formatVersion version of the saved plan format ({@link #FORMAT_VERSION})
 * @param stack the stack name
 * @param stackHash SHA-256 of the resolved stack (whitespace and comments do not count)
 * @param liveFingerprint SHA-256 of the live state the plan was made from (normalised)
 * @param accountId the account planned against
 * @param target the target spec, e.g. {@code aws} or {@code local:account.json}
 * @param changes one entry per resource, no-ops included
 * @param ecs what the safety check read of ECS; {@code null} when no change needed ECS
 * @param snapshotTakenAt when the target's state was taken, for a {@code snapshot:} file that
 *     says ({@code TakenAt}); {@code null} for live targets and undated files
 * @param diagnostics what planning found and the user should see with the plan (errors and
 *     warnings, in file order): pull-request bots get them with the plan
 * @param access who can do what before and after, and whether the plan grants new access;
 *     {@code null} until analysed (and in plans saved before it existed). Shown with the plan;
 *     {@code apply} never decides from a saved plan's copy: it analyses again
 * @param resolved the stack the plan was made from, resolved, with the options that shape a plan:
 *     saved with the plan so that {@code apply PLANFILE} plans it again against live IAM and runs
 *     that plan only when it equals this one ({@code stackHash} is its digest)
 */
public record Plan(
    int formatVersion,
    String stack,
    String stackHash,
    String liveFingerprint,
    String accountId,
    String target,
    Instant createdAt,
    List<ResourceChange> changes,
    EcsCoverage ecs,
    Instant snapshotTakenAt,
    List<Diagnostic> diagnostics,
    AccessReport access,
    ResolvedStack resolved) {

  /**
   * Version 2 added {@code ecs} (the regions and clusters the safety check read); version 3 the
   * {@code resolvedStack} that {@code apply} plans again, and fingerprints bound to the account.
   */
  public static final int FORMAT_VERSION = 3;

  public Plan {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(stackHash, "stackHash");
    Objects.requireNonNull(liveFingerprint, "liveFingerprint");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(resolved, "resolved");
    changes = List.copyOf(changes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** A plan not analysed for access (yet). */
  public Plan(
      int formatVersion,
      String stack,
      String stackHash,
      String liveFingerprint,
      String accountId,
      String target,
      Instant createdAt,
      List<ResourceChange> changes,
      EcsCoverage ecs,
      Instant snapshotTakenAt,
      List<Diagnostic> diagnostics,
      ResolvedStack resolved) {
    this(formatVersion, stack, stackHash, liveFingerprint, accountId, target, createdAt, changes,
        ecs, snapshotTakenAt, diagnostics, null, resolved);
  }

  /** Changes other than no-ops. */
  public List<ResourceChange> effectiveChanges() {
    return changes.stream().filter(c -> c.action().isChange()).toList();
  }

  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().isChange());
  }

  /** Number of changes per action, every action present (zero when none). */
  public Map<Action, Integer> counts() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      counts.put(a, 0);
    }
    changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
    return counts;
  }

  /**
   * The error diagnostics planning found (a live resource that could not be read, a managed policy
   * that does not exist...): a plan with any is incomplete, leaves out what they concern and is
   * never applied. Empty for a complete plan.
   */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** Whether planning found {@link #errors()}: the plan is incomplete and cannot be applied. */
  public boolean errored() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether a safety verdict blocks some change ({@code apply} then refuses, exit code 3). */
  public boolean blocked() {
    return changes.stream().anyMatch(ResourceChange::blocked);
  }

  /** The same plan with these changes (e.g. with safety verdicts attached). */
  public Plan withChanges(List<ResourceChange> changes) {
    return new Plan(
        formatVersion, stack, stackHash, liveFingerprint, accountId, target, createdAt, changes,
        ecs, snapshotTakenAt, diagnostics, access, resolved);
  }

  /** The same plan with its access analysis. */
  public Plan withAccess(AccessReport report) {
    return new Plan(
        formatVersion, stack, stackHash, liveFingerprint, accountId, target, createdAt, changes,
        ecs, snapshotTakenAt, diagnostics, report, resolved);
  }

  /** The same plan with what the safety check read of ECS. */
  public Plan withEcs(EcsCoverage coverage) {
    return new Plan(
        formatVersion, stack, stackHash, liveFingerprint, accountId, target, createdAt, changes,
        coverage, snapshotTakenAt, diagnostics, access, resolved);
  }

  /** The same plan with what planning found for the user, and the snapshot's date if known. */
  public Plan withContext(Instant snapshotTakenAt, List<Diagnostic> diagnostics) {
    return new Plan(
        formatVersion, stack, stackHash, liveFingerprint, accountId, target, createdAt, changes,
        ecs, snapshotTakenAt, diagnostics, access, resolved);
  }
}
