package dev.rolectl.engine.model;

import java.util.Comparator;

/**
 * The order diagnostics are shown in: by file, line and column (numerically), then those with only
 * an address, by address; ties by severity (errors first), rule and message.
 */
public final class DiagnosticOrder implements Comparator<Diagnostic> {
  public static final DiagnosticOrder INSTANCE = new DiagnosticOrder();

  private static final Comparator<Location> LOCATION =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location, Comparator.nullsLast(LOCATION))
          .thenComparing(Diagnostic::address, Comparator.nullsLast(Comparator.<Address>naturalOrder()))
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message);

  private DiagnosticOrder() {}

  @Override
  public int compare(Diagnostic a, Diagnostic b) {
    return ORDER.compare(a, b);
  }
}
