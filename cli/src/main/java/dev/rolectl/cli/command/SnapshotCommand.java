package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.local.FileTarget;
import dev.rolectl.engine.live.local.LocalEcsState;
import dev.rolectl.engine.live.local.LocalState;
import dev.rolectl.engine.live.local.SnapshotWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rolectl snapshot --out FILE}: writes a target's IAM state to an account file. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Save a target's IAM state as an account file (for snapshot:FILE).",
    description = {
      "Reads roles, customer managed policies, users and groups from the target and writes them"
          + " in the shape of 'aws iam get-account-authorization-details' (see"
          + " docs/account-files.md). A pull-request bot without AWS credentials can then plan"
          + " with --target snapshot:FILE."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl snapshot --out account.json",
      "  rolectl plan stacks/app --target snapshot:account.json",
      "",
      "Exit codes:",
      "  0  written",
      "  1  error"
    })
public final class SnapshotCommand extends BaseCommand {
  @Mixin TargetMixin targetOptions;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the snapshot (replaced atomically).")
  Path out;

  @Option(names = "--stats", description = "Print API calls per operation (stderr).")
  boolean stats;

  @Override
  public Integer call() {
    try (Target target = targetOptions.open(cli.env())) {
      LiveAccount account = target.iam().read(ReadRequest.everything());
      LocalEcsState ecs =
          target instanceof FileTarget file ? file.state().ecs() : LocalEcsState.absent();
      SnapshotWriter.write(new LocalState(account, ecs, java.time.Instant.now()), out);
      out().println("wrote " + out + ": "
          + TextPlanRenderer.count(account.roles().size(), "role") + ", "
          + TextPlanRenderer.count(account.policies().size(), "customer managed policy")
              .replace("policys", "policies"));
      if (!ecs.present()) {
        out().println(
            "note: the snapshot has no ecs section, so plans against it cannot tell whether an ECS"
                + " deployment uses a role and block disruptive changes to roles ECS can assume;"
                + " describe the services in an ecs section (docs/account-files.md) to plan them.");
      }
      if (stats) {
        Stats.print(target.stats(), err());
      }
      return ExitCode.OK;
    }
  }
}
