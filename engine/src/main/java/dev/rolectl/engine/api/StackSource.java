package dev.rolectl.engine.api;

import dev.rolectl.engine.config.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stack to load and how to resolve its references ({@code --var}, {@code --var-file},
 * {@code --account-id}, {@code --partition}).
 *
 * @param path a stack file, or a folder whose {@code *.yaml} files form one stack
 * @param vars {@code ${var.NAME}} values; they win over {@code varFiles}
 * @param varFiles YAML files of {@code NAME: value}, later files win
 * @param accountId the account id the user expects ({@code --account-id}); planning refuses a
 *     target of another account. Empty: the target's
 * @param partition the partition the user expects ({@code --partition}): for {@code
 *     ${aws.partition}} and ARNs in offline commands; planning refuses a target in another
 *     partition. Empty: the target's ({@code aws} offline)
 */
public record StackSource(
    Path path,
    Map<String, String> vars,
    List<Path> varFiles,
    Optional<String> accountId,
    Optional<String> partition) {
  /** The partition of offline commands unless {@code --partition} says otherwise. */
  public static final String DEFAULT_PARTITION = LoadOptions.DEFAULT_PARTITION;

  public StackSource {
    Objects.requireNonNull(path, "path");
    vars = Map.copyOf(vars);
    varFiles = List.copyOf(varFiles);
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
  }

  /** A stack without variables, for the target's account and partition. */
  public static StackSource of(Path path) {
    return new StackSource(path, Map.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /** Load options for an account that a target told us about. */
  public LoadOptions forAccount(String id, String targetPartition) {
    return new LoadOptions(vars, varFiles, id, targetPartition);
  }

  /** Load options for commands that never call AWS: the placeholder account unless given. */
  public LoadOptions offline() {
    return new LoadOptions(
        vars, varFiles, accountId.orElse(LoadOptions.PLACEHOLDER_ACCOUNT_ID),
        partition.orElse(DEFAULT_PARTITION));
  }

  /** The same stack with other variable files (chosen per account). */
  public StackSource withVarFiles(List<Path> files) {
    return new StackSource(path, vars, files, accountId, partition);
  }
}
