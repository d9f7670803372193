package dev.rolectl.cli.e2e;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * One side of the "same scenario on both targets" tests: moto through the SDK, or a local account
 * file. Runs the CLI against it and sets up or inspects state out of band.
 */
interface Side {
  String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
          + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  String name();

  String target();

  Map<String, String> env();

  /** Creates users, groups and roles that a stack attaches policies to. */
  void ensurePrincipals(Map<PrincipalType, Set<String>> principals);

  /** Creates a role out of band, with these tags (none: unmanaged). */
  void createRole(String name, Map<String, String> tags);

  /** Everything, read through the adapter. */
  default LiveAccount read() {
    try (Target t = Targets.open(target(), targetOptions())) {
      return t.iam().read(ReadRequest.everything());
    }
  }

  dev.rolectl.engine.live.TargetOptions targetOptions();

  default TestCli.Run rolectl(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--target");
    all.add(target());
    return TestCli.run(env(), false, "", all.toArray(String[]::new));
  }

  /** The moto side. */
  static Side moto(Moto moto) {
    return new Side() {
      @Override
      public String name() {
        return "moto";
      }

      @Override
      public String target() {
        return "aws";
      }

      @Override
      public Map<String, String> env() {
        return moto.env();
      }

      @Override
      public dev.rolectl.engine.live.TargetOptions targetOptions() {
        return moto.targetOptions();
      }

      @Override
      public void ensurePrincipals(Map<PrincipalType, Set<String>> principals) {
        try (IamClient iam = moto.iam()) {
          principals.forEach((type, names) -> names.forEach(n -> {
            try {
              switch (type) {
                case USER -> iam.createUser(r -> r.userName(n));
                case GROUP -> iam.createGroup(r -> r.groupName(n));
                case ROLE -> iam.createRole(r -> r.roleName(n).assumeRolePolicyDocument(TRUST));
              }
            } catch (EntityAlreadyExistsException e) {
              // there from an earlier scenario
            }
          }));
        }
      }

      @Override
      public void createRole(String name, Map<String, String> tags) {
        try (IamClient iam = moto.iam()) {
          iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST).tags(
              tags.entrySet().stream()
                  .map(e -> software.amazon.awssdk.services.iam.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                  .toList()));
        }
      }
    };
  }

  /** A local account file. */
  static Side local(Path file) {
    return new Side() {
      @Override
      public String name() {
        return "local";
      }

      @Override
      public String target() {
        return "local:" + file;
      }

      @Override
      public Map<String, String> env() {
        return Map.of();
      }

      @Override
      public dev.rolectl.engine.live.TargetOptions targetOptions() {
        return null;
      }

      @Override
      public void ensurePrincipals(Map<PrincipalType, Set<String>> principals) {
        try {
          if (!Files.exists(file)) {
            Files.writeString(file, "{}");
          }
          var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
          var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
          for (PrincipalType type : List.of(PrincipalType.USER, PrincipalType.GROUP)) {
            String list = type == PrincipalType.USER ? "UserDetailList" : "GroupDetailList";
            String key = type == PrincipalType.USER ? "UserName" : "GroupName";
            var array = root.has(list) ? (com.fasterxml.jackson.databind.node.ArrayNode) root.get(list) : root.putArray(list);
            Set<String> existing = new java.util.HashSet<>();
            array.forEach(n -> existing.add(n.path(key).asText()));
            for (String n : principals.getOrDefault(type, Set.of())) {
              if (!existing.contains(n)) {
                array.addObject().put(key, n).putArray("AttachedManagedPolicies");
              }
            }
          }
          Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (String role : principals.getOrDefault(PrincipalType.ROLE, Set.of())) {
          if (!read().roles().containsKey(role)) {
            createRole(role, Map.of());
          }
        }
      }

      @Override
      public void createRole(String name, Map<String, String> tags) {
        try (Target t = Targets.open(target(), null)) {
          t.writer().orElseThrow().createRole(new NewRole(
              name, "/", null, 3600, PolicyParser.parseJson(TRUST).document().orElseThrow(), null, tags));
        }
      }
    };
  }

  /** Roles whose name starts with the prefix. */
  static List<LiveRole> roles(LiveAccount a, String prefix) {
    return a.roles().values().stream().filter(r -> r.name().startsWith(prefix)).toList();
  }
}
