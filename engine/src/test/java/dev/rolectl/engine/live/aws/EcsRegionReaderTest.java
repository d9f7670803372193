package dev.rolectl.engine.live.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsRoleField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Where the adapter finds role references in a {@code DescribeServices} answer (built as the SDK
 * would parse it; moto keeps only the load balancer field), and how it classifies failures.
 */
class EcsRegionReaderTest {
  static final String CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";

  static String role(String name) {
    return "arn:aws:iam::123456789012:role/" + name;
  }

  @Test
  void everyInfrastructureRoleFieldIsAReference() {
    Service s =
        Service.builder()
            .serviceName("web")
            .serviceArn("arn:aws:ecs:us-east-1:123456789012:service/prod/web")
            .clusterArn(CLUSTER)
            .status("ACTIVE")
            .loadBalancers(
                lb -> lb.targetGroupArn("tg").advancedConfiguration(a -> a.roleArn(role("lb"))))
            .deploymentConfiguration(
                c -> c.strategy("BLUE_GREEN").lifecycleHooks(h -> h.roleArn(role("hook"))))
            .deployments(
                Deployment.builder()
                    .id("ecs-svc/2")
                    .status("PRIMARY")
                    .rolloutState("IN_PROGRESS")
                    .createdAt(Instant.parse("2026-11-29T09:00:00Z"))
                    .vpcLatticeConfigurations(v -> v.roleArn(role("lattice")))
                    .volumeConfigurations(
                        v -> v.name("data").managedEBSVolume(e -> e.roleArn(role("ebs"))))
                    .serviceConnectConfiguration(
                        c ->
                            c.enabled(true)
                                .services(
                                    sc -> sc.portName("http").tls(t -> t.roleArn(role("tls")))))
                    .build(),
                Deployment.builder()
                    .id("ecs-svc/0")
                    .status("INACTIVE")
                    .vpcLatticeConfigurations(v -> v.roleArn(role("retired")))
                    .build())
            .roleArn(role("legacy-service-role"))
            .build();

    EcsServiceRecord r = EcsServices.record(CLUSTER, s, null);

    assertEquals("prod", r.cluster());
    assertEquals("web", r.service());
    assertEquals(
        Map.of(
            EcsRoleField.LOAD_BALANCER, Set.of(role("lb")),
            EcsRoleField.LIFECYCLE_HOOK, Set.of(role("hook")),
            EcsRoleField.VPC_LATTICE, Set.of(role("lattice")),
            EcsRoleField.EBS_VOLUME, Set.of(role("ebs")),
            EcsRoleField.SERVICE_CONNECT_TLS, Set.of(role("tls")),
            EcsRoleField.SERVICE_ROLE, Set.of(role("legacy-service-role"))),
        r.references(),
        "Service.roleArn, the legacy service role, counts as an infrastructure role (ECS"
            + " registers the tasks with the load balancer with it); INACTIVE deployments are"
            + " history");
    assertEquals(
        List.of("ecs-svc/2"),
        DeploymentSignals.underWay(r.serviceDeployments()).stream()
            .map(ActiveDeployment::id)
            .toList());
  }

  @Test
  void aServiceWithoutAdvancedConfigurationReferencesNothing() {
    Service s =
        Service.builder()
            .serviceName("old")
            .clusterArn(CLUSTER)
            .loadBalancers(lb -> lb.targetGroupArn("tg").containerName("c").containerPort(80))
            .build();

    assertEquals(Map.of(), EcsServices.record(CLUSTER, s, null).references());
  }

  private static EcsException error(int status, String code) {
    return (EcsException)
        EcsException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
            .build();
  }

  @Test
  void onlyAPositiveAnswerSaysAnOperationIsMissing() {
    assertTrue(EcsErrors.apiMissing(error(400, "UnknownOperationException")));
    assertTrue(EcsErrors.apiMissing(error(400, "InvalidAction")));
    assertTrue(EcsErrors.apiMissing(error(501, null)), "HTTP 501 Not Implemented");
    for (int status : new int[] {500, 502, 503, 504}) {
      assertFalse(EcsErrors.apiMissing(error(status, null)), status + " without an error code");
      assertFalse(EcsErrors.apiMissing(error(status, "" + status)), status + " code = status");
    }
    assertFalse(EcsErrors.apiMissing(error(500, "ServerException")));
    assertFalse(EcsErrors.apiMissing(error(400, "ThrottlingException")));
    assertFalse(EcsErrors.apiMissing(error(400, "AccessDeniedException")));
    assertFalse(EcsErrors.apiMissing(error(400, "UnsupportedFeatureException")));
    assertTrue(EcsErrors.featureAbsent(error(400, "UnsupportedFeatureException")));
    assertFalse(EcsErrors.apiMissing(SdkClientException.create("Unable to execute HTTP request")));
    assertEquals("HTTP 502 without an AWS error code", EcsErrors.what(error(502, null)));
  }

  @Test
  void reasonsSayWhatToDo() {
    String denied =
        EcsErrors.reason(error(400, "AccessDeniedException"), "ListClusters", "eu-west-1");
    String network =
        EcsErrors.reason(
            SdkClientException.create("Unable to execute HTTP request: Connection refused"),
            "ListClusters",
            "eu-west-1");

    assertTrue(denied.contains("denied") && denied.contains("ecs:ListServiceDeployments"), denied);
    assertTrue(denied.contains("eu-west-1"), denied);
    assertTrue(
        network.contains("cannot reach ECS in eu-west-1")
            && network.contains("AWS_ENDPOINT_URL_ECS"),
        network);
  }
}
