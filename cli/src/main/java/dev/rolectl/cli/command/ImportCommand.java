package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.config.StackWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.plan.LiveResources;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.model.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
          + " a warning: two stacks would then fight over them.")
  boolean force;

  @Override
  public Integer call() {
    ImportTarget where = ImportTarget.of(outGiven == null ? null : Path.of(outGiven), outGiven);
    try (Target target = targetOptions.open(cli.env())) {
      // roles only: no policy tags (one call per customer policy on aws), no users or groups
      LiveAccount account = target.iam().read(new ReadRequest(false, false, false));
      Map<String, List<Resource>> roles = new TreeMap<>();
      for (String name : new TreeSet<>(roleNames)) {
        // IAM matches role names case-insensitively (GetRole finds "DeployRole" as "deployrole")
        LiveRole role = account.roles().values().stream()
            .filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
        var unreadable = account.unreadable().stream()
            .filter(u -> u.kind() == dev.rolectl.engine.live.UnreadableDocument.Kind.ROLE
                && u.name().equalsIgnoreCase(name)).findFirst();
        if (unreadable.isPresent()) {
          throw new UserError("cannot import role " + unreadable.get().arn() + ": "
              + unreadable.get().problem());
        }
        if (role == null) {
          throw new UserError("no role named '" + name + "' in account " + account.accountId()
              + " (target " + target.spec() + "); check the name with 'aws iam list-roles'");
        }
        owner(role);
        roles.put(role.name(), LiveResources.role(role, account.partition()));
      }
      Map<String, String> files = new LinkedHashMap<>();
      if (where.folder()) {
        roles.forEach((name, resources) -> files.put(name, yaml(resources, account, where)));
      } else {
        files.put(stackName, yaml(roles.values().stream().flatMap(List::stream).toList(), account, where));
      }
      if (where.stdout()) {
        out().print(files.values().iterator().next());
      } else {
        String wrote = where.write(files);
        out().println("wrote " + wrote + ": " + TextPlanRenderer.count(roles.size(), "role")
            + " with adopt: true");
      }
      return ExitCode.OK;
    }
  }

  /** Refuses (or with --force, warns about) a role another stack owns. */
  private void owner(LiveRole role) {
    String owner = role.tags().get(Stack.OWNER_TAG);
    if (owner == null || owner.equals(stackName)) {
      return;
    }
    String text = "role " + role.name() + " belongs to stack '" + owner + "' (tag "
        + Stack.OWNER_TAG + "=" + owner + ")";
    if (!force) {
      throw new UserError(text + ": importing it into stack '" + stackName + "' would make two"
          + " stacks fight over it; import it with --stack " + owner + ", or use --force");
    }
    err().println("warning: " + text + "; importing it into stack '" + stackName
        + "' anyway (--force): remove it from the other stack before applying");
  }

  private String yaml(List<Resource> resources, LiveAccount account, ImportTarget where) {
    String yaml = StackWriter.write(stackName, schemaReference(where), resources);
    return ImportTarget.withReferences(yaml, account.accountId(), account.partition());
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
