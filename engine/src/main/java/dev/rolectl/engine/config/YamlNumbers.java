package dev.rolectl.engine.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** Parses YAML 1.1 integer, float and boolean scalars the way SnakeYAML's resolver types them. */
final class YamlNumbers {
  private YamlNumbers() {}

  static Optional<BigInteger> parseInteger(String raw) {
    String s = raw.replace("_", "");
    int sign = 1;
    if (s.startsWith("-") || s.startsWith("+")) {
      sign = s.startsWith("-") ? -1 : 1;
      s = s.substring(1);
    }
    try {
      BigInteger value;
      if (s.startsWith("0b")) {
        value = new BigInteger(s.substring(2), 2);
      } else if (s.startsWith("0x")) {
        value = new BigInteger(s.substring(2), 16);
      } else if (s.startsWith("0o")) {
        value = new BigInteger(s.substring(2), 8);
      } else if (s.contains(":")) {
        value = BigInteger.ZERO;
        for (String part : s.split(":")) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else if (s.length() > 1 && s.startsWith("0")) {
        value = new BigInteger(s.substring(1), 8);
      } else {
        value = new BigInteger(s);
      }
      return Optional.of(sign < 0 ? value.negate() : value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Double> parseFloat(String raw) {
    String s = raw.replace("_", "").toLowerCase(Locale.ROOT);
    switch (s) {
      case ".inf", "+.inf":
        return Optional.of(Double.POSITIVE_INFINITY);
      case "-.inf":
        return Optional.of(Double.NEGATIVE_INFINITY);
      case ".nan":
        return Optional.of(Double.NaN);
      default:
        break;
    }
    try {
      return Optional.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** YAML 1.1 booleans: true/yes/on are true, everything else (false/no/off) false. */
  static boolean parseBoolean(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("yes") || s.equals("on") || s.equals("y");
  }

  static boolean isBoolean(String raw) {
    String s = raw.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "false", "yes", "no", "on", "off", "y", "n" -> true;
      default -> false;
    };
  }
}
