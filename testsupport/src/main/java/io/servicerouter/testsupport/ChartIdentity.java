package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's identity exactly as the Helm chart grants it: the ServiceAccount, ClusterRole, ClusterRoleBinding
 * and leader-election Role/RoleBinding that {@code helm template} renders, applied to a control plane, and a
 * token of that ServiceAccount. Tests that run the operator with it prove the chart's RBAC is sufficient (and
 * nothing more is granted).
 */
public final class ChartIdentity {

  /** The release name the chart is rendered with; the chart's full name, and so the ServiceAccount's, equals it. */
  public static final String RELEASE = "service-router-operator";
  /** The release namespace, where the ServiceAccount and the Lease Role live. */
  public static final String NAMESPACE = "service-router-system";

  private static final List<String> RBAC_TEMPLATES = List.of("templates/serviceaccount.yaml", "templates/rbac.yaml");
  private static final Map<String, Path> KUBECONFIGS = new HashMap<>();

  private ChartIdentity() {}

  /**
   * A kubeconfig of the chart's ServiceAccount on {@code controlPlane}, after applying the chart's RBAC there
   * (once per control plane and JVM).
   */
  public static synchronized Path kubeconfig(ControlPlane controlPlane) {
    return KUBECONFIGS.computeIfAbsent(controlPlane.name(), name -> {
      install(controlPlane.client());
      return controlPlane.serviceAccountKubeconfig(NAMESPACE, RELEASE);
    });
  }

  /** A new client authenticated as the chart's ServiceAccount (see {@link #kubeconfig}); the caller closes it. */
  public static KubernetesClient client(ControlPlane controlPlane) {
    return new KubernetesClientBuilder().withConfig(new Kubeconfig(kubeconfig(controlPlane)).clientConfig()).build();
  }

  private static void install(KubernetesClient admin) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    List<String> args = RBAC_TEMPLATES.stream().flatMap(template -> List.of("--show-only", template).stream()).toList();
    String manifests = HelmChart.locate().template(RELEASE, NAMESPACE, args);
    List<HasMetadata> objects = admin.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items();
    objects.forEach(object -> admin.resource(object).forceConflicts().serverSideApply());
  }
}
