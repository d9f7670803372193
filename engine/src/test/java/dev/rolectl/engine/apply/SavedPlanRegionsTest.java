package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.plan.EcsCoverage;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.ResourceChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply PLANFILE} re-checks ECS in every region enabled for the account now, besides the
 * regions the plan file lists: a plan file is not signed, and an edited {@code ecs.regions} (with
 * the verdicts taken out) must not hide a deployment in another region (breaker's finding F16).
 */
class SavedPlanRegionsTest {
  static final String ARN = "arn:aws:iam::123456789012:role/infra";

  @TempDir Path dir;
  LiveAccount live;
  Plan destroy;
  ResourceChange delete;

  /** ECS of an account with two enabled regions; service web deploys in eu-west-1. */
  static final class Regional implements EcsDeployments {
    final List<String> enabled = List.of("eu-west-1", "us-east-1");
    final List<List<String>> asked = new ArrayList<>();
    String enabledUnknown;

    @Override
    public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
      return rescan(roleArns, regions);
    }

    @Override
    public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
      asked.add(List.copyOf(regions));
      if (regions.isEmpty() && enabledUnknown != null) {
        return EcsScan.unknown(List.of(), enabledUnknown);
      }
      // as the port says: every enabled region and the ones asked for besides; only those asked
      // for (marked partial) when the enabled regions cannot be read
      List<String> read = new ArrayList<>(enabledUnknown == null ? enabled : List.of());
      regions.stream().filter(r -> !read.contains(r)).forEach(read::add);
      ServiceUse web = new ServiceUse("eu-west-1", "prod", ServiceUse.SERVICE, "web",
          Set.of(EcsRoleField.LOAD_BALANCER),
          List.of(new ActiveDeployment("ecs-svc/1", "IN_PROGRESS", null, "BAKE_TIME", null)),
          "regional fake");
      EcsScan scan = EcsScan.known(read,
          read.contains("eu-west-1") && roleArns.contains(ARN) ? Map.of(ARN, List.of(web)) : Map.of());
      return enabledUnknown == null ? scan : scan.partial(enabledUnknown + ", so only " + read);
    }

    @Override
    public EcsScan inventory(Collection<String> regions) {
      return rescan(List.of(ARN), regions);
    }
  }

  @BeforeEach
  void setUp() {
    Fx.Account account = new Fx.Account(dir.resolve("account.json"));
    assertTrue(account.apply(account.plan(Fx.stack(Fx.role("infra")))).succeeded());
    live = account.read(Fx.stack());
    destroy = account.plan(Fx.stack());
    delete = destroy.changes().stream()
        .filter(c -> c.address().toString().equals("roles.infra")).findFirst().orElseThrow();
  }

  /** The plan as the breaker edited it: no verdicts, ecs.regions narrowed to us-east-1. */
  private Plan edited(List<String> regions) {
    return PlanFile.read(PlanFile.write(destroy.withEcs(new EcsCoverage(regions, List.of()))));
  }

  @Test
  void anEditedRegionListDoesNotNarrowTheRecheck() {
    Regional ecs = new Regional();

    Optional<String> blocked = SafetyGates.ecs(edited(List.of("us-east-1")), live, ecs).check(delete);

    assertTrue(blocked.isPresent(), "the deployment in eu-west-1 blocks the delete");
    assertTrue(blocked.get().contains("ecs-svc/1") && blocked.get().contains("ecs-role-delete"),
        blocked::get);
    assertEquals(List.of(List.of("us-east-1")), ecs.asked,
        "the plan's regions are asked for besides every enabled region");
  }

  @Test
  void theRegionsThePlanReadAreReadAsWellWhenNotEnabledNow() {
    Regional ecs = new Regional();

    SafetyGates.ecs(edited(List.of("us-east-1", "ap-south-2")), live, ecs).check(delete);

    assertEquals(List.of(List.of("us-east-1", "ap-south-2")), ecs.asked);
  }

  @Test
  void enabledRegionsThatCannotBeReadBlockAndSayWhy() {
    Regional ecs = new Regional();
    ecs.enabledUnknown = "cannot list the regions enabled for the account (AccessDenied)";

    Optional<String> blocked = SafetyGates.ecs(edited(List.of("eu-west-1")), live, ecs).check(delete);

    assertTrue(blocked.isPresent());
    assertTrue(blocked.get().contains("AccessDenied")
        && blocked.get().contains("because a plan file could have been edited"), blocked::get);
  }

  @Test
  void thePlanFilesRegionsAloneNeverDecideEvenWhenNothingUsesTheRole() {
    Regional ecs = new Regional();
    ecs.enabledUnknown = "cannot list the regions enabled for the account (AccessDenied)";

    Optional<String> blocked = SafetyGates.ecs(edited(List.of("us-east-1")), live, ecs).check(delete);

    assertTrue(blocked.isPresent(), "the scan of us-east-1 alone is partial: a block, not a warning");
    assertTrue(blocked.get().contains("AccessDenied") && blocked.get().contains("fail closed"),
        blocked::get);
  }
}
