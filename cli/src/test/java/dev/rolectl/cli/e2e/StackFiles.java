package dev.rolectl.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated stack files for apply tests and benchmarks. */
final class StackFiles {
  static final String TRUST =
      "{Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com},"
          + " Action: \"sts:AssumeRole\"}]}";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

  private StackFiles() {}

  /**
   * {@code roles} roles named {@code prefix000}..., each with 2 AWS managed policies attached and
   * one inline policy.
   */
  static Path roles(Path dir, String stack, String prefix, int roles) {
    return roles(dir, stack, prefix, roles, 1);
  }

  /**
   * As {@link #roles(Path, String, String, int)}; variant 2 has another inline policy action and a
   * stack tag, so applying it over variant 1 updates every role and inline policy.
   */
  static Path roles(Path dir, String stack, String prefix, int roles, int variant) {
    String action = variant == 1 ? "logs:PutLogEvents" : "logs:CreateLogStream";
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: rolectl/v1\nstack: ").append(stack).append('\n');
    if (variant != 1) {
      y.append("tags: {variant: \"").append(variant).append("\"}\n");
    }
    y.append("roles:\n");
    for (int i = 0; i < roles; i++) {
      y.append("  ").append(String.format("%s%03d", prefix, i)).append(":\n");
      y.append("    trustPolicy: ").append(TRUST).append('\n');
      y.append("    managedPolicies: [").append(READ_ONLY).append(", ").append(S3_READ).append("]\n");
      y.append("    inlinePolicies:\n");
      y.append("      logs: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"")
          .append(action).append("\", Resource: \"*\"}]}\n");
    }
    String file = variant == 1 ? stack + ".yaml" : stack + "-v" + variant + ".yaml";
    return write(dir.resolve(file), y.toString());
  }

  /** A stack that declares nothing: applying it deletes what the stack owns. */
  static Path empty(Path dir, String stack) {
    return write(dir.resolve(stack + "-empty.yaml"), "apiVersion: rolectl/v1\nstack: " + stack + "\n");
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
