package dev.rolectl.cli.command;

import dev.rolectl.engine.model.EngineEvent;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Planning's progress notes ("reading live IAM from aws..."), shown on a terminal only. */
final class ProgressNotes {
  private ProgressNotes() {}

  /** Prints each {@link EngineEvent.Started} note to {@code err} when {@code show}. */
  static Consumer<EngineEvent> to(PrintWriter err, boolean show) {
    return e -> {
      if (show && e instanceof EngineEvent.Started s) {
        err.println(s.what() + "...");
      }
    };
  }

  /** Prints each {@link EngineEvent.Finished} line (one per account) to {@code err} when {@code show}. */
  static Consumer<EngineEvent> finished(PrintWriter err, boolean show) {
    return e -> {
      if (show && e instanceof EngineEvent.Finished f) {
        err.println(f.what() + " (" + f.elapsed().toMillis() + " ms)");
        err.flush();
      }
    };
  }
}
