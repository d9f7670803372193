package dev.rolectl.cli.e2e;

import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Puts the AWS guide's blue/green setup into moto: the infrastructure role (owned by stack {@link
 * #STACK}) with its managed policy, a cluster, and a service whose load balancer names the role in
 * {@code advancedConfiguration.roleArn} (moto 5.2.5 keeps that field), plus a service without a
 * load balancer.
 */
final class EcsSeed {
  static final String STACK = "ecs-platform";
  static final String ROLE = AwsAdapterE2E.GUIDE_ROLE;
  static final String ROLE_ARN = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/" + ROLE;
  static final String CLUSTER = "prod";
  static final String SERVICE = "web";
  static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/";

  private EcsSeed() {}

  static EcsClient ecs(Moto moto) {
    return EcsClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Moto.ACCESS_KEY_ID, Moto.SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  static void create(Moto moto) {
    try (IamClient iam = moto.iam()) {
      iam.createRole(
          r ->
              r.roleName(ROLE)
                  .assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST)
                  .tags(t -> t.key("rolectl:stack").value(STACK)));
      iam.attachRolePolicy(r -> r.roleName(ROLE).policyArn(AwsAdapterE2E.GUIDE_POLICY));
    }
    createService(ecs(moto), ROLE_ARN);
  }

  /**
   * A cluster, and a blue/green service whose load balancer names {@code roleArn} as its
   * infrastructure role, plus a service without a load balancer; closes {@code ecs}.
   */
  static void createService(EcsClient client, String roleArn) {
    try (EcsClient ecs = client) {
      ecs.createCluster(r -> r.clusterName(CLUSTER));
      ecs.registerTaskDefinition(
          r ->
              r.family(SERVICE)
                  .containerDefinitions(c -> c.name(SERVICE).image("nginx").memory(128)));
      ecs.createService(
          r ->
              r.cluster(CLUSTER)
                  .serviceName(SERVICE)
                  .taskDefinition(SERVICE)
                  .desiredCount(1)
                  .deploymentConfiguration(c -> c.strategy("BLUE_GREEN").bakeTimeInMinutes(5))
                  .loadBalancers(
                      lb ->
                          lb.targetGroupArn(TG + "blue/1")
                              .containerName(SERVICE)
                              .containerPort(80)
                              .advancedConfiguration(
                                  a ->
                                      a.alternateTargetGroupArn(TG + "green/2")
                                          .productionListenerRule(
                                              "arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                                                  + "listener-rule/app/lb/1/2/3")
                                          .roleArn(roleArn))));
      ecs.createService(
          r -> r.cluster(CLUSTER).serviceName("worker").taskDefinition(SERVICE).desiredCount(1));
    }
  }

  /** The stack after someone removed the role from the YAML: the plan deletes it. */
  static Stack stackWithoutTheRole() {
    return new Stack(
        STACK,
        null,
        Moto.ACCOUNT_ID,
        "aws",
        Map.of(),
        List.of(),
        StackSettings.defaults(),
        SourceMap.empty());
  }
}
