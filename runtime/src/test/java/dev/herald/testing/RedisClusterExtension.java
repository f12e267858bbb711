package dev.herald.testing;

import dev.herald.testing.RedisServerExtension.Dedicated;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
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
 * JUnit 5 extension that gives tests a {@link RedisCluster} or a {@link RedisSentinel} setup, the
 * sibling of {@link RedisServerExtension} with the same rules: register it with {@code
 * @ExtendWith(RedisClusterExtension.class)} and declare a parameter of either type in a
 * constructor, a lifecycle method or a test method.
 *
 * <ul>
 *   <li>A plain parameter is shared by every test of the run: the extension starts one cluster
 *       (and one Sentinel setup) the first time a test asks for it and stops it when the run ends
 *       (an {@link AutoCloseable} value in the root context's store; the nodes' JVM shutdown hooks
 *       are the safety net). Tests may fail over or migrate slots on it, since those leave it ok,
 *       but must read roles and owners from it rather than remember them; a node a test killed and
 *       left down is restarted before the next test gets the cluster.
 *   <li>If {@code REDIS_CLUSTER_URL} is set (comma-separated seed URLs), a plain {@code
 *       RedisCluster} parameter is one {@link RedisCluster#external(String)} handle on it instead.
 *   <li>A parameter annotated {@link Dedicated @RedisServerExtension.Dedicated} gets a cluster or
 *       setup of its own, for tests that break it; it is stopped when the context that asked for
 *       it closes. With {@code REDIS_CLUSTER_URL} set, tests that need a dedicated cluster are
 *       skipped. The Sentinel setup is always started by the tests.
 * </ul>
 */
public final class RedisClusterExtension implements ParameterResolver, ExecutionCondition {

  /** The environment variable naming an existing cluster's seeds to use instead of starting one. */
  public static final String REDIS_CLUSTER_URL_ENV = "REDIS_CLUSTER_URL";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisClusterExtension.class);

  /** Creates the extension; JUnit calls this. */
  public RedisClusterExtension() {}

  /**
   * Returns the seed URLs of the external cluster from {@code REDIS_CLUSTER_URL}, if set.
   *
   * @return the trimmed, comma-separated seeds, or empty if the variable is unset or blank
   */
  public static Optional<String> externalSeeds() {
    String seeds = System.getenv(REDIS_CLUSTER_URL_ENV);
    return seeds == null || seeds.isBlank() ? Optional.empty() : Optional.of(seeds.trim());
  }

  /**
   * Skips, when {@code REDIS_CLUSTER_URL} is set, a test or class that asks for a {@link
   * Dedicated} cluster.
   *
   * @param context the test or container about to run
   * @return disabled with the reason, or enabled
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (externalSeeds().isEmpty()) {
      return ConditionEvaluationResult.enabled("REDIS_CLUSTER_URL is not set: clusters are started");
    }
    Optional<Method> testMethod = context.getTestMethod();
    boolean needsDedicated = testMethod.isPresent()
        ? needsDedicatedCluster(testMethod.get())
        : context.getTestClass().map(RedisClusterExtension::classNeedsDedicated).orElse(false);
    return needsDedicated
        ? ConditionEvaluationResult.disabled(skipReason())
        : ConditionEvaluationResult.enabled("no @Dedicated Redis Cluster needed");
  }

  /**
   * Supports parameters of type {@link RedisCluster} and {@link RedisSentinel}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context resolving it
   * @return {@code true} for such a parameter
   */
  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == RedisCluster.class || type == RedisSentinel.class;
  }

  /**
   * Resolves a {@link RedisCluster} or {@link RedisSentinel} parameter as described in the class
   * documentation.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context resolving it
   * @return the cluster or setup
   * @throws ParameterResolutionException if a dedicated cluster is asked for while {@code
   *     REDIS_CLUSTER_URL} is set (normally the test is skipped before that)
   */
  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    boolean dedicated = parameterContext.isAnnotated(Dedicated.class);
    if (parameterContext.getParameter().getType() == RedisSentinel.class) {
      ExtensionContext owner = dedicated ? extensionContext : extensionContext.getRoot();
      return owner.getStore(NAMESPACE).getOrComputeIfAbsent(
          dedicated ? "dedicated-sentinel" : "shared-sentinel",
          key -> RedisSentinel.start(), RedisSentinel.class);
    }
    Optional<String> seeds = externalSeeds();
    if (dedicated) {
      if (seeds.isPresent()) {
        throw new ParameterResolutionException(skipReason());
      }
      return extensionContext.getStore(NAMESPACE).getOrComputeIfAbsent(
          "dedicated-cluster", key -> RedisCluster.start(), RedisCluster.class);
    }
    RedisCluster shared = extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        "shared-cluster",
        key -> seeds.map(RedisCluster::external).orElseGet(RedisCluster::start),
        RedisCluster.class);
    shared.ensureHealthy();
    return shared;
  }

  private static String skipReason() {
    return "needs a @Dedicated Redis Cluster that it can break, but " + REDIS_CLUSTER_URL_ENV
        + " is set and an external cluster cannot be controlled; unset it to run the test"
        + " against a cluster the test starts";
  }

  private static boolean classNeedsDedicated(Class<?> testClass) {
    return Arrays.stream(testClass.getDeclaredConstructors())
            .anyMatch(RedisClusterExtension::needsDedicatedCluster)
        || ReflectionSupport.findMethods(testClass, RedisClusterExtension::isLifecycle,
            HierarchyTraversalMode.TOP_DOWN).stream()
            .anyMatch(RedisClusterExtension::needsDedicatedCluster);
  }

  private static boolean isLifecycle(Method method) {
    return AnnotationSupport.isAnnotated(method, BeforeAll.class)
        || AnnotationSupport.isAnnotated(method, BeforeEach.class)
        || AnnotationSupport.isAnnotated(method, AfterEach.class)
        || AnnotationSupport.isAnnotated(method, AfterAll.class);
  }

  private static boolean needsDedicatedCluster(Executable executable) {
    for (Parameter parameter : executable.getParameters()) {
      if (parameter.getType() == RedisCluster.class
          && AnnotationSupport.isAnnotated(parameter, Dedicated.class)) {
        return true;
      }
    }
    return false;
  }
}
