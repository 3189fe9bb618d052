package io.servicerouter.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.servicerouter.model.Json;
import io.servicerouter.testsupport.HelmChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The objects {@code helm template} renders from the chart (or a release's manifest), for assertions on kinds,
 * names and arguments.
 */
record RenderedChart(String text, List<GenericKubernetesResource> objects) {

  static final String RELEASE = "service-router-operator";
  static final String NAMESPACE = "service-router-system";

  /** Renders the chart as release {@link #RELEASE} in {@link #NAMESPACE} with {@code helm template ARGS}. */
  static RenderedChart render(String... args) {
    return of(HelmChart.locate().template(RELEASE, NAMESPACE, List.of(args)));
  }

  /** The objects of a multi-document YAML manifest as Helm prints it. */
  static RenderedChart of(String text) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (String document : text.split("(?m)^---\\s*$")) {
      GenericKubernetesResource object = Json.serialization().unmarshal(document, GenericKubernetesResource.class);
      if (object != null && object.getKind() != null) {
        objects.add(object);
      }
    }
    return new RenderedChart(text, objects);
  }

  /** {@code Kind/name} of every object, in the rendered order. */
  List<String> kindsAndNames() {
    return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
  }

  /** The object of {@code kind} named {@code name}, converted to {@code type}. */
  <T extends HasMetadata> T get(String kind, String name, Class<T> type) {
    GenericKubernetesResource object = objects.stream()
        .filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName())).findFirst()
        .orElseThrow(() -> new AssertionError(kind + "/" + name + " not rendered; rendered: " + kindsAndNames()));
    return Json.convert(object, type);
  }

  /** The first container's arguments of the Deployment {@code name}. */
  List<String> arguments(String deployment) {
    return get("Deployment", deployment, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0)
        .getArgs();
  }

  /** The value of {@code --flag=value} in the Deployment's arguments; fails when absent or repeated. */
  String flag(String deployment, String flag) {
    List<String> values = arguments(deployment).stream().filter(a -> a.startsWith(flag + "="))
        .map(a -> a.substring(flag.length() + 1)).toList();
    assertThat(values).as("%s in Deployment %s", flag, deployment).hasSize(1);
    return Objects.requireNonNull(values.get(0));
  }
}
