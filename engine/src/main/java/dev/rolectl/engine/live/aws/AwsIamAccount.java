package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.IamAccount;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.TargetOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The {@code aws} adapter of {@link IamAccount}: reads IAM through the AWS SDK for Java v2 (see
 * {@link AccountReader} for the calls it makes). Connects on first use, not when constructed.
 * Thread-safe. Failures are {@link TargetException}s with a user message.
 */
public final class AwsIamAccount implements IamAccount, AutoCloseable {
  private final TargetOptions options;
  private final CallCounter counter;
  private AwsClients clients;
  private Identity identity;

  /** Who the credentials are: the account and the caller's ARN. */
  private record Identity(String account, String arn) {}

  public AwsIamAccount(TargetOptions options) {
    this(options, new CallCounter());
  }

  /** Counts its calls on a counter it shares with the target's other adapters. */
  AwsIamAccount(TargetOptions options, CallCounter counter) {
    this.options = options;
    this.counter = counter;
  }

  /**
   * One {@code sts:GetCallerIdentity}, the first time; none when a role is assumed (its ARN names
   * the account).
   */
  @Override
  public String accountId() {
    return identity().account();
  }

  /** How the target is reached. */
  TargetOptions options() {
    return options;
  }

  /** The caller's ARN (who holds an apply lock). */
  String callerArn() {
    return identity().arn();
  }

  /** From the caller's ARN ({@code arn:PARTITION:...}). */
  @Override
  public String partition() {
    return identity().arn().split(":", 3)[1];
  }

  @Override
  public LiveAccount read(ReadRequest request) {
    String accountId = accountId();
    String partition = partition();
    try (ReadGuard.Read read = guard().read("read IAM roles and policies")) {
      return new AccountReader(clients().iam).read(accountId, partition, request);
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "read IAM roles and policies", counter.lastEndpoint());
    }
  }

  @Override
  public java.util.List<dev.rolectl.engine.live.LivePrincipal> readPrincipals(boolean users, boolean groups) {
    try (ReadGuard.Read read = guard().read("read IAM users and groups")) {
      return new AccountReader(clients().iam).principals(users, groups);
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "read IAM users and groups");
    }
  }

  @Override
  public java.util.Set<String> missingPolicies(java.util.Collection<String> arns) {
    java.util.Set<String> missing = new java.util.TreeSet<>();
    for (String arn : new java.util.TreeSet<>(arns)) {
      try {
        clients().iam.getPolicy(r -> r.policyArn(arn));
      } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
        missing.add(arn);
      } catch (SdkException e) {
        throw AwsErrors.translate(e, "check that managed policy " + arn + " exists");
      }
    }
    return missing;
  }

  /** The target's read guard ({@code --read-timeout}, answers checked). */
  private ReadGuard guard() {
    return counter.guard(options.readTimeout());
  }

  /** API calls so far (for {@code --stats}). */
  public ApiStats stats() {
    return counter.snapshot();
  }

  private synchronized Identity identity() {
    if (identity == null && options.assumeRole() != null) {
      TargetOptions.AssumeRole role = options.assumeRole();
      try {
        clients().credentials.resolveCredentials(); // the AssumeRole, with its own message
      } catch (SdkException e) {
        throw AwsErrors.assumeRole(e, role.roleArn(), counter.lastEndpoint());
      }
      identity = new Identity(role.accountId(), role.sessionArn());
    }
    if (identity == null) {
      try {
        GetCallerIdentityResponse caller = clients().sts.getCallerIdentity();
        identity = new Identity(caller.account(), caller.arn());
      } catch (SdkException e) {
        throw AwsErrors.translate(
            e, "find out which account the credentials belong to", counter.lastEndpoint());
      }
    }
    return identity;
  }

  synchronized AwsClients clients() {
    if (clients == null) {
      try {
        clients = AwsClients.build(options, counter);
      } catch (SdkException | IllegalArgumentException e) {
        throw new TargetException(
            "cannot set up the AWS SDK (" + e.getMessage() + "): check --region, --profile and"
                + " the AWS_* environment variables",
            e);
      }
    }
    return clients;
  }

  @Override
  public synchronized void close() {
    if (clients != null) {
      clients.close();
      clients = null;
    }
  }
}
