package dev.rolectl.engine.model;

import java.util.List;

/**
 * An IAM policy document (identity, trust or boundary) as a value. {@code version} and {@code id}
 * are {@code null} when absent: a missing Version and {@code 2012-10-17} are different documents.
 * Equality of records is structural; semantic equality lives in the {@code policy} package.
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {
  public static final String CURRENT_VERSION = "2012-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }
}
