package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.IamAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;

/** The {@code aws} target: the account of the current credentials. */
public final class AwsTarget implements Target {
  private final AwsIamAccount iam;
  private final AwsIamWriter writer;

  private AwsTarget(AwsIamAccount iam) {
    this.iam = iam;
    this.writer = new AwsIamWriter(iam);
  }

  /** Opens without calling AWS; the first read connects. */
  public static AwsTarget open(TargetOptions options) {
    return new AwsTarget(new AwsIamAccount(options == null ? TargetOptions.defaults() : options));
  }

  @Override
  public String spec() {
    return "aws";
  }

  @Override
  public IamAccount iam() {
    return iam;
  }

  @Override
  public java.util.Optional<dev.rolectl.engine.live.IamWriter> writer() {
    return java.util.Optional.of(writer);
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public ApiStats stats() {
    return iam.stats();
  }

  @Override
  public void close() {
    iam.close();
  }
}
