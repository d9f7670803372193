package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.Counts;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.api.Snapshots;
import dev.rolectl.engine.live.Target;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rolectl snapshot --out FILE}: writes a target's IAM state to an account file. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Save a target's IAM and ECS state for snapshot: and local: targets.",
    description = {
      "Reads roles, customer managed policies, users and groups from the target and writes them"
          + " in the shape of 'aws iam get-account-authorization-details' (see"
          + " docs/account-files.md), with an ecs section: the ECS services, capacity providers and"
          + " gateways that use a role as an infrastructure role in every region enabled for the"
          + " account (or --ecs-region), their deployments that are not finished, the regions"
          + " scanned and when. A pull-request bot without AWS credentials can then plan with"
          + " --target snapshot:FILE; apply still re-checks live ECS. The file records when it"
          + " was taken (TakenAt): now for --target aws; a copy of a snapshot: or local: file"
          + " keeps that file's TakenAt (none if it has none)."
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

  @Option(
      names = "--ecs-region",
      paramLabel = "REGION",
      split = ",",
      description =
          "Regions whose ECS state to record (default: every region enabled for the account).")
  java.util.List<String> ecsRegions = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    try (Target target = targetOptions.open(cli.env())) {
      Snapshots.Written w = Snapshots.take(target, ecsRegions, out);
      out().println("wrote " + out + ": " + Counts.of(w.roles(), "role") + ", "
          + Counts.of(w.policies(), "customer managed policy", "customer managed policies")
          + w.ecsScannedAt().map(at -> ", ECS in " + Counts.of(w.ecsRegions(), "region")
              + " as of " + at).orElse(""));
      if (w.copy()) {
        out().println(w.takenAt().map(at -> "note: a copy of " + targetOptions.spec(cli.env())
                + ", taken at " + at + " (its TakenAt, kept)")
            .orElse("note: a copy of " + targetOptions.spec(cli.env()) + ", which does not say"
                + " when it was taken (no TakenAt): nor does the copy"));
      }
      if (!w.ecsPresent()) {
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
