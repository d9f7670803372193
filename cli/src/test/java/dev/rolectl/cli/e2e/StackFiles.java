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

  /**
   * A directory stack of customer managed policies {@code prefix0000}... with the given documents
   * (JSON text, used in turn), 200 policies a file (stack files are limited to 3 MB).
   */
  static Path policies(Path dir, String stack, String prefix, int count, java.util.List<String> documents) {
    Path stackDir = dir.resolve(stack + "-policies");
    int perFile = 200;
    for (int first = 0; first < count; first += perFile) {
      StringBuilder y = new StringBuilder();
      y.append("apiVersion: rolectl/v1\nstack: ").append(stack).append("\npolicies:\n");
      for (int i = first; i < Math.min(count, first + perFile); i++) {
        y.append("  ").append(String.format("%s%04d", prefix, i)).append(":\n");
        y.append("    document: ").append(documents.get(i % documents.size())).append('\n');
      }
      write(stackDir.resolve(String.format("policies-%02d.yaml", first / perFile)), y.toString());
    }
    return stackDir;
  }

  /** A small customer policy document (JSON text) that lint finds nothing to say about. */
  static String bucketPolicy(int i) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Read\", \"Effect\": \"Allow\","
        + " \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": [\"arn:aws:s3:::bucket-" + i
        + "\", \"arn:aws:s3:::bucket-" + i + "/*\"]}]}";
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
