package dev.herald.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * JUnit 5 extension that gives tests a Redis server: register it with {@code
 * @ExtendWith(RedisServerExtension.class)} and declare a {@link RedisServer} parameter in a
 * constructor, a lifecycle method ({@code @BeforeAll}, {@code @BeforeEach}, ...) or a test method.
 *
 * <ul>
 *   <li>If the environment variable {@code REDIS_URL} is set (not blank), every plain {@code
 *       RedisServer} parameter is one {@link RedisServer#external(String)} handle on that URL.
 *   <li>Otherwise the extension starts one {@code redis-server} for the whole test run, shared by
 *       all tests, and stops it when the run ends (it is an {@link AutoCloseable} value in the
 *       root context's store; a JVM shutdown hook is the safety net). Tests must not kill or stop
 *       it; if one did, the next test that asks for it gets it restarted.
 *   <li>A parameter annotated {@link Dedicated @Dedicated} gets a server of its own, for tests that
 *       {@linkplain RedisServer#kill() kill} or {@linkplain RedisServer#restart() restart} it. It is
 *       stopped when the context that asked for it closes (the test for a test method or {@code
 *       @BeforeEach} parameter, the class for a {@code @BeforeAll} parameter); within that context
 *       every {@code @Dedicated} parameter is the same server. With {@code REDIS_URL} set such
 *       tests are skipped, since an external server cannot be killed.
 * </ul>
 *
 * <p>For a Redis Cluster or a Sentinel setup, see the sibling {@link RedisClusterExtension}, which
 * follows the same rules and takes {@link Dedicated} too.
 */
public final class RedisServerExtension implements ParameterResolver, ExecutionCondition {

  /** The environment variable naming an existing server to use instead of starting one. */
  public static final String REDIS_URL_ENV = "REDIS_URL";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisServerExtension.class);
  private static final String SHARED_KEY = "shared-redis-server";
  private static final String DEDICATED_KEY = "dedicated-redis-server";
  private static final String TLS_KEY = "tls-redis-server";

  /**
   * Marks a {@link RedisServer} parameter that must be a fresh server private to the test (or to
   * the class, for a {@code @BeforeAll} or constructor parameter), which the test may kill and
   * restart. Tests with such a parameter are skipped when {@code REDIS_URL} is set.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Dedicated {}

  /**
   * Marks a {@link RedisServer} parameter that must be a fresh server private to the test (or
   * class), like {@link Dedicated}, that speaks only TLS and asks clients for a certificate: see
   * {@link RedisServer#startTls()}. Tests with such a parameter are skipped when {@code REDIS_URL}
   * is set.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Tls {}

  /** Creates the extension; JUnit calls this. */
  public RedisServerExtension() {}

  /**
   * Returns the URL of the external server from {@code REDIS_URL}, if that variable is set.
   *
   * @return the trimmed URL, or empty if the variable is unset or blank
   */
  public static Optional<String> externalUrl() {
    String url = System.getenv(REDIS_URL_ENV);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
  }

  /**
   * Skips, when {@code REDIS_URL} is set, a test or class that asks for a {@link Dedicated}
   * server, since an external server is not under the test's control.
   *
   * @param context the test or container about to run
   * @return disabled with the reason, or enabled
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (externalUrl().isEmpty()) {
      return ConditionEvaluationResult.enabled("REDIS_URL is not set: servers are started");
    }
    boolean needsDedicated;
    Optional<Method> testMethod = context.getTestMethod();
    if (testMethod.isPresent()) {
      needsDedicated = hasDedicatedParameter(testMethod.get());
    } else {
      needsDedicated = context.getTestClass().map(RedisServerExtension::classNeedsDedicated)
          .orElse(false);
    }
    return needsDedicated
        ? ConditionEvaluationResult.disabled(skipReason())
        : ConditionEvaluationResult.enabled("no @Dedicated Redis server needed");
  }

  /**
   * Supports parameters of type {@link RedisServer}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context resolving it
   * @return {@code true} for a {@code RedisServer} parameter
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == RedisServer.class;
  }

  /**
   * Resolves a {@link RedisServer} parameter as described in the class documentation.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context resolving it
   * @return the server
   * @throws ParameterResolutionException if a dedicated server is asked for while {@code
   *     REDIS_URL} is set (normally the test is skipped before that), or the server cannot start
   */
  @Override
  public RedisServer resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Optional<String> url = externalUrl();
    if (parameterContext.isAnnotated(Tls.class)) {
      if (url.isPresent()) {
        throw new ParameterResolutionException(skipReason());
      }
      return extensionContext
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(TLS_KEY, key -> RedisServer.startTls(), RedisServer.class);
    }
    if (parameterContext.isAnnotated(Dedicated.class)) {
      if (url.isPresent()) {
        throw new ParameterResolutionException(skipReason());
      }
      return extensionContext
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(DEDICATED_KEY, key -> RedisServer.start(), RedisServer.class);
    }
    RedisServer shared = extensionContext
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SHARED_KEY,
            key -> url.map(RedisServer::external).orElseGet(RedisServer::start),
            RedisServer.class);
    // If a test killed or stopped the shared server, give the next tests a working one.
    shared.ensureRunning();
    return shared;
  }

  private static String skipReason() {
    return "needs a @Dedicated (or @Tls) Redis server that it can kill and restart, but " + REDIS_URL_ENV
        + " is set and an external server cannot be controlled; unset " + REDIS_URL_ENV
        + " to run it against a redis-server started by the test";
  }

  private static boolean classNeedsDedicated(Class<?> testClass) {
    for (Executable constructor : testClass.getDeclaredConstructors()) {
      if (hasDedicatedParameter(constructor)) {
        return true;
      }
    }
    List<Method> lifecycle = ReflectionSupport.findMethods(
        testClass,
        method -> AnnotationSupport.isAnnotated(method, BeforeAll.class)
            || AnnotationSupport.isAnnotated(method, BeforeEach.class)
            || AnnotationSupport.isAnnotated(method, AfterEach.class)
            || AnnotationSupport.isAnnotated(method, AfterAll.class),
        HierarchyTraversalMode.TOP_DOWN);
    for (Method method : lifecycle) {
      if (hasDedicatedParameter(method)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDedicatedParameter(Executable executable) {
    for (Parameter parameter : executable.getParameters()) {
      if (parameter.getType() == RedisServer.class
          && (AnnotationSupport.isAnnotated(parameter, Dedicated.class)
              || AnnotationSupport.isAnnotated(parameter, Tls.class))) {
        return true;
      }
    }
    return false;
  }
}
