package dev.rolectl.cli.render.apply;

import dev.rolectl.engine.model.EngineEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Progress of {@code apply} for people: a line when a change starts, one when it ends (with its
 * elapsed time), one for anything waited on, one for a change skipped because what it waits for
 * did not succeed. Worded like Terraform's.
 */
public final class ApplyProgress implements Consumer<EngineEvent> {
  private final PrintWriter out;

  public ApplyProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void accept(EngineEvent e) {
    if (e instanceof EngineEvent.InAccount a) {
      out.print("[" + a.account() + "] ");
      accept(a.event());
      return;
    }
    if (e instanceof EngineEvent.ChangeStarted s) {
      out.println(s.address() + ": " + verb(s.action()) + "...");
    } else if (e instanceof EngineEvent.ChangeFinished f) {
      out.println(finished(f));
    } else if (e instanceof EngineEvent.ChangeSkipped k) {
      out.println(k.address() + ": Skipped (upstream " + k.upstream() + " did not succeed)");
    } else if (e instanceof EngineEvent.Waiting w) {
      out.println(w.what() + ": Still waiting, " + duration(w.soFar()) + " so far: " + w.why());
    } else if (e instanceof EngineEvent.Started s) {
      out.println(s.what() + "...");
    } else if (e instanceof EngineEvent.Finished f) {
      out.println(f.what() + " (" + duration(f.elapsed()) + ")");
    } else if (e instanceof EngineEvent.Reported r) {
      out.println(r.diagnostic().message());
    } else if (e instanceof EngineEvent.BrokeGlass b) {
      out.println(b.address() + ": BREAK GLASS: made although the safety rule [" + b.rule()
          + "] blocks it (reason given: " + b.reason() + "): " + b.message());
    } else if (e instanceof EngineEvent.Stopping s) {
      out.println("Stopping: " + s.reason() + ". The changes in progress finish; the others are"
          + " left for the next apply.");
    }
    out.flush();
  }

  private static String finished(EngineEvent.ChangeFinished f) {
    String after = " after " + duration(f.elapsed());
    switch (f.outcome()) {
      case "done":
        return f.address() + ": " + noun(f.action()) + " complete" + after
            + (f.message() == null ? "" : " (" + f.message() + ")");
      case "blocked":
        return f.address() + ": Blocked by a safety rule" + after + ": " + f.message();
      default:
        return f.address() + ": Failed" + after + ": " + f.message();
    }
  }

  static String verb(String action) {
    switch (action) {
      case "create":
        return "Creating";
      case "update":
        return "Modifying";
      case "delete":
        return "Destroying";
      case "replace":
        return "Replacing (delete, then create)";
      case "adopt":
        return "Adopting";
      default:
        return action;
    }
  }

  static String noun(String action) {
    switch (action) {
      case "create":
        return "Creation";
      case "update":
        return "Modifications";
      case "delete":
        return "Destruction";
      case "replace":
        return "Replacement";
      case "adopt":
        return "Adoption";
      default:
        return action;
    }
  }

  /** 0.3s, 12s, 1m5s. */
  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 10_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
  }
}
