package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SchemaValidatorPreloadTest {
  @Test
  void preloadAndGetShareOneInstanceFromAnyThread() throws Exception {
    StackLoader.preload();
    StackLoader.preload(); // second call: no second thread, no second build
    SchemaValidator[] other = new SchemaValidator[1];
    Thread t = new Thread(() -> other[0] = SchemaValidator.get());
    t.start();
    SchemaValidator mine = SchemaValidator.get();
    t.join();
    assertSame(mine, other[0]);
    assertSame(mine, SchemaValidator.get());
  }
}
