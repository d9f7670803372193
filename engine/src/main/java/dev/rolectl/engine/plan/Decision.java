package dev.rolectl.engine.plan;

/** The outcome of {@link Actions#decide}: an action, or a refusal with its reason. */
sealed interface Decision {
  record Act(Action action, String reason) implements Decision {}

  record Refuse(String message) implements Decision {}
}
