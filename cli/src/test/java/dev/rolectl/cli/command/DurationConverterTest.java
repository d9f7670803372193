package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  final DurationConverter c = new DurationConverter();

  @Test
  void suffixesAndIso() {
    assertEquals(Duration.ofSeconds(90), c.convert("90s"));
    assertEquals(Duration.ofMinutes(10), c.convert("10m"));
    assertEquals(Duration.ofHours(1), c.convert("1h"));
    assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
    assertEquals(Duration.ofMinutes(10), c.convert("PT10M"));
    assertEquals(Duration.ofSeconds(45), c.convert("pt45s"));
  }

  @Test
  void rejectsWhatIsNoDuration() {
    for (String bad : new String[] {"", "10", "ten minutes", "10d", "-5s", "PT-5S", "P"}) {
      TypeConversionException e = assertThrows(TypeConversionException.class, () -> c.convert(bad), bad);
      assertTrue(e.getMessage().contains("90s, 10m"), e.getMessage());
    }
  }
}
