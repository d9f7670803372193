package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.IamAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;

/**
 * The {@code aws} target: the account of the current credentials. Its IAM and ECS adapters count
 * their calls on one counter ({@link #stats()}).
 */
public final class AwsTarget implements Target {
  private final TargetOptions options;
  private final CallCounter counter = new CallCounter();
  private final AwsIamAccount iam;
  private final AwsIamWriter writer;
  private final AccountRegions regions;
  private AwsEcsDeployments ecs;
  private AwsInstanceProfileAssociations ec2;

  private AwsTarget(TargetOptions options) {
    this.options = options;
    this.iam = new AwsIamAccount(options, counter);
    this.writer = new AwsIamWriter(iam);
    this.regions = new AccountRegions(options, counter);
  }

  /** Opens without calling AWS; the first read connects. */
  public static AwsTarget open(TargetOptions options) {
    return new AwsTarget(options == null ? TargetOptions.defaults() : options);
  }

  @Override
  public String spec() {
    return "aws";
  }

  @Override
  public IamAccount iam() {
    return iam;
  }

  /** ECS through the SDK; clients per region are made on first use. */
  @Override
  public synchronized EcsDeployments ecs() {
    if (ecs == null) {
      ecs = new AwsEcsDeployments(options, counter, regions);
    }
    return ecs;
  }

  /** EC2's instance profile associations through the SDK; clients per region on first use. */
  @Override
  public synchronized dev.rolectl.engine.live.InstanceProfileAssociations ec2() {
    if (ec2 == null) {
      ec2 = new AwsInstanceProfileAssociations(options, counter, regions);
    }
    return ec2;
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
    return counter.snapshot();
  }

  @Override
  public synchronized void close() {
    iam.close();
    if (ecs != null) {
      ecs.close();
    }
    if (ec2 != null) {
      ec2.close();
    }
    counter.closeSession();
  }
}
