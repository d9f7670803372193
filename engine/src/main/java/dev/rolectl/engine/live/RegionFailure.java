package dev.rolectl.engine.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A read that failed the same way in one or more regions (an ECS or EC2 call of a scan for the
 * resources that use roles): one entry, whatever the number of regions, so that a failure in 36
 * regions is said once. {@link #group} merges the failures of single regions.
 *
 * @param service {@code ECS} or {@code EC2}
 * @param operation the API operation, e.g. {@code ListClusters}
 * @param error what went wrong in short, e.g. {@code HTTP 400 AccessDeniedException}
 * @param message what AWS said (or the client's message), with the region written as {@value
 *     #REGION} wherever it appeared; empty when there was none
 * @param reason the whole reason for the user with the region written as {@value #REGION}: what
 *     went wrong and what to do
 * @param organizationDenied whether AWS said that a policy of the organisation denies the call
 *     (a service control policy: "... with an explicit deny in a service control policy", or
 *     "... because no service control policy allows ..."); see {@link #organizationDenied(String)}
 * @param regions where, sorted
 */
public record RegionFailure(
    String service,
    String operation,
    String error,
    String message,
    String reason,
    boolean organizationDenied,
    List<String> regions) {

  /** Stands for the region in {@link #message()} and {@link #reason()}. */
  public static final String REGION = "<region>";

  /** The phrases with which AWS says that a service control policy denied a call. */
  private static final Pattern SCP_DENY =
      Pattern.compile(
          "(?i)(with an explicit deny in a service control policy"
              + "|because no service control policy allows)");

  /** What every plan says about regions an organisation policy keeps rolectl from reading. */
  public static final String DENIED_BY_ORGANIZATION = "denied by organization policy";

  public RegionFailure {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
    regions = List.copyOf(new TreeSet<>(regions));
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("a region failure needs a region");
    }
  }

  /**
   * The failure of one region; the region is replaced by {@value #REGION} in the message and
   * the reason, so that the same failure in other regions groups with it.
   */
  public static RegionFailure of(
      String service,
      String operation,
      String error,
      String message,
      String reason,
      boolean organizationDenied,
      String region) {
    return new RegionFailure(service, operation, error, generic(message, region),
        generic(reason, region), organizationDenied, List.of(region));
  }

  /**
   * Whether an error message says that a service control policy of the organisation denies the
   * call (IAM user guide, "Troubleshoot access denied error messages": {@code ... with an explicit
   * deny in a service control policy}, {@code ... because no service control policy allows the
   * ... action}).
   */
  public static boolean organizationDenied(String awsMessage) {
    return awsMessage != null && SCP_DENY.matcher(awsMessage).find();
  }

  /** Failures that differ only in their regions become one, regions merged; order kept. */
  public static List<RegionFailure> group(Collection<RegionFailure> failures) {
    Map<List<Object>, List<String>> regions = new LinkedHashMap<>();
    Map<List<Object>, RegionFailure> first = new LinkedHashMap<>();
    for (RegionFailure f : failures) {
      List<Object> key =
          List.of(f.service, f.operation, f.error, f.message, f.reason, f.organizationDenied);
      first.putIfAbsent(key, f);
      regions.computeIfAbsent(key, k -> new ArrayList<>()).addAll(f.regions);
    }
    List<RegionFailure> out = new ArrayList<>();
    first.forEach(
        (key, f) ->
            out.add(new RegionFailure(f.service, f.operation, f.error, f.message, f.reason,
                f.organizationDenied, regions.get(key))));
    return List.copyOf(out);
  }

  /**
   * The reason with its regions: as it would be for one region ({@code ... ECS in us-east-1 ...}),
   * or {@code ... ECS in 36 regions (af-south-1, ..., us-west-2) ...} with {@value #REGION}
   * standing for each elsewhere in it.
   */
  public String describe() {
    if (regions.size() == 1) {
      return reason.replace(REGION, regions.get(0));
    }
    String where = regions.size() + " regions (" + String.join(", ", regions) + ")";
    int at = reason.indexOf(REGION);
    return at < 0
        ? reason + " (in " + where + ")"
        : reason.substring(0, at) + where + reason.substring(at + REGION.length());
  }

  /**
   * One line without the advice, e.g. {@code ECS ListClusters: HTTP 400 AccessDeniedException in
   * 36 regions (denied by organization policy)}.
   */
  public String brief() {
    return service + " " + operation + ": " + error + " in "
        + (regions.size() == 1 ? regions.get(0) : regions.size() + " regions")
        + (organizationDenied ? " (" + DENIED_BY_ORGANIZATION + ")" : "");
  }

  /**
   * Which failed regions {@code declared} excuses ({@code settings.ecs.organizationDeniedRegions};
   * {@code *} names every region): those whose every failure says an organisation policy denied
   * the call ({@link #organizationDenied()}) and that the declaration names. Any other failure in
   * a region keeps it failed.
   */
  public static Excused excuse(List<RegionFailure> failures, Collection<String> declared) {
    if (declared.isEmpty() || failures.isEmpty()) {
      return new Excused(failures, List.of());
    }
    java.util.Set<String> excusable = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    java.util.Set<String> otherwise = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (RegionFailure f : failures) {
      (f.organizationDenied ? excusable : otherwise).addAll(f.regions);
    }
    boolean all = declared.contains("*");
    excusable.removeIf(r -> otherwise.contains(r)
        || !(all || declared.stream().anyMatch(r::equalsIgnoreCase)));
    if (excusable.isEmpty()) {
      return new Excused(failures, List.of());
    }
    List<RegionFailure> left = new ArrayList<>();
    for (RegionFailure f : failures) {
      List<String> still = f.regions.stream().filter(r -> !excusable.contains(r)).toList();
      if (!still.isEmpty()) {
        left.add(new RegionFailure(f.service, f.operation, f.error, f.message, f.reason,
            f.organizationDenied, still));
      }
    }
    return new Excused(List.copyOf(left), List.copyOf(excusable));
  }

  /**
   * What {@link #excuse} left: the failures still standing, and the regions not checked.
   */
  public record Excused(List<RegionFailure> left, List<String> excused) {}

  /**
   * E.g. {@code ECS ListClusters failed in 36 regions}, one part per failure, for a verdict
   * that points to where the plan says each failure once in full.
   */
  public static String summary(List<RegionFailure> failures) {
    List<String> parts = new ArrayList<>();
    for (RegionFailure f : failures) {
      parts.add(f.service + " " + f.operation + " failed in "
          + (f.regions.size() == 1 ? f.regions.get(0) : f.regions.size() + " regions"));
    }
    return String.join(", ", parts);
  }

  private static String generic(String text, String region) {
    if (text == null || region == null || region.isEmpty()) {
      return text == null ? "" : text;
    }
    return Pattern.compile(Pattern.quote(region), Pattern.CASE_INSENSITIVE)
        .matcher(text)
        .replaceAll(java.util.regex.Matcher.quoteReplacement(REGION));
  }

  /** The lower-case service name, for JSON. */
  public String serviceKey() {
    return service.toLowerCase(Locale.ROOT);
  }
}
