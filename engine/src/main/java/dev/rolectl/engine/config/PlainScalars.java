package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values as written: a plain (unquoted) scalar that YAML 1.1 reads as something other than its
 * text is refused wherever it stands in a stack, with a located error that says to quote it.
 * These are leading-zero and octal numbers ({@code 00771234} is 258716), {@code 0x}/{@code
 * 0o}/{@code 0b} numbers, numbers with {@code _}, sexagesimal {@code 1:30}, a leading {@code +},
 * floats that print differently from their text ({@code 1.10}, {@code 1e3}, {@code .5}, {@code
 * .inf}), booleans other than {@code true}/{@code false} ({@code yes}, {@code Off}, {@code
 * TRUE}), {@code ~}/{@code null}, and {@code 0o17} (YAML 1.2's octal; rolectl's YAML 1.1
 * reader keeps its text, but other YAML tools read a number). What YAML reads as its own text stays as written: dates and
 * timestamps ({@code Version: 2012-10-17}), {@code y}/{@code n}, keys, and everything quoted.
 * Plain {@code true}, {@code false}, {@code 3600}, {@code -1} and {@code 1.5} keep their YAML
 * types, because they mean what they say.
 */
final class PlainScalars {
  static final String RULE = "yaml-scalar";
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern FLOAT = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+");
  /** YAML 1.2's octal: the 1.1 reader keeps the text, other YAML tools read a number. */
  private static final Pattern OCTAL_12 = Pattern.compile("[-+]?0o[0-7_]+");

  private PlainScalars() {}

  /** Every plain scalar value of the tree whose YAML 1.1 value is not its text, located. */
  static List<Diagnostic> check(YamlValue root) {
    List<Diagnostic> out = new ArrayList<>();
    walk(root, YamlPath.ROOT, out);
    return out;
  }

  private static void walk(YamlValue node, YamlPath path, List<Diagnostic> out) {
    if (node instanceof YamlValue.Mapping m) {
      m.entries().forEach(e -> walk(e.value(), path.key(e.key()), out));
    } else if (node instanceof YamlValue.Sequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        walk(s.items().get(i), path.index(i), out);
      }
    } else if (node instanceof YamlValue.Scalar s) {
      surprise(s).ifPresent(why -> out.add(Diagnostic.error(RULE, s.location(),
          (path.isRoot() ? "" : path.display() + ": ") + why)));
    }
  }

  /**
   * Why YAML 1.1 reads the scalar as something else than its text, with what to write instead;
   * empty when it is quoted, or plain and read as its own text.
   */
  static Optional<String> surprise(YamlValue.Scalar s) {
    if (!s.plain() || s.text().isEmpty()) {
      return Optional.empty();
    }
    String text = s.text();
    String quoted = "put it in quotes (\"" + text + "\") to keep it as written";
    return switch (s.kind()) {
      case STRING -> OCTAL_12.matcher(text).matches()
          ? Optional.of(integer(text, quoted).replace("YAML 1.1 reads", "YAML 1.2 reads"))
          : Optional.empty();
      case NULL -> Optional.of("YAML reads unquoted " + text + " as null (no value): " + quoted
          + ", or remove the key");
      case BOOLEAN -> text.equals("true") || text.equals("false") ? Optional.empty()
          : Optional.of("YAML 1.1 reads unquoted " + text + " as the boolean "
              + YamlNumbers.parseBoolean(text) + ": " + quoted + ", or write "
              + YamlNumbers.parseBoolean(text));
      case INTEGER -> DECIMAL.matcher(text).matches() ? Optional.empty()
          : Optional.of(integer(text, quoted));
      case FLOAT -> canonicalFloat(text) ? Optional.empty()
          : Optional.of(floating(text, quoted));
    };
  }

  private static String integer(String text, String quoted) {
    BigInteger value = YamlNumbers.parseInteger(text).orElse(BigInteger.ZERO);
    String digits = text.replaceFirst("^[-+]", "");
    String why;
    if (digits.startsWith("0x")) {
      why = "hexadecimal";
    } else if (digits.startsWith("0o")) {
      why = "octal";
    } else if (digits.startsWith("0b")) {
      why = "binary";
    } else if (digits.contains(":")) {
      why = "sexagesimal: base 60, as in times";
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      why = "a leading 0 makes it octal";
    } else if (digits.contains("_")) {
      why = "YAML 1.1 drops the _";
    } else {
      why = "YAML drops the +";
    }
    return "YAML 1.1 reads unquoted " + text + " as the number " + value + " (" + why + "): "
        + quoted + ", or write " + value + " for the number";
  }

  private static String floating(String text, String quoted) {
    Optional<Double> value = YamlNumbers.parseFloat(text);
    String shown = value.filter(Double::isFinite)
        .map(d -> BigDecimal.valueOf(d).toPlainString())
        .orElse(value.map(String::valueOf).orElse(text));
    return "YAML reads unquoted " + text + " as the number " + shown + ": " + quoted
        + (value.filter(Double::isFinite).isPresent() ? ", or write " + shown + " for the number"
            : "");
  }

  /** A float that is written as it prints: {@code 1.5}, {@code 0.25}, not {@code 1.50}. */
  private static boolean canonicalFloat(String text) {
    if (!FLOAT.matcher(text).matches()) {
      return false;
    }
    return BigDecimal.valueOf(Double.parseDouble(text)).toPlainString().equals(text);
  }
}
