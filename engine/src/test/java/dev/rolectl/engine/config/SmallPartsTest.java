package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Suggest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Suggestions, paths and number parsing. */
class SmallPartsTest {
  @Test
  void suggestsCloseNamesOnly() {
    List<String> fields = List.of("description", "path", "maxSessionDuration", "trustPolicy");
    assertEquals(Optional.of("maxSessionDuration"), Suggest.closest("maxSesionDuration", fields));
    assertEquals(Optional.of("trustPolicy"), Suggest.closest("trustpolicy", fields));
    assertEquals(Optional.of("path"), Suggest.closest("paht", fields));
    assertEquals(Optional.empty(), Suggest.closest("colour", fields));
    assertEquals(Optional.empty(), Suggest.closest("path", fields), "no suggestion for itself");
  }

  @Test
  void pathsReadLikeYamlAndWorkAsJsonPointers() {
    YamlPath p = YamlPath.of("roles", "my.role", "managedPolicies", 2);
    assertEquals("roles[\"my.role\"].managedPolicies[2]", p.display());
    assertEquals("/roles/my.role/managedPolicies/2", p.pointer());
    assertEquals("/tags/a~1b~0c", YamlPath.of("tags", "a/b~c").pointer());
    assertEquals("(top level)", YamlPath.ROOT.display());
  }

  @Test
  void yaml11IntegersParseAsSnakeYamlTypesThem() {
    assertEquals(Optional.of(java.math.BigInteger.valueOf(3600)), YamlNumbers.parseInteger("3_600"));
    assertEquals(Optional.of(java.math.BigInteger.valueOf(8)), YamlNumbers.parseInteger("010"));
    assertEquals(Optional.of(java.math.BigInteger.valueOf(255)), YamlNumbers.parseInteger("0xff"));
    assertEquals(Optional.of(java.math.BigInteger.valueOf(-5)), YamlNumbers.parseInteger("-0b101"));
    assertEquals(Optional.of(java.math.BigInteger.valueOf(3600)), YamlNumbers.parseInteger("1:00:00"));
    assertEquals(Optional.empty(), YamlNumbers.parseInteger("one"));
  }

  @Test
  void referencesAreExpandedOnlyWhereTheFormatSaysSo() {
    assertEquals(true, ReferenceResolver.expandsAt(YamlPath.of("roles", "a", "managedPolicies", 0)));
    assertEquals(true, ReferenceResolver.expandsAt(
        YamlPath.of("roles", "a", "inlinePolicies", "p", "Statement", 0, "Resource")));
    assertEquals(true, ReferenceResolver.expandsAt(YamlPath.of("policies", "p", "attachTo", "users", 0)));
    assertEquals(true, ReferenceResolver.expandsAt(YamlPath.of("tags", "env")));
    assertEquals(false, ReferenceResolver.expandsAt(YamlPath.of("roles", "a", "path")));
    assertEquals(false, ReferenceResolver.expandsAt(YamlPath.of("stack")));
    assertEquals(false, ReferenceResolver.expandsAt(YamlPath.of("settings", "ignoreTagPrefixes", 0)));
  }

  @Test
  void escapingMakesLiteralTextLoadBackAsItself() {
    assertEquals("literal $${var.env} and ${aws:username} and $${x}",
        References.escape("literal ${var.env} and ${aws:username} and ${x}"));
    assertEquals("$$${x}", References.escape("$${x}"));
    assertEquals("cost $${", References.escape("cost ${"));
    assertEquals("no refs", References.escape("no refs"));
  }
}
