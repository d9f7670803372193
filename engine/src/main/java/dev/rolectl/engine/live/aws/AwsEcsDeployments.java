package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The {@code aws} adapter of {@link EcsDeployments}. A scan covers every region enabled for the
 * account ({@link EnabledRegions}, read once per run) and the regions asked for besides; when the
 * enabled regions cannot be read, only the regions asked for, and the scan says so ({@link
 * EcsScan#partial()}); with none asked for, it is unknown. {@link #inventory} with regions reads
 * just those ({@code rolectl snapshot --ecs-region}, which records them). Regions are read in
 * parallel ({@value #PARALLEL_REGIONS} at once), each by {@link EcsRegionReader} and, for the
 * services that need it, {@link EcsDeploymentReader}. Failures make the scan unknown, with the
 * reason. {@link #scan} answers from what this instance read before; {@link #rescan} and {@link
 * #inventory} read anew and carry nothing over (not even that an endpoint lacked an API).
 * Thread-safe; ECS clients are made per region on first use.
 */
public final class AwsEcsDeployments implements EcsDeployments, AutoCloseable {
  static final int PARALLEL_REGIONS = RegionPool.PARALLEL_REGIONS;
  private static final String NAME_THEM = ", so rolectl cannot tell which regions' ECS services to"
      + " check. Allow ec2:DescribeRegions, or name the regions in the stack (settings: {ecs:"
      + " {regions: [us-east-1, eu-west-1]}}: then only those are checked, with a warning)";

  private final TargetOptions options;
  private final CallCounter counter;
  private final Map<String, EcsClient> clients = new ConcurrentHashMap<>();
  private final Map<String, RegionScan> cache = new HashMap<>();
  /** Task definition revision ARN to the roles it names: a revision never changes. */
  private final Map<String, Map<dev.rolectl.engine.live.EcsRoleField, String>> definitions =
      new ConcurrentHashMap<>();
  private final AccountRegions accountRegions;
  private final RegionPool pool = new RegionPool("rolectl-ecs-region");

  public AwsEcsDeployments(TargetOptions options) {
    this(options, new CallCounter());
  }

  AwsEcsDeployments(TargetOptions options, CallCounter counter) {
    this(options, counter, new AccountRegions(
        options == null ? TargetOptions.defaults() : options, counter));
  }

  /** With the target's regions, shared with its other scans (one DescribeRegions a run). */
  AwsEcsDeployments(TargetOptions options, CallCounter counter, AccountRegions regions) {
    this.options = options == null ? TargetOptions.defaults() : options;
    this.counter = counter;
    this.accountRegions = regions;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, false, false);
    }
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, true, false);
    }
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, false, tasks);
    }
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, true, tasks);
    }
  }

  /** The read guard of the target's clients: one deadline for a scan ({@code --read-timeout}). */
  private ReadGuard guard() {
    return counter.guard(options.readTimeout());
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("read ECS")) {
      return readInventory(regions);
    }
  }

  private synchronized EcsScan readInventory(Collection<String> regions) {
    AccountRegions.Resolved where = regions.isEmpty()
        ? accountRegions.resolve()
        : new AccountRegions.Resolved(AccountRegions.distinct(regions), null);
    if (where.unknown() != null) {
      return EcsScan.unknown(List.of(), where.unknown() + NAME_THEM);
    }
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    AtomicReference<String> silent = new AtomicReference<>();
    List<RegionScan> states = parallel(where.regions(), r -> fresh(r, silent));
    Set<String> roles = new LinkedHashSet<>();
    List<RegionFailure> failed = new ArrayList<>();
    states.forEach(s -> roles.addAll(s.namedRoles(unknown, failed)));
    return collect(where.regions(), states, roles, unknown, true).withFailures(failed);
  }

  /** The region of the target: {@code --region}, else the SDK's settings; where regions are read. */
  public String defaultRegion() {
    return accountRegions.home();
  }

  private synchronized EcsScan scan(
      Collection<String> roleArns, Collection<String> regions, boolean fresh, boolean tasks) {
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    AtomicReference<String> silent = new AtomicReference<>();
    Function<String, RegionScan> read =
        r -> {
          RegionScan cached;
          synchronized (cache) {
            cached = fresh ? null : cache.get(r);
          }
          return cached != null ? cached : fresh(r, silent);
        };
    Map<String, RegionScan> early = new HashMap<>();
    AccountRegions.Resolved enabledNow = resolveOverlapping(read, early);
    List<String> where;
    String partial = null;
    if (enabledNow.unknown() == null) {
      where = AccountRegions.union(enabledNow.regions(), regions);
    } else if (regions.isEmpty()) {
      return EcsScan.unknown(List.of(), enabledNow.unknown() + NAME_THEM);
    } else {
      where = AccountRegions.distinct(regions);
      partial = enabledNow.unknown()
          + ", so only the stack's settings.ecs.regions (" + String.join(", ", where)
          + ") were checked; allow ec2:DescribeRegions to check every enabled region";
    }
    List<RegionScan> states = parallel(where, r -> early.containsKey(r) ? early.get(r) : read.apply(r));
    EcsScan scan = collect(where, states, roleArns, unknown, tasks);
    return partial == null ? scan : scan.partial(partial);
  }

  /**
   * The regions enabled for the account. When they must be read first, the home region (where
   * they are read, nearly always enabled) is read meanwhile into {@code early}, so that loading
   * the EC2 client and its call overlap the first ECS reads.
   */
  private AccountRegions.Resolved resolveOverlapping(
      Function<String, RegionScan> read, Map<String, RegionScan> early) {
    if (accountRegions.known()) {
      return accountRegions.resolve();
    }
    Future<AccountRegions.Resolved> discovery = pool.submit(accountRegions::resolve);
    String home = defaultRegion();
    early.put(home, read.apply(home));
    try {
      return discovery.get();
    } catch (ExecutionException e) {
      return new AccountRegions.Resolved(List.of(),
          "cannot list the regions enabled for the account (" + e.getCause() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the enabled regions", e);
    }
  }

  private EcsScan collect(List<String> regions, List<RegionScan> states,
      Collection<String> roleArns, Set<String> unknown, boolean tasks) {
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    roleArns.forEach(arn -> uses.put(arn, new ArrayList<>()));
    List<String> clusters = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>(unknown);
    List<RegionFailure> failed = new ArrayList<>();
    for (RegionScan s : states) {
      s.uses(roleArns, reasons, failed, tasks).forEach((arn, list) -> uses.get(arn).addAll(list));
      clusters.addAll(s.clusters());
    }
    Optional<String> why =
        reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    return new EcsScan(regions, clusters, uses, why, Optional.empty()).withFailures(failed);
  }

  /**
   * Reads one region. Once a region of this scan got no answer at all (a time-out, a refused
   * connection: {@code silent} holds which), the regions not started yet are not read: the scan is
   * unknown (and blocks) either way, and each of them would wait out the same time-out again
   * (38 regions at 8 a time and a 60 s time-out made a silent endpoint cost six minutes).
   */
  private RegionScan fresh(String region, AtomicReference<String> silent) {
    String gone = silent.get();
    if (gone != null) {
      return remember(region, new RegionScan(region, null, RegionFailure.of("ECS", "(any)",
          "not read", "", "the other regions were not read after " + gone + " (each would have"
              + " waited out the same time-out): " + RegionFailure.REGION, false, region), null));
    }
    EcsClient ecs;
    try {
      ecs = client(region);
    } catch (IllegalArgumentException e) {
      return remember(region, new RegionScan(region, null, RegionFailure.of("ECS", "(client)",
          "bad region", e.getMessage(), "cannot set up the AWS SDK for ECS in " + region + " ("
              + e.getMessage() + "): check the region names (settings.ecs.regions, --region)",
          false, region), null));
    }
    EcsDeploymentReader deployments = new EcsDeploymentReader(ecs);
    try {
      EcsInventory inventory = new EcsRegionReader(ecs).read();
      return remember(region, new RegionScan(region, inventory, null, deployments::read,
          inv -> new EcsTaskReader(ecs, definitions).read(inv)));
    } catch (EcsReadException e) {
      if (e.failure instanceof SdkClientException c && AwsErrors.unreachable(c)) {
        silent.compareAndSet(null, "ECS in " + region + " did not answer");
      }
      return remember(region, new RegionScan(region, null, e.failure(region), null));
    }
  }

  private RegionScan remember(String region, RegionScan state) {
    synchronized (cache) {
      cache.put(region, state);
    }
    return state;
  }

  private List<RegionScan> parallel(List<String> regions, Function<String, RegionScan> task) {
    return pool.each(regions, task, (region, cause) -> new RegionScan(region, null,
        RegionFailure.of("ECS", "(any)", "unexpected error", String.valueOf(cause), "reading ECS in "
            + region + " failed (" + cause + "): run with --debug for details", false, region),
        null));
  }

  private EcsClient client(String region) {
    return clients.computeIfAbsent(region, r -> AwsClients.ecs(options, Region.of(r), counter));
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(EcsClient::close);
    clients.clear();
    pool.close();
  }
}
