package dev.rolectl.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken JSON gives a located message without parser internals (issue 10, case 10). */
class JsonErrorsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Version\": \"2012-10-17\", \"Statement\": [",
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"",
      "{\"Version\": \"2012-10-17\",, }",
      "{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\"}",
      "{\"Statement\": []} trailing",
      "{'single': 'quotes'}",
      "\"\\u12\""})
  void brokenJsonIsLocatedAndPlain(String json) {
    PolicyParse p = PolicyParser.parseJson(json);
    assertTrue(p.document().isEmpty());
    assertEquals(1, p.problems().size());
    String m = p.problems().get(0).message();
    assertTrue(m.startsWith("the policy is not valid JSON at line 1, column "), m);
    for (String internal : new String[] {"Source", "REDACTED", "StreamReadFeature", "[", "\n"}) {
      assertFalse(m.contains(internal), "'" + internal + "' in: " + m);
    }
    assertTrue(m.endsWith(". Fix the JSON syntax there"), m);
  }
}
