package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Wraps one of our own writers (the local one in these tests) and injects failures: each rule
 * looks at the method name and arguments and may throw before the call ("refused") or after it
 * ("response lost"). Also records every call made.
 */
final class Faults {
  /** A rule: return an exception to throw, or null to let the call through. */
  interface Rule {
    IamWriteException apply(String method, Object[] args, int nthCallOfMethod);
  }

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<Rule> before = new ArrayList<>();
  private final List<Rule> after = new ArrayList<>();
  private final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();

  /** Fails the call without making it. */
  Faults refuse(Rule rule) {
    before.add(rule);
    return this;
  }

  /** Makes the call, then fails as if the response was lost. */
  Faults loseResponse(Rule rule) {
    after.add(rule);
    return this;
  }

  IamWriter wrap(IamWriter delegate) {
    InvocationHandler h =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("unit")) {
            @SuppressWarnings("unchecked")
            Function<IamWriter, Object> steps = (Function<IamWriter, Object>) args[0];
            return delegate.unit(w -> steps.apply(wrap(w)));
          }
          if (name.equals("eventuallyConsistent")) {
            return true; // behave like aws, whatever the wrapped writer is
          }
          if (name.equals("lock") || method.getDeclaringClass() == Object.class) {
            return method.invoke(delegate, args);
          }
          calls.add(name);
          int n = counts.merge(name, 1, Integer::sum);
          for (Rule r : before) {
            IamWriteException e = r.apply(name, args, n);
            if (e != null) {
              throw e;
            }
          }
          Object result;
          try {
            result = method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          for (Rule r : after) {
            IamWriteException e = r.apply(name, args, n);
            if (e != null) {
              throw e;
            }
          }
          return result;
        };
    return (IamWriter)
        Proxy.newProxyInstance(IamWriter.class.getClassLoader(), new Class<?>[] {IamWriter.class}, h);
  }

  long count(String method) {
    return calls.stream().filter(method::equals).count();
  }
}
