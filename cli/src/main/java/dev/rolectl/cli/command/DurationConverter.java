package dev.rolectl.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m} or ISO-8601 ({@code PT10M}). */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    Matcher m = SHORT.matcher(text);
    if (!text.isEmpty() && m.matches()) {
      d = Duration.ofHours(part(m.group(1)))
          .plusMinutes(part(m.group(2)))
          .plusSeconds(part(m.group(3)));
    } else if (text.startsWith("p")) {
      try {
        d = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        d = null;
      }
    }
    if (d == null || d.isNegative()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: use e.g. 90s, 10m, 1h30m or PT10M");
    }
    return d;
  }

  private static long part(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
