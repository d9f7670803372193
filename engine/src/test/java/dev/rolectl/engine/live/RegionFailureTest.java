package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed regions grouped, said once, and excused only when an organisation policy denies. */
class RegionFailureTest {
  static final String SCP = "User: arn:aws:sts::1:assumed-role/r/s is not authorized to perform:"
      + " ecs:ListServices on resource: arn:aws:ecs:REGION:1:cluster/prod with an explicit deny"
      + " in a service control policy";

  static RegionFailure denied(String region) {
    String message = SCP.replace("REGION", region);
    return RegionFailure.of("ECS", "ListServices", "HTTP 400 AccessDeniedException", message,
        "an organization policy denies ListServices in " + region + " (" + message + ")",
        RegionFailure.organizationDenied(message), region);
  }

  static RegionFailure down(String region) {
    return RegionFailure.of("ECS", "ListClusters", "HTTP 503 without an AWS error code", "",
        "ECS in " + region + " failed ListClusters", false, region);
  }

  @Test
  void theSameFailureInManyRegionsIsOneEntryEvenWhenTheMessageNamesTheRegion() {
    List<RegionFailure> grouped = RegionFailure.group(List.of(denied("us-west-2"), down("eu-west-1"),
        denied("ap-east-1"), denied("me-south-1")));
    assertEquals(2, grouped.size(), grouped::toString);
    RegionFailure scp = grouped.get(0);
    assertEquals(List.of("ap-east-1", "me-south-1", "us-west-2"), scp.regions());
    String said = scp.describe();
    assertTrue(said.startsWith("an organization policy denies ListServices in 3 regions (ap-east-1,"
        + " me-south-1, us-west-2) ("), said);
    assertTrue(said.contains("arn:aws:ecs:<region>:1:cluster/prod"), said);
    assertEquals(1, said.split("explicit deny", -1).length - 1, "said once: " + said);
    assertEquals("ECS in eu-west-1 failed ListClusters", grouped.get(1).describe());
    assertEquals("ECS ListServices: HTTP 400 AccessDeniedException in 3 regions (denied by"
        + " organization policy)", scp.brief());
  }

  @Test
  void anOrganizationDenyIsRecognisedFromWhatAwsSaysAndNothingElse() {
    assertTrue(RegionFailure.organizationDenied(SCP));
    assertTrue(RegionFailure.organizationDenied("User: x is not authorized to perform:"
        + " ec2:DescribeIamInstanceProfileAssociations because no service control policy allows"
        + " the ec2:DescribeIamInstanceProfileAssociations action"));
    assertFalse(RegionFailure.organizationDenied("User: x is not authorized to perform:"
        + " ecs:ListClusters because no identity-based policy allows the ecs:ListClusters action"));
    assertFalse(RegionFailure.organizationDenied("User: x is not authorized to perform:"
        + " ecs:ListClusters with an explicit deny in an identity-based policy"));
    assertFalse(RegionFailure.organizationDenied(null));
  }

  @Test
  void onlyDeclaredRegionsWhoseEveryFailureIsAnOrganizationDenyAreExcused() {
    List<RegionFailure> failures = RegionFailure.group(List.of(denied("ap-east-1"),
        denied("me-south-1"), denied("eu-west-1"), down("eu-west-1"), down("us-east-1")));
    RegionFailure.Excused none = RegionFailure.excuse(failures, List.of());
    assertEquals(List.of(), none.excused());
    RegionFailure.Excused some = RegionFailure.excuse(failures, List.of("ap-east-1", "eu-west-1",
        "us-east-1"));
    assertEquals(List.of("ap-east-1"), some.excused(), "eu-west-1 also failed otherwise");
    RegionFailure.Excused all = RegionFailure.excuse(failures, List.of("*"));
    assertEquals(List.of("ap-east-1", "me-south-1"), all.excused());
    assertEquals(List.of(List.of("eu-west-1"), List.of("eu-west-1", "us-east-1")),
        all.left().stream().map(RegionFailure::regions).toList());
  }
}
