package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolicyTextTest {

  @Test
  void decodesRfc3986NotFormEncoding() {
    assertEquals("{\"a\":\"x+y z/*\"}", PolicyText.json("%7B%22a%22%3A%22x+y%20z%2F%2A%22%7D"));
    assertEquals("{\"a\":\"x+y\"}", PolicyText.json("%7B%22a%22%3A%22x%2By%22%7D"));
    assertEquals("{\"a\":\"ü\"}", PolicyText.json("%7B%22a%22%3A%22%C3%BC%22%7D"));
  }

  @Test
  void plainJsonStaysAsItIs() {
    assertEquals("{\"a\": \"100%\"}", PolicyText.json("  {\"a\": \"100%\"}\n"));
  }

  @Test
  void malformedEncodingIsAUserError() {
    assertThrows(IllegalArgumentException.class, () -> PolicyText.json("%7B%2"));
    TargetException e =
        assertThrows(TargetException.class, () -> PolicyText.parse("%7B%2", "trust policy of role r", "fix it"));
    assertTrue(e.getMessage().startsWith("the trust policy of role r is neither JSON"), e.getMessage());
    assertTrue(e.getMessage().endsWith(": fix it"), e.getMessage());
  }

  @Test
  void emptyDocumentsAreUserErrors() {
    TargetException e = assertThrows(TargetException.class, () -> PolicyText.parse(" ", "x", "do y"));
    assertEquals("the x is empty: do y", e.getMessage());
  }
}
