package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer.Fault;
import dev.rolectl.cli.render.plan.MarkdownGfmTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A pull-request comment stays within GitHub's 65,536 characters when ECS fails the same way in
 * every region (issue 17, point 7): three blocked changes (two ECS-assumable roles deleted, one
 * with its managed policy) while the loopback ECS endpoint ({@link EcsApiServer}, answers from
 * botocore's model) answers ListClusters with {@code AccessDeniedException} "... with an explicit
 * deny in a service control policy" in all but two of the 38 regions moto's DescribeRegions lists
 * (it stands in for an organisation's region-deny SCP, as AWS Control Tower sets), or with HTTP
 * 500 in all 38 (a failing gateway). The comment is parsed with commonmark-java and its GFM
 * extensions: well formed, inert, each blocked change listed with its reason cut and counted.
 * The Markdown is kept in {@code target/markdown-samples/} (docs/screenshots/take.sh shoots it).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class CommentLimitsE2E {
  static final String SCP_DENY = "User: arn:aws:sts::123456789012:assumed-role/rolectl-plan/GitHubActions"
      + " is not authorized to perform: ecs:ListClusters on resource: * with an explicit deny in a"
      + " service control policy";

  static EcsApiServer server;
  @TempDir Path dir;
  EcsApiFixture fx;
  Path stack;

  @BeforeAll
  static void start() {
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void seed(Moto moto) throws Exception {
    server.reset();
    fx = new EcsApiFixture(moto, server);
    fx.seedRole();
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("ecsInfrastructureRoleB").assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST)
          .tags(t -> t.key("rolectl:stack").value(EcsSeed.STACK)));
    }
    stack = InterlockStacks.write(dir.resolve("empty.yaml"), "apiVersion: rolectl/v1\nstack: " + EcsSeed.STACK + "\n");
  }

  /** The regions the plan reads ECS in (every region moto's DescribeRegions lists). */
  private Set<String> regions() {
    TestCli.Run plan = fx.rolectl("plan", stack.toString());
    assertEquals(0, plan.exit(), "ECS read everywhere, nothing uses the roles: " + plan);
    Set<String> regions = new TreeSet<>();
    server.calls("ListClusters").forEach(c -> regions.add(c.region()));
    server.reset();
    return regions;
  }

  private String markdown(String name) throws Exception {
    TestCli.Run md = fx.rolectl("plan", stack.toString(), "--format", "markdown");
    assertEquals(3, md.exit(), md::toString);
    String comment = md.out();
    Path sample = Path.of("target/markdown-samples").resolve(name + ".md");
    Files.createDirectories(sample.getParent());
    Files.writeString(sample, comment);
    TestCli.Run text = fx.rolectl("plan", stack.toString(), "--no-color");
    System.err.println("[comment limits] " + name + ": Markdown " + comment.length() + " characters (text plan "
        + text.out().length() + ")");
    assertTrue(comment.length() <= 65_536, name + ": " + comment.length() + " characters");
    MarkdownGfmTest.checkWellFormed(comment);
    assertEquals(3, comment.split("<summary>\u26d4 <b>Blocked:</b>", -1).length - 1, comment);
    // since issue 19 a failure in many regions is said once, under "Not read", and each blocked
    // reason points there: the reasons are short and whole (before, each was cut with a count)
    assertEquals(0, comment.split("more characters: the whole reason is in `rolectl show PLANFILE`", -1).length - 1,
        "no reason cut:\n" + comment);
    assertEquals(3, comment.split("each is listed once under \"Not read\"", -1).length - 1,
        "each reason points to Not read:\n" + comment);
    assertEquals(1, comment.split("#### Not read", -1).length - 1, comment);
    assertTrue(comment.contains("**apply will not make these 3 changes**"), comment);
    assertTrue(comment.contains("#### Changes") && !comment.contains("**Truncated:**"), "every change shown:\n" + comment);
    return comment;
  }

  @Test
  void threeBlockedChangesWithAnScpDenyInThirtySixRegionsFitAComment() throws Exception {
    Set<String> regions = regions();
    assertEquals(38, regions.size(), regions.toString());
    List<String> allowed = List.of("us-east-1", "eu-west-1");
    for (String region : regions) {
      if (!allowed.contains(region)) {
        server.fail(new Fault("ListClusters", region, 400, "AccessDeniedException", SCP_DENY));
      }
    }
    String comment = markdown("scp-deny-36-regions");
    assertEquals(1, comment.split("with an explicit deny in a service control policy", -1).length - 1,
        "the deny said once:\n" + comment);
    fx.assertNoModelViolations();
  }

  @Test
  void threeBlockedChangesWithHttp500InThirtyEightRegionsFitAComment() throws Exception {
    assertEquals(38, regions().size());
    server.fail(new Fault("ListClusters", null, 500, null));
    String comment = markdown("http-500-38-regions");
    assertEquals(1, comment.split("HTTP 500 without an AWS error code", -1).length - 1,
        "the failure said once:\n" + comment);
    fx.assertNoModelViolations();
  }
}
