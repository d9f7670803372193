package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.RegionFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's failed and unchecked regions and organisation-denied declaration, saved and read. */
class CoverageJsonTest {
  static Plan plan(EcsCoverage ecs) {
    return PlanFileCheckTest.plan().withEcs(ecs);
  }

  @Test
  void theyRoundTripAndEachFailureIsOneObjectWithItsRegions() {
    RegionFailure f = RegionFailure.group(List.of(
        RegionFailure.of("ECS", "ListClusters", "HTTP 400 AccessDeniedException", "m",
            "an organization policy denies ListClusters in ap-east-1 (... explicit deny in a"
                + " service control policy)", true, "ap-east-1"),
        RegionFailure.of("ECS", "ListClusters", "HTTP 400 AccessDeniedException", "m",
            "an organization policy denies ListClusters in me-south-1 (... explicit deny in a"
                + " service control policy)", true, "me-south-1"))).get(0);
    Plan p = plan(new EcsCoverage(List.of("us-east-1"), List.of(), List.of(f),
        List.of("il-central-1"), List.of("il-central-1", "*")));
    String json = PlanFile.write(p);
    assertEquals(1, json.split("explicit deny", -1).length - 1, json);
    assertTrue(json.contains("\"reason\" : \"an organization policy denies ListClusters in"
        + " <region>"), json);
    EcsCoverage back = PlanFile.read(json).ecs();
    assertEquals(List.of("ap-east-1", "me-south-1"), back.failures().get(0).regions());
    assertEquals(f.describe(), back.failures().get(0).describe());
    assertTrue(back.failures().get(0).organizationDenied());
    assertEquals(List.of("il-central-1"), back.notChecked());
    assertEquals(List.of("il-central-1", "*"), back.organizationDeniedRegions());
  }

  @Test
  void aPlanWithNothingToSayKeepsItsEcsObjectAsItWas() {
    String json = PlanFile.write(plan(new EcsCoverage(List.of("us-east-1"), List.of())));
    String ecs;
    try {
      ecs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("ecs").toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    assertEquals("{\"regions\":[\"us-east-1\"],\"clusters\":[]}", ecs, json);
  }
}
