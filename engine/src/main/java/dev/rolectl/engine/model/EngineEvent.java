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
}
