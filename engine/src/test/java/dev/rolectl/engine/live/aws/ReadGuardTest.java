package dev.rolectl.engine.live.aws;

import static dev.rolectl.engine.live.aws.HostileEndpoint.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.aws.HostileEndpoint.Answer;
import dev.rolectl.engine.live.aws.HostileEndpoint.Call;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reads trust nothing an endpoint answers that AWS would not: a result element that is missing,
 * an empty body, an HTML page or broken XML is an error naming the call (never an empty account);
 * a pagination marker given twice, or a listing past the caps, stops; one deadline bounds a whole
 * read. Through a loopback endpoint ({@link HostileEndpoint}) that answers in the API's shapes,
 * and wrongly where a test says so.
 */
class ReadGuardTest {
  private static final String EMPTY_GAAD = "<IsTruncated>false</IsTruncated><UserDetailList/>"
      + "<GroupDetailList/><RoleDetailList/><Policies/>";
  private static final String ONE_ROLE = "<member><Path>/</Path><RoleName>app</RoleName>"
      + "<RoleId>AROATEST</RoleId><Arn>arn:aws:iam::123456789012:role/app</Arn>"
      + "<CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%22Version%22"
      + "%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal"
      + "%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole"
      + "%22%7D%5D%7D</AssumeRolePolicyDocument>"
      + "<MaxSessionDuration>3600</MaxSessionDuration></member>";

  /** An account with one role, answered as IAM does, but where {@code override} answers. */
  private static Function<Call, Answer> account(Function<Call, Answer> override) {
    return c -> {
      Answer a = override.apply(c);
      if (a != null) {
        return a;
      }
      switch (c.action()) {
        case "GetAccountAuthorizationDetails":
          return query(c.action(), "<IsTruncated>false</IsTruncated><UserDetailList/>"
              + "<GroupDetailList/><RoleDetailList>" + ONE_ROLE + "</RoleDetailList><Policies/>");
        case "ListRoles":
          return query(c.action(), "<IsTruncated>false</IsTruncated><Roles>" + ONE_ROLE
              + "</Roles>");
        case "ListInstanceProfiles":
          return query(c.action(), "<IsTruncated>false</IsTruncated><InstanceProfiles/>");
        default:
          return null;
      }
    };
  }

  private static LiveAccount read(HostileEndpoint e, TargetOptions options) {
    try (AwsIamAccount iam = new AwsIamAccount(options)) {
      return iam.read(ReadRequest.rolesAndPolicies());
    }
  }

  private static TargetException refused(Function<Call, Answer> answers) throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(account(answers))) {
      return assertThrows(TargetException.class, () -> read(e, e.options()));
    }
  }

  @Test
  void anAccountAnsweredAsIamDoesIsRead() throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(account(c -> null))) {
      assertEquals(List.of("app"), List.copyOf(read(e, e.options()).roles().keySet()));
    }
    try (HostileEndpoint e = new HostileEndpoint(account(c ->
        c.action().equals("GetAccountAuthorizationDetails") ? query(c.action(), EMPTY_GAAD)
            : c.action().equals("ListRoles")
                ? query(c.action(), "<IsTruncated>false</IsTruncated><Roles/>") : null))) {
      assertTrue(read(e, e.options()).roles().isEmpty(), "an empty account, said so by IAM");
    }
  }

  @Test
  void anAnswerWithoutItsResultElementIsAnErrorNamingTheCall() throws Exception {
    TargetException e = refused(c -> c.action().equals("GetAccountAuthorizationDetails")
        ? Answer.xml("<GetAccountAuthorizationDetailsResponse xmlns=\"" + HostileEndpoint.IAM_NS
            + "\"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</GetAccountAuthorizationDetailsResponse>")
        : null);
    assertTrue(e.getMessage().startsWith("cannot read IAM roles and policies: IAM"
        + " GetAccountAuthorizationDetails: the endpoint answered HTTP 200 without the call's"
        + " result"), e.getMessage());
  }

  @Test
  void aResultWithoutItsListIsAnErrorNotAnEmptyList() throws Exception {
    TargetException e = refused(c -> c.action().equals("ListRoles")
        ? query(c.action(), "<IsTruncated>false</IsTruncated>") : null);
    assertTrue(e.getMessage().contains("IAM ListRoles: the endpoint answered HTTP 200 without the"
        + " call's result (none of its lists)"), e.getMessage());
  }

  @Test
  void anEmptyBodyAnHtmlPageAndBrokenXmlAreErrorsNamingTheCall() throws Exception {
    for (Answer wrong : List.of(Answer.xml(""),
        new Answer(200, "text/html", "<html><body><h1>Sign in</h1></body></html>", 0),
        Answer.xml("<ListRolesResponse xmlns=\"" + HostileEndpoint.IAM_NS + "\"><ListRolesResult>"
            + "<Roles><member><RoleName>app"),
        Answer.json("{\"Roles\": []}"))) {
      TargetException e = refused(c -> c.action().equals("ListRoles") ? wrong : null);
      assertTrue(e.getMessage().contains("IAM ListRoles: "), wrong + " -> " + e.getMessage());
      assertTrue(!e.getMessage().contains("--debug"), e.getMessage());
    }
  }

  @Test
  void aRepeatedMarkerStopsTheListingAtOnce() throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(account(c -> c.action().equals("ListRoles")
        ? query(c.action(), "<IsTruncated>true</IsTruncated><Marker>again</Marker><Roles>"
            + ONE_ROLE + "</Roles>") : null))) {
      TargetException t = assertThrows(TargetException.class, () -> read(e, e.options()));
      assertTrue(t.getMessage().contains("IAM ListRoles: the endpoint gave the same pagination"
          + " marker twice in one listing (page 3)"), t.getMessage());
      assertEquals(2, e.count("ListRoles"), "the third page is never asked for");
    }
  }

  /**
   * The caps as {@link ReadGuard#MAX_PAGES} and {@link ReadGuard#MAX_ENTITIES} are, made small
   * (1,000 loopback round trips take a minute here): an SDK client with the guard, as {@link
   * AwsClients} builds them.
   */
  @Test
  void aListingThatNeverEndsStopsAtThePageAndEntryCaps() throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(c -> c.action().equals("ListRoles")
        ? query(c.action(), "<IsTruncated>true</IsTruncated><Marker>m" + c.n() + "</Marker>"
            + "<Roles>" + ONE_ROLE + "</Roles>") : null)) {
      for (int[] caps : new int[][] {{20, 1000}, {1000, 12}}) {
        ReadGuard guard = new ReadGuard(Duration.ofMinutes(1), caps[0], caps[1]);
        int before = e.count("ListRoles");
        try (var iam = software.amazon.awssdk.services.iam.IamClient.builder()
            .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL)
            .endpointOverride(e.options().endpoint())
            .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                .create("AKIDTEST", "secret"))
            .overrideConfiguration(o -> o.addExecutionInterceptor(guard)).build()) {
          var t = assertThrows(software.amazon.awssdk.core.exception.SdkClientException.class,
              () -> iam.listRolesPaginator().roles().forEach(r -> { }));
          String m = ReadGuard.refusal(t).orElseThrow().getMessage();
          assertTrue(m.startsWith("IAM ListRoles: the listing goes on past "
              + (caps[0] == 20 ? "20 pages" : "12 entries")), m);
        }
        assertEquals(caps[0] == 20 ? 20 : 13, e.count("ListRoles") - before,
            "no page past the cap is asked for");
      }
    }
  }

  @Test
  void oneDeadlineBoundsTheWholeReadNotEachCall() throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(account(c ->
        c.action().equals("GetAccountAuthorizationDetails")
            ? query(c.action(), "<IsTruncated>true</IsTruncated><Marker>m" + c.n() + "</Marker>"
                + "<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>").after(100)
            : null))) {
      TargetException t = assertThrows(TargetException.class,
          () -> read(e, e.options().withReadTimeout(Duration.ofSeconds(2))));
      long ms = e.spanMillis("GetAccountAuthorizationDetails") + 100;
      assertTrue(t.getMessage().startsWith("cannot read IAM roles and policies within 2s"
          + " (--read-timeout, one deadline for the whole read, every call and page): stopped"
          + " before IAM GetAccountAuthorizationDetails"), t.getMessage());
      // each call takes 100 ms and more: a deadline per call would never stop this read
      assertTrue(ms >= 1500 && ms < 5000,
          "stopped at the deadline (2 s), one (slow, on a loaded machine) call later at most: "
              + ms + " ms");
      assertTrue(e.count("GetAccountAuthorizationDetails") >= 3, "several quick calls");
    }
  }

  @Test
  void ecsAndOrganizationsListingsAreGuardedToo() throws Exception {
    try (HostileEndpoint e = new HostileEndpoint(c -> switch (c.action()) {
      case "ListClusters" -> Answer.json("{\"clusterArns\":[],\"nextToken\":\"same\"}");
      case "ListAccounts" -> Answer.json("{\"Accounts\":[],\"NextToken\":\"same\"}");
      default -> null;
    })) {
      try (AwsEcsDeployments ecs = new AwsEcsDeployments(e.options())) {
        var scan = ecs.inventory(List.of("us-east-1"));
        // the region is not known (a failure of the region, which blocks as an unknown does)
        Optional<String> why = scan.unknownReason().or(() -> scan.failures().stream()
            .map(f -> f.message()).findFirst());
        assertTrue(why.isPresent() && why.get().contains("ECS ListClusters: the endpoint gave the"
            + " same pagination marker twice"), scan.toString());
        assertTrue(scan.unknownReason().isPresent() || !scan.failures().isEmpty(), scan.toString());
      }
      try (AwsOrganizationAccounts org = new AwsOrganizationAccounts(e.options())) {
        TargetException t = assertThrows(TargetException.class, () -> org.accounts(Optional.empty()));
        assertTrue(t.getMessage().contains("ORGANIZATIONS ListAccounts: the endpoint gave the same"
            + " pagination marker twice"), t.getMessage());
      }
    }
  }
}
