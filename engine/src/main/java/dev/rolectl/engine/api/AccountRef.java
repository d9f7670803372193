package dev.rolectl.engine.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account to plan or apply in.
 *
 * @param id 12 digits
 * @param name its name (from Organizations or the accounts file); empty when unknown
 */
public record AccountRef(String id, String name) {
  private static final Pattern ID = Pattern.compile("\\d{12}");

  public AccountRef {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an account id is 12 digits, got '" + id + "'");
    }
    name = name == null ? "" : name;
  }

  /** Whether {@code text} is an account id (12 digits). */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }
}
