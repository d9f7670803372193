package dev.rolectl.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to load a stack.
 *
 * @param vars {@code --var NAME=VALUE} values; they win over {@code varFiles}
 * @param varFiles {@code --var-file FILE} YAML files of {@code NAME: value}
 * @param accountId account id for {@code ${aws.accountId}} and ARNs; offline commands pass
 *     {@link #PLACEHOLDER_ACCOUNT_ID} unless {@code --account-id} is given
 * @param partition partition for {@code ${aws.partition}} and ARNs
 */
public record LoadOptions(
    Map<String, String> vars, List<Path> varFiles, String accountId, String partition) {
  public static final String PLACEHOLDER_ACCOUNT_ID = "123456789012";
  public static final String DEFAULT_PARTITION = "aws";

  public LoadOptions {
    vars = Map.copyOf(vars);
    varFiles = List.copyOf(varFiles);
  }

  public static LoadOptions offline() {
    return new LoadOptions(Map.of(), List.of(), PLACEHOLDER_ACCOUNT_ID, DEFAULT_PARTITION);
  }
}
