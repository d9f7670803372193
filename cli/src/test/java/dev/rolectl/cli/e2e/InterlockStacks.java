package dev.rolectl.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stack files and ECS sections for the interlock E2E tests: the AWS guide's role as {@link EcsSeed}
 * puts it into moto, and one variant per disruptive change of the guide's warning.
 */
final class InterlockStacks {
  static final String ROLE = EcsSeed.ROLE;
  static final String ROLE_ARN = EcsSeed.ROLE_ARN;
  static final String POLICY = AwsAdapterE2E.GUIDE_POLICY;

  /** The changes of the guide's warning (rules 1-3), and the one that is never in the way. */
  enum Change {
    DELETE("ecs-role-delete"),
    TRUST("ecs-trust-drops-ecs"),
    DETACH("ecs-policy-detach"),
    TAG(null);

    final String rule;

    Change(String rule) {
      this.rule = rule;
    }
  }

  private InterlockStacks() {}

  /** The role as seeded: trusted by ECS, the managed policy attached. */
  static Path full(Path dir) {
    return write(dir.resolve("full.yaml"), role("ecs.amazonaws.com", true, ""));
  }

  static Path changed(Path dir, Change change) {
    String text;
    switch (change) {
      case DELETE:
        text = "apiVersion: rolectl/v1\nstack: " + EcsSeed.STACK + "\n";
        break;
      case TRUST:
        text = role("ec2.amazonaws.com", true, "");
        break;
      case DETACH:
        text = role("ecs.amazonaws.com", false, "");
        break;
      case TAG:
      default:
        text = role("ecs.amazonaws.com", true, "    tags: {team: platform}\n");
        break;
    }
    return write(dir.resolve(change.name().toLowerCase(java.util.Locale.ROOT) + ".yaml"), text);
  }

  private static String role(String trusted, boolean attached, String extra) {
    return "apiVersion: rolectl/v1\nstack: " + EcsSeed.STACK + "\nroles:\n  " + ROLE + ":\n"
        + "    trustPolicy:\n"
        + "      Version: \"2012-10-17\"\n"
        + "      Statement:\n"
        + "        - Sid: AllowAccessToECSForInfrastructureManagement\n"
        + "          Effect: Allow\n"
        + "          Principal: {Service: " + trusted + "}\n"
        + "          Action: sts:AssumeRole\n"
        + (attached ? "    managedPolicies: [" + POLICY + "]\n" : "")
        + extra;
  }

  /** An account file's {@code ecs} section: service web uses the role; one deployment. */
  static String ecsSection(String rolloutState) {
    return "\"ecs\": {\"clusters\": [{\"clusterName\": \"prod\", \"services\": [{\"serviceName\":"
        + " \"web\", \"loadBalancers\": [{\"targetGroupArn\": \"" + EcsSeed.TG + "blue/1\","
        + " \"advancedConfiguration\": {\"roleArn\": \"" + ROLE_ARN + "\", \"alternateTargetGroupArn\":"
        + " \"" + EcsSeed.TG + "green/2\"}}], \"deployments\": [{\"id\": \"ecs-svc/1\", \"status\":"
        + " \"PRIMARY\", \"rolloutState\": \"" + rolloutState + "\"}]}]}]}";
  }

  /**
   * Sets the account file's deployment to {@code rolloutState} ({@code null}: no ecs section),
   * replacing the file atomically as ECS (or a nightly snapshot job) would.
   */
  static void setDeployment(Path account, String rolloutState) {
    try {
      String json = Files.readString(account);
      int at = json.indexOf("\"ecs\"");
      if (at >= 0) {
        json = withoutEcs(json, at);
      }
      if (rolloutState != null) {
        json = json.replaceFirst("\\{", "{" + ecsSection(rolloutState) + ",");
      }
      Path tmp = account.resolveSibling(account.getFileName() + ".edit");
      Files.writeString(tmp, json);
      Files.move(tmp, account, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON text without its top-level {@code "ecs": {...}} member (and its comma). */
  private static String withoutEcs(String json, int at) {
    int open = json.indexOf('{', at);
    int depth = 0;
    int end = open;
    for (int i = open; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        end = i + 1;
        break;
      }
    }
    String rest = json.substring(end).stripLeading();
    if (rest.startsWith(",")) {
      return json.substring(0, at) + rest.substring(1).stripLeading();
    }
    String head = json.substring(0, at).stripTrailing();
    return head.substring(0, head.length() - 1) + rest; // drop the comma before it
  }

  /**
   * A {@code local:} account file {@code DIR/account.json} where the guide's stack ({@link #full})
   * was applied; returns the file.
   */
  static Path localAccountWithTheRole(Path dir) {
    Path account = dir.resolve("account.json");
    dev.rolectl.cli.TestCli.Run made = rolectl("local:" + account, "apply", full(dir).toString(),
        "--auto-approve");
    org.junit.jupiter.api.Assertions.assertEquals(0, made.exit(), made::toString);
    return account;
  }

  /** Runs the CLI in-process with {@code --target TARGET} added. */
  static dev.rolectl.cli.TestCli.Run rolectl(String target, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--target";
    all[args.length + 1] = target;
    return dev.rolectl.cli.TestCli.run(java.util.Map.of(), all);
  }

  static Path write(Path file, String text) {
    return StackFiles.write(file, text);
  }
}
