package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Check reports for renderer tests. */
final class Reports {
  private Reports() {}

  static Stack stack(String name, int roles) {
    List<dev.rolectl.engine.model.Resource> resources =
        java.util.stream.IntStream.range(0, roles)
            .mapToObj(
                i ->
                    (dev.rolectl.engine.model.Resource)
                        new Role(
                            Address.role("r" + i),
                            new Location("stack.yaml", i + 1, 3),
                            "r" + i,
                            "/",
                            null,
                            3600,
                            new PolicyDocument("2012-10-17", null, List.of()),
                            null,
                            Map.of(),
                            null,
                            false,
                            false,
                            Set.of()))
            .toList();
    return new Stack(
        name, null, "123456789012", "aws", Map.of(), resources, StackSettings.defaults(),
        SourceMap.empty());
  }

  static Diagnostic at(Severity severity, String rule, String file, int line, int col, String message) {
    return new Diagnostic(severity, rule, new Location(file, line, col), null, message);
  }

  static CheckReport loaded(String name, int roles, Diagnostic... diagnostics) {
    return new CheckReport("stacks/" + name, Optional.of(stack(name, roles)), Optional.empty(), List.of(diagnostics));
  }

  static CheckReport failed(String path, Diagnostic... diagnostics) {
    return new CheckReport(path, Optional.empty(), Optional.empty(), List.of(diagnostics));
  }
}
