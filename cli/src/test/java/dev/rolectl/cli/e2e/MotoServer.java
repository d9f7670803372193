package dev.rolectl.cli.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives tests a real moto server (the pinned version, installed into
 * {@code cli/target/moto-venv} on first use by {@link MotoInstall}).
 *
 * <pre>{@code
 * @Tag("e2e")
 * @ExtendWith(MotoServer.class)
 * @MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})   // optional extra server environment
 * class SomethingE2E {
 *   @Test void reads(Moto moto) { ... moto.iam() ... moto.targetOptions() ... }
 * }
 * }</pre>
 *
 * <p>One server per distinct environment is started for the whole test run ({@code moto_server
 * -H 127.0.0.1 -p FREE_PORT} with {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}) and stopped when
 * the run ends, whether tests pass or fail (it lives in the root store as an {@link AutoCloseable},
 * and a shutdown hook backs that up). Its state is reset before every test.
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MotoServer.class);

  /** Extra environment for the server, as {@code NAME=value}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Env {
    String[] value();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    running(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Moto.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).handle();
  }

  private static MotoProcess running(ExtensionContext context) {
    Map<String, String> env = new TreeMap<>();
    env.put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
    Class<?> testClass = context.getRequiredTestClass();
    Env extra = testClass.getAnnotation(Env.class);
    if (extra != null) {
      Arrays.stream(extra.value())
          .forEach(
              kv -> {
                int eq = kv.indexOf('=');
                if (eq < 1) {
                  throw new IllegalArgumentException("@MotoServer.Env wants NAME=value: " + kv);
                }
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
              });
    }
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("moto " + env, k -> MotoProcess.start(env), MotoProcess.class);
  }
}
