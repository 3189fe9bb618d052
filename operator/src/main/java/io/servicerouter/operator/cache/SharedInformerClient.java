package io.servicerouter.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The API client JOSDK's controllers are given: the operator's client, except that an informer they ask for
 * ({@code resources(kind)}, then {@code inAnyNamespace()} or {@code inNamespace(n)}, {@code withLabelSelector(s)},
 * {@code runnableInformer(0)}) is the shared caches' informer when one watches the same kind, namespace and
 * selector. Without it every controller lists and watches its primaries a second time: one more connection, TLS
 * handshake and decoding of every event of that kind. JOSDK adds its event handler to the running shared informer,
 * which hands it every cached object as added (as its own informer's first list would), and its cache of primaries
 * reads the shared store. Every other call goes to the operator's client unchanged.
 */
public final class SharedInformerClient {

  private SharedInformerClient() {
  }

  /** A view of {@code client} whose informers of shared watches are those of {@code caches}. */
  public static KubernetesClient of(KubernetesClient client, SharedCaches caches) {
    return (KubernetesClient) proxy(client, new Chain(client, caches, null, null, null));
  }

  /**
   * The calls of one chain: what it selects so far ({@code type} once {@code resources(type)} named a shared kind)
   * and the object of the operator's client that the same calls returned.
   */
  private record Chain(Object delegate, SharedCaches caches, Class<? extends HasMetadata> type, String namespace,
      String labelSelector) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (type != null && isInformerRequest(method, args)) {
        var shared = caches.informer(type, namespace, labelSelector);
        if (shared.isPresent()) {
          return shared.get();
        }
      }
      Object result;
      try {
        result = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      Chain next = next(method, args, result);
      return next == null ? result : proxy(result, next);
    }

    /** The chain after this call, or null when the call leaves the selections a shared informer can stand for. */
    @SuppressWarnings("unchecked")
    private Chain next(Method method, Object[] args, Object result) {
      if (result == null) {
        return null;
      }
      int arity = args == null ? 0 : args.length;
      return switch (method.getName()) {
        case "resources" -> arity == 1 && args[0] instanceof Class<?> kind && caches.watches(kind)
            ? new Chain(result, caches, (Class<? extends HasMetadata>) kind, null, null) : null;
        case "inAnyNamespace" -> type != null && arity == 0 ? new Chain(result, caches, type, null, labelSelector) : null;
        case "inNamespace" -> type != null && arity == 1 && args[0] instanceof String name
            ? new Chain(result, caches, type, name, labelSelector) : null;
        case "withLabelSelector" -> type != null && arity == 1 && labelSelector == null
            && (args[0] == null || args[0] instanceof String) && method.getParameterTypes()[0] == String.class
            ? new Chain(result, caches, type, namespace, (String) args[0]) : null;
        default -> null;
      };
    }

    /** {@code runnableInformer(0)}: an informer without resync, the only kind the shared caches have. */
    private static boolean isInformerRequest(Method method, Object[] args) {
      return method.getName().equals("runnableInformer") && args != null && args.length == 1
          && args[0] instanceof Long resync && resync == 0L;
    }
  }

  /** A proxy with every public interface of {@code target}'s class, so that callers see the same types. */
  private static Object proxy(Object target, InvocationHandler handler) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      collectPublicInterfaces(c, interfaces);
    }
    return Proxy.newProxyInstance(SharedInformerClient.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
        handler);
  }

  private static void collectPublicInterfaces(Class<?> type, Set<Class<?>> into) {
    for (Class<?> candidate : type.getInterfaces()) {
      if (Modifier.isPublic(candidate.getModifiers())) {
        into.add(candidate);
      }
      collectPublicInterfaces(candidate, into);
    }
  }
}
