package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Location;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Escaping a literal and expanding it again gives the literal back, with no diagnostics. */
class EscapeProperties {
  static final Location AT = new Location("p.yaml", 1, 1);
  static final References REFS = new References("aws", "123456789012", Map.of("v", "V"),
      Map.of("r", "/"), Map.of("p", "/"));

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("$", "{", "}", ":", "a", "var.", "var.v", "aws.", "aws:", "roles.r.arn",
            "*", " ", "policies.", "x")
        .list().ofMaxSize(14).map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void escapedTextExpandsToItself(@ForAll("texts") String literal) {
    YamlValue.Scalar scalar = YamlValue.Scalar.string(AT, References.escape(literal));
    YamlValue.Mapping role = new YamlValue.Mapping(AT,
        List.of(new YamlValue.Entry("description", AT, scalar)));
    YamlValue.Mapping roles = new YamlValue.Mapping(AT, List.of(new YamlValue.Entry("r", AT, role)));
    YamlValue.Mapping root = new YamlValue.Mapping(AT,
        List.of(new YamlValue.Entry("roles", AT, roles)));
    ReferenceResolver.Resolved resolved = ReferenceResolver.resolve(root, REFS);
    assertEquals(List.of(), resolved.diagnostics(), literal);
    YamlValue out = YamlTree.at(resolved.root(), YamlPath.of("roles", "r", "description"))
        .orElseThrow();
    assertEquals(literal, ((YamlValue.Scalar) out).text());
  }
}
