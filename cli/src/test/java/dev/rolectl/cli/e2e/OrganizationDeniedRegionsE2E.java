package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation whose service control policy denies ECS in every region but two (AWS Control
 * Tower's Region deny control does this). The loopback {@link EcsApiServer} stands in for ECS
 * there: it answers {@code ListClusters} with HTTP 400 {@code AccessDeniedException} and the
 * message AWS gives for an SCP deny ("... with an explicit deny in a service control policy") in
 * every region moto's {@code DescribeRegions} lists but us-east-1 and eu-west-1. IAM, STS and EC2
 * are moto.
 *
 * <p>Without a declaration the change is blocked, the deny said once in a plan of at most 4 KB,
 * with advice naming {@code settings.ecs.organizationDeniedRegions}; with it the change plans and
 * applies, and text, JSON and Markdown say "Not checked: N regions (denied by organization
 * policy)"; a saved plan keeps the declaration. Any other failure in a declared region still
 * blocks.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class OrganizationDeniedRegionsE2E {
  static final String DENY = "User: arn:aws:sts::123456789012:assumed-role/Deployer/rolectl is not"
      + " authorized to perform: ecs:ListClusters on resource: * with an explicit deny in a"
      + " service control policy";
  static final String SCP = "explicit deny in a service control policy";
  static final List<String> ALLOWED = List.of("us-east-1", "eu-west-1");
  static final ObjectMapper JSON = new ObjectMapper();

  static EcsApiServer server;
  @TempDir Path dir;
  EcsApiFixture fx;
  List<String> denied;

  @BeforeAll
  static void start() {
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void seed(Moto moto) {
    server.reset();
    fx = new EcsApiFixture(moto, server);
    fx.seedRole();
    try (var ec2 = InstanceProfileInUseE2E.ec2(moto)) {
      denied = ec2.describeRegions().regions().stream()
          .map(software.amazon.awssdk.services.ec2.model.Region::regionName)
          .filter(r -> !ALLOWED.contains(r)).sorted().toList();
    }
    assertTrue(denied.size() >= 30, "moto lists the regions: " + denied);
    for (String region : denied) {
      server.fail(new Fault("ListClusters", region, 400, "AccessDeniedException", DENY));
    }
    fx.ecs.world.cluster("us-east-1", "prod");
  }

  @AfterEach
  void answersFollowTheModel() {
    fx.assertNoModelViolations();
  }

  private String delete(String settings) throws Exception {
    Path p = InterlockStacks.changed(dir, Change.DELETE);
    Path mine = dir.resolve("delete-" + Integer.toHexString(settings.hashCode()) + ".yaml");
    Files.writeString(mine, Files.readString(p) + settings);
    return mine.toString();
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void withoutTheDeclarationTheChangeIsBlockedAndTheDenyIsSaidOnce() throws Exception {
    String stack = delete("");
    TestCli.Run text = fx.rolectl("plan", stack);
    assertEquals(3, text.exit(), text::toString);
    String all = text.out() + text.err();
    assertTrue(all.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 4096,
        all.length() + " bytes:\n" + all);
    assertEquals(1, count(all, SCP), all);
    assertTrue(all.contains(denied.size() + " regions") && all.contains("organizationDeniedRegions")
        && all.contains("ListClusters") && all.contains("AccessDeniedException"), all);
    StringBuilder sizes = new StringBuilder("plan output of the blocked delete, SCP deny in "
        + denied.size() + " regions: text " + all.length() + " characters");
    for (String format : List.of("json", "markdown")) {
      TestCli.Run r = fx.rolectl("plan", stack, "--format", format);
      assertEquals(3, r.exit(), r::toString);
      assertEquals(1, count(r.out(), SCP), format + ":\n" + r.out());
      sizes.append(", ").append(format).append(' ').append(r.out().length()).append(" characters");
    }
    Path figures = Path.of("target/benchmarks");
    Files.createDirectories(figures);
    Files.writeString(figures.resolve("organization-deny.txt"), sizes + "\n");
    JsonNode failure = JSON.readTree(fx.rolectl("plan", stack, "--format", "json").out())
        .path("ecs").path("failures").get(0);
    assertEquals("ListClusters", failure.path("operation").asText());
    assertEquals(denied.size(), failure.path("regions").size());
    assertTrue(failure.path("organizationDenied").asBoolean(), failure::toString);

    TestCli.Run apply = fx.rolectl("apply", stack, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(InterlockIam.read(fx.moto).isPresent(), "the role is still there");
  }

  @Test
  void theDeclarationLetsTheChangePlanAndApplySayingWhatWasNotChecked() throws Exception {
    String stack = delete("settings: {ecs: {organizationDeniedRegions: [" + String.join(", ", denied)
        + "]}}\n");
    String notChecked = "Not checked: " + denied.size() + " regions (denied by organization policy)";
    TestCli.Run text = fx.rolectl("plan", stack);
    assertEquals(0, text.exit(), text::toString);
    assertTrue(text.out().contains(notChecked), text::toString);
    TestCli.Run md = fx.rolectl("plan", stack, "--format", "markdown");
    assertEquals(0, md.exit(), md::toString);
    assertTrue(md.out().contains(notChecked), md::toString);
    Path saved = dir.resolve("plan.json");
    TestCli.Run json = fx.rolectl("plan", stack, "--format", "json", "--out", saved.toString());
    assertEquals(0, json.exit(), json::toString);
    JsonNode ecs = JSON.readTree(json.out()).path("ecs");
    assertEquals(denied.size(), ecs.path("notChecked").path("regions").size(), ecs::toString);
    assertEquals("denied by organization policy", ecs.path("notChecked").path("reason").asText());
    assertTrue(json.out().contains(notChecked), "the verdicts say it too");

    TestCli.Run apply = fx.rolectl("apply", saved.toString());
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(InterlockIam.read(fx.moto).isEmpty(), "the saved plan re-checked the same way");
  }

  @Test
  void theDeclarationExcusesNothingButAnOrganizationDeny() throws Exception {
    String everywhere = delete("settings: {ecs: {organizationDeniedRegions: [\"*\"]}}\n");
    server.fail(new Fault("ListClusters", "eu-west-1", 503, null));
    TestCli.Run down = fx.rolectl("plan", everywhere);
    assertEquals(3, down.exit(), down::toString);
    assertTrue(down.out().contains("HTTP 503 without an AWS error code")
        && down.out().contains("eu-west-1"), down::toString);
    server.clearFaults();
    for (String region : denied) {
      server.fail(new Fault("ListClusters", region, 400, "AccessDeniedException", DENY));
    }
    String some = delete("settings: {ecs: {organizationDeniedRegions: [" + denied.get(0) + "]}}\n");
    TestCli.Run partly = fx.rolectl("plan", some);
    assertEquals(3, partly.exit(), partly::toString);
    assertTrue(partly.out().contains((denied.size() - 1) + " regions")
        && partly.out().contains("organizationDeniedRegions"), partly::toString);
    TestCli.Run all = fx.rolectl("plan", everywhere);
    assertEquals(0, all.exit(), all::toString);
  }
}
