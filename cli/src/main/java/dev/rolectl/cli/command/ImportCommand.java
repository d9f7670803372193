package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.config.StackWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.plan.LiveResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
          + " else; applying it tags the roles rolectl:stack=<stack>."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl import ecsInfrastructureRoleForLoadBalancers --stack ecs-platform --out roles.yaml",
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

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  @Override
  public Integer call() {
    try (Target target = targetOptions.open(cli.env())) {
      LiveAccount account = target.iam().read(ReadRequest.rolesAndPolicies());
      List<Resource> resources = new ArrayList<>();
      for (String name : new TreeSet<>(roleNames)) {
        LiveRole role = account.roles().get(name);
        var unreadable = account.unreadable().stream()
            .filter(u -> u.kind() == dev.rolectl.engine.live.UnreadableDocument.Kind.ROLE
                && u.name().equals(name)).findFirst();
        if (unreadable.isPresent()) {
          throw new UserError("cannot import role " + unreadable.get().arn() + ": "
              + unreadable.get().problem());
        }
        if (role == null) {
          throw new UserError(
              "no role named '"
                  + name
                  + "' in account "
                  + account.accountId()
                  + " (target "
                  + target.spec()
                  + "); role names are case-sensitive");
        }
        resources.addAll(LiveResources.role(role, account.partition()));
      }
      String yaml = StackWriter.write(stackName, schemaReference(), resources);
      if (out == null) {
        out().print(yaml);
      } else {
        write(yaml);
      }
      return ExitCode.OK;
    }
  }

  private String schemaReference() {
    if (out == null) {
      return null;
    }
    Path schema = Path.of("schemas", "stack.schema.json").toAbsolutePath();
    Path dir = out.toAbsolutePath().getParent();
    return Files.exists(schema) && dir != null ? dir.relativize(schema).toString() : null;
  }

  private void write(String yaml) {
    try {
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      out().println("wrote " + out + ": " + roleNames.size() + " role(s) with adopt: true");
    } catch (IOException e) {
      throw new UserError("cannot write " + out + ": " + e.getMessage());
    }
  }
}
