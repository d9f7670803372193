package dev.rolectl.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A problem found in a stack or in live state, shown to the user as
 * {@code file:line:col: severity[rule]: message} (or with the resource address when no location
 * applies). The message says what is wrong and what to do.
 *
 * @param severity how serious it is
 * @param rule a stable id such as {@code schema}, {@code yaml-syntax} or {@code passrole-wildcard}
 * @param location where in a stack file, if anywhere
 * @param address the resource concerned, if any
 * @param message what is wrong and how to fix it
 */
public record Diagnostic(
    Severity severity, String rule, Location location, Address address, String message) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    if (location == null && address == null) {
      throw new IllegalArgumentException("a diagnostic needs a location or an address: " + message);
    }
  }

  public static Diagnostic error(String rule, Location location, String message) {
    return new Diagnostic(Severity.ERROR, rule, location, null, message);
  }

  public static Diagnostic error(String rule, Address address, String message) {
    return new Diagnostic(Severity.ERROR, rule, null, address, message);
  }

  public Optional<Location> optionalLocation() {
    return Optional.ofNullable(location);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error[rule]: message} or {@code address: error[rule]: message}. */
  public String format() {
    String where = location != null ? location.toString() : address.toString();
    return where + ": " + severity.label() + "[" + rule + "]: " + message;
  }
}
