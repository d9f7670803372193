package dev.rolectl.engine.policy.catalogue;

import java.util.Objects;

/**
 * Where one offline catalogue comes from, for {@code rolectl version} and docs.
 *
 * @param name what it holds, e.g. {@code IAM service reference}
 * @param source the published source it was made from
 * @param version the version of that source (a package name and version)
 * @param date the date of the data itself, {@code YYYY-MM-DD}
 */
public record CatalogueInfo(String name, String source, String version, String date) {
  public CatalogueInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(date, "date");
  }
}
