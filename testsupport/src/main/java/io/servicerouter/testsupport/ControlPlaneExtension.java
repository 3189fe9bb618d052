package io.servicerouter.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit extension giving tests the shared {@link ControlPlane} of the test JVM (started on first use, stopped
 * at JVM exit) as a parameter of test, lifecycle or constructor methods, and printing the log tails of the
 * harness's processes when a test fails.
 *
 * <pre>
 * {@literal @}ExtendWith(ControlPlaneExtension.class)
 * class SomethingIT {
 *   {@literal @}Test
 *   void works(ControlPlane controlPlane) {
 *     controlPlane.client().resources(ServiceRoute.class).inNamespace("default").resource(route).create();
 *   }
 * }
 * </pre>
 */
public final class ControlPlaneExtension implements ParameterResolver, TestWatcher {

  /** Name of the shared control plane (its state and log directory). */
  public static final String SHARED_NAME = "shared";
  private static final int TAIL_LINES = 30;
  private static ControlPlane shared;
  private static RuntimeException startFailure;

  /**
   * The shared control plane, started on the first call. A failed start is remembered and rethrown, so that
   * later test classes fail fast instead of waiting for the same failure again.
   */
  public static synchronized ControlPlane shared() {
    if (startFailure != null) {
      throw new IllegalStateException("the shared control plane failed to start earlier", startFailure);
    }
    if (shared == null) {
      try {
        shared = ControlPlane.start(SHARED_NAME);
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return shared();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.err.println("===== " + context.getDisplayName() + " failed; logs of the test processes:\n"
        + ChildProcesses.failureReport(TAIL_LINES));
  }
}
