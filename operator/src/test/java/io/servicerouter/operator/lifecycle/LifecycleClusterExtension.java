package io.servicerouter.operator.lifecycle;

import io.servicerouter.planner.DnsEndpointLayout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension of the lifecycle ITs: starts a {@link LifecycleCluster} (baseline singletons and one operator
 * on the shared control plane) before the test class, restores its baseline singletons after every test, closes
 * it after the class, and resolves {@link LifecycleCluster} parameters of the class's constructor and methods.
 *
 * <pre>
 * {@literal @}ExtendWith({ControlPlaneExtension.class, LifecycleClusterExtension.class})
 * class SomethingLifecycleIT {
 *   private final LifecycleCluster cluster;
 *
 *   SomethingLifecycleIT(LifecycleCluster cluster) {
 *     this.cluster = cluster;
 *   }
 * }
 * </pre>
 */
final class LifecycleClusterExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback,
    ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LifecycleClusterExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    RecordLayout layout = context.getRequiredTestClass().getAnnotation(RecordLayout.class);
    context.getStore(NAMESPACE).put(LifecycleCluster.class,
        LifecycleCluster.start(layout == null ? DnsEndpointLayout.ROUTE : layout.value()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    cluster(context).restoreBaseline();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    LifecycleCluster cluster = context.getStore(NAMESPACE).remove(LifecycleCluster.class, LifecycleCluster.class);
    if (cluster != null) { // null when the start failed
      cluster.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == LifecycleCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return cluster(extensionContext);
  }

  /** The class's cluster, from the store of the class context (a parent of every method context). */
  private static LifecycleCluster cluster(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(LifecycleCluster.class, LifecycleCluster.class);
  }
}
