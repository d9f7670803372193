package dev.rolectl.engine.model;

import java.time.Duration;

/**
 * What the engine reports while it works. The engine never prints: the CLI turns these into
 * progress lines (text or JSON lines).
 */
public sealed interface EngineEvent {

  /** A step of long work started, e.g. reading live IAM. */
  record Started(String what) implements EngineEvent {}

  /** A step finished after {@code elapsed}. */
  record Finished(String what, Duration elapsed) implements EngineEvent {}

  /** Something is being waited on: what, why, and how long so far. */
  record Waiting(String what, String why, Duration soFar) implements EngineEvent {}

  /** A diagnostic to show now rather than at the end (e.g. a warning from live state). */
  record Reported(Diagnostic diagnostic) implements EngineEvent {}

  /**
   * {@code apply} started a change.
   *
   * @param action the plan action's JSON name, e.g. {@code create}, {@code replace}
   */
  record ChangeStarted(Address address, String action) implements EngineEvent {}

  /**
   * {@code apply} finished a change after {@code elapsed}.
   *
   * @param outcome {@code done}, {@code failed} or {@code blocked} (by a safety rule)
   * @param message what went wrong and what to do; when done, what the change did that the user
   *     should know (e.g. the instance profiles a deleted role left), else {@code null}
   */
  record ChangeFinished(
      Address address, String action, String outcome, String message, Duration elapsed)
      implements EngineEvent {}

  /**
   * {@code apply} did not start a change because a change it waits for did not succeed; {@code
   * upstream} is the one that failed (or was blocked), reported there once.
   */
  record ChangeSkipped(Address address, String action, Address upstream) implements EngineEvent {}

  /**
   * {@code apply} starts no more changes ({@code reason}: an unreachable endpoint, an interrupt);
   * the changes in flight finish. Reported once.
   */
  record Stopping(String reason) implements EngineEvent {}

  /**
   * {@code apply --break-glass} made a change that a safety rule blocked ({@code rule}, {@code
   * message}): reported loudly, once per change, with the reason the user gave.
   */
  record BrokeGlass(Address address, String rule, String message, String reason)
      implements EngineEvent {}

  /**
   * An event of one account's work when many accounts are planned or applied at once.
   *
   * @param account the account's id, or {@code id (name)}
   */
  record InAccount(String account, EngineEvent event) implements EngineEvent {}
}
