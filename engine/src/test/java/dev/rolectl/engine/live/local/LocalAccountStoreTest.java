package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAccountStoreTest {

  static final PolicyDocument TRUST =
      PolicyParser.parseJson(
              "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
                  + " \"Principal\": {\"Service\": \"ecs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}}")
          .document()
          .orElseThrow();

  static LocalState withRole(LocalState s, String name) {
    LiveAccount a = s.account();
    Map<String, LiveRole> roles = new HashMap<>(a.roles());
    roles.put(
        name,
        new LiveRole(
            name, "/", "arn:aws:iam::" + a.accountId() + ":role/" + name, null, null, 3600,
            TRUST, null, Map.of(), List.of(), Map.of(),
            List.of(), null));
    return new LocalState(
        new LiveAccount(a.accountId(), a.partition(), roles, a.policies(), a.principals()), s.ecs());
  }

  @Test
  void updatesCreateTheFileAndSeeEachOther(@TempDir Path dir) throws Exception {
    LocalAccountStore store = new LocalAccountStore(
        Files.createDirectories(dir.resolve("sub")).resolve("account.json"));
    assertEquals(LocalState.empty(), store.load());
    store.update(s -> withRole(s, "a"));
    LocalState after = store.update(s -> withRole(s, "b"));

    assertEquals(after, store.load());
    assertEquals(2, store.load().account().roles().size());
    try (var files = Files.list(dir.resolve("sub"))) {
      assertEquals(
          List.of("account.json", "account.json.lock"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void concurrentUpdatesAreNotLost(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("account.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = "r" + i;
        // a new store each time, as separate commands would make
        done.add(pool.submit(() -> new LocalAccountStore(file).update(s -> withRole(s, name))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(16, new LocalAccountStore(file).load().account().roles().size());
  }

  @Test
  void aCorruptFileIsNotOverwritten(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("account.json");
    Files.writeString(file, "{ oops");
    assertThrows(TargetException.class, () -> new LocalAccountStore(file).update(s -> s));
    assertEquals("{ oops", Files.readString(file));
    assertTrue(Files.exists(file));
  }
}
