package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rolectl.engine.live.LiveAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Saved plans follow schemas/plan.schema.json, the format's published contract. */
class PlanSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonSchema schema() throws Exception {
    JsonNode node = MAPPER.readTree(Files.readString(Path.of("../schemas/plan.schema.json")));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(node.get("$id").asText()), node);
  }

  @Test
  void everyKindOfChangeIsValidAgainstTheSchema() throws Exception {
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/old/", Fixtures.trust("ec2.amazonaws.com"), Fixtures.owned(Map.of()),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), Map.of())
            .ownedRole("gone", List.of())
            .policy("p", Fixtures.allow("s3:*", "*"), Fixtures.owned(Map.of()), Map.of())
            .build();
    Plan plan =
        Differ.plan(
                Fixtures.stack(
                    Fixtures.role("r"),
                    Fixtures.attachment("r", Fixtures.LB_POLICY),
                    Fixtures.inline("r", "i", Fixtures.allow("s3:GetObject", "*")),
                    Fixtures.policy("p", Fixtures.allow("s3:GetObject", "*"))),
                live,
                new PlanOptions(false, "aws", Instant.now()))
            .plan()
            .orElseThrow();

    Set<ValidationMessage> errors = schema().validate(MAPPER.readTree(PlanFile.write(plan)));

    assertEquals(Set.of(), errors);
  }

  @Test
  void aSignedPlanIsValidAndAnEditedSignatureIsNot() throws Exception {
    String signed = PlanSignature.sign(PlanFile.write(PlanFileCheckTest.plan()), PlanSignatureTest.KEY);

    assertEquals(Set.of(), schema().validate(MAPPER.readTree(signed)));
    assertEquals(1, schema().validate(MAPPER.readTree(signed.replace("\"HMAC-SHA256\"",
        "\"none\""))).size());
  }

  @Test
  void failedAndUncheckedRegionsAreValidAgainstTheSchema() throws Exception {
    Plan plan = CoverageJsonTest.plan(new EcsCoverage(List.of("us-east-1"), List.of(),
        List.of(dev.rolectl.engine.live.RegionFailure.of("EC2",
            "DescribeIamInstanceProfileAssociations", "HTTP 403 UnauthorizedOperation", "m",
            "access to EC2 in me-south-1 was denied", false, "me-south-1")),
        List.of("ap-east-1"), List.of("ap-east-1")));

    assertEquals(Set.of(), schema().validate(MAPPER.readTree(PlanFile.write(plan))));
  }
}
