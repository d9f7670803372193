package dev.rolectl.cli.e2e;

import dev.rolectl.engine.live.TargetOptions;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A test's view of the moto server: its endpoint, dummy credentials, and ways to hand them to the
 * code under test (as {@link TargetOptions}, or as an environment map for a child process) and to
 * SDK clients that set up state out of band. Nothing here touches the JVM's own environment.
 */
public final class Moto {
  public static final String ACCOUNT_ID = "123456789012";
  public static final String ACCESS_KEY_ID = "testing";
  public static final String SECRET_ACCESS_KEY = "testing";
  public static final String REGION = "us-east-1";

  private final URI endpoint;
  private final Runnable reset;

  Moto(URI endpoint, Runnable reset) {
    this.endpoint = endpoint;
    this.reset = reset;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource (the extension also does this before each test). */
  public void reset() {
    reset.run();
  }

  /** Options for {@code Targets.open("aws", ...)} that reach this server. */
  public TargetOptions targetOptions() {
    return TargetOptions.defaults()
        .withEndpoint(endpoint)
        .withRegion(REGION)
        .withCredentials(new TargetOptions.Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY, null));
  }

  /** Environment for a child process that should reach this server through the SDK's own settings. */
  public Map<String, String> env() {
    return Map.of(
        "AWS_ENDPOINT_URL", endpoint.toString(),
        "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
        "AWS_REGION", REGION,
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  /** A new IAM client for setting up state; close it when done. */
  public IamClient iam() {
    return IamClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
