package dev.rolectl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote: the version and build time (UTC, ISO-8601) into {@code
 * version.properties}, the commit into {@code commit.txt} (12 hex digits and {@code -dirty} when
 * the tree had changes, from {@code git describe}; {@code unknown} outside a Git checkout).
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
    String commit = readCommit();
    return new BuildInfo(value(p, "version"), commit.replace("-dirty", ""),
        commit.endsWith("-dirty"), value(p, "built"));
  }

  private static String readCommit() {
    try (InputStream s = BuildInfo.class.getResourceAsStream("commit.txt")) {
      String text = s == null ? "" : new String(s.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      return text.matches("[0-9a-f]{7,40}(-dirty)?") ? text : UNKNOWN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value, or {@code unknown} when absent or left unfiltered ({@code ${...}}). */
  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").trim();
    return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
  }
}
