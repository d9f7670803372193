package dev.rolectl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote into {@code version.properties}: the version, the commit (12 hex digits,
 * {@code unknown} when built outside a Git checkout) and the build time (UTC, ISO-8601).
 *
 * @param dirty whether the working tree had uncommitted changes at build time
 */
public record BuildInfo(String version, String commit, boolean dirty, String built) {
  private static final String UNKNOWN = "unknown";

  /** Reads the resource that the build filtered; missing values are {@code unknown}. */
  public static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream s = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (s != null) {
        p.load(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        value(p, "version"), value(p, "commit"), "true".equals(p.getProperty("dirty")), value(p, "built"));
  }

  /** The value, or {@code unknown} when absent or left unfiltered ({@code ${...}}). */
  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").trim();
    return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
  }
}
