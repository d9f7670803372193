package dev.rolectl.cli.command;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.api.Imports;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolectl import ROLE...}: writes YAML for existing roles, marked for adoption. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Write a stack file for roles that already exist.",
    description = {
      "Reads the named roles from the target (trust policy, description, path, max session,"
          + " permissions boundary, tags, managed and inline policies) and writes them as a stack"
          + " file with adopt: true. Planning that file shows each role as adopted and nothing"
          + " else; applying it tags the roles rolectl:stack=<stack>. ARNs name the account and"
          + " partition as $${aws.accountId} and $${aws.partition}. Roles another stack owns are"
          + " refused unless --force."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl import ecsInfrastructureRoleForLoadBalancers --stack ecs-platform \\",
      "      --out roles.yaml",
      "  rolectl import $(cat role-names.txt) --stack legacy --out stacks/legacy/",
      "  rolectl plan roles.yaml",
      "",
      "Exit codes:",
      "  0  written",
      "  1  a role does not exist, or another error"
    })
public final class ImportCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "ROLE_NAME", description = "Roles to import.")
  List<String> roleNames;

  @Mixin TargetMixin targetOptions;

  @Option(
      names = "--stack",
      paramLabel = "NAME",
      defaultValue = "imported",
      description = "The stack: value of the file (default: ${DEFAULT-VALUE}).")
  String stackName;

  @Option(names = "--out", paramLabel = "FILE|DIR/",
      description = "Write here instead of stdout: one file, or a folder (an existing one, or a"
          + " path ending with /) with one file per role, for imports over the size limit of a"
          + " stack file.")
  String outGiven;

  @Option(names = "--force",
      description = "Import roles that another stack owns (by its ownership tag) anyway, with"
          + " a warning that says how to hand them over: move the tag first, since a role"
          + " removed from the stack its tag names is deleted by that stack's next apply.")
  boolean force;

  @Override
  public Integer call() {
    ImportTarget where = ImportTarget.of(outGiven == null ? null : Path.of(outGiven), outGiven);
    try (Target target = targetOptions.open(cli.env())) {
      Imports.Imported read = Imports.read(target, roleNames, stackName, force);
      read.warnings().forEach(w -> err().println("warning: " + w));
      Map<String, String> files = new LinkedHashMap<>();
      String schema = schemaReference(where);
      if (where.folder()) {
        read.roles().forEach((name, resources) ->
            files.put(name, Imports.yaml(stackName, schema, resources, read)));
      } else {
        List<Resource> all = read.roles().values().stream().flatMap(List::stream).toList();
        files.put(stackName, Imports.yaml(stackName, schema, all, read));
      }
      if (where.stdout()) {
        out().print(files.values().iterator().next());
      } else {
        String wrote = where.write(files);
        out().println("wrote " + wrote + ": " + Counts.of(read.roles().size(), "role")
            + " with adopt: true");
      }
      return ExitCode.OK;
    }
  }

  private String schemaReference(ImportTarget where) {
    if (where.stdout()) {
      return null;
    }
    Path schema = Path.of("schemas", "stack.schema.json").toAbsolutePath();
    Path dir = where.folder() ? where.path().toAbsolutePath() : where.path().toAbsolutePath().getParent();
    return Files.exists(schema) && dir != null ? dir.relativize(schema).toString() : null;
  }
}
