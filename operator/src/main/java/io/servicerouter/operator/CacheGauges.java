package io.servicerouter.operator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.servicerouter.model.Labels;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.model.externaldns.DNSEndpoint;
import io.servicerouter.operator.cache.SharedCaches;
import io.servicerouter.operator.orphans.Owners;
import io.servicerouter.operator.reconcile.OperatorContext;
import io.servicerouter.planner.Evaluation;
import io.servicerouter.planner.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state gauges of SPEC §7.2 (managed DNSEndpoints, adopted regions, active policies, ServiceRoutes by
 * phase), computed from the shared caches at scrape time so they never drift from what exists; the adopted
 * regions are the planner's.
 */
public final class CacheGauges implements Runnable {

  private static final List<String> ROUTE_PHASES = List.of(Vocabulary.ACTIVE, Vocabulary.PENDING, Vocabulary.FAILED);

  private final SharedCaches caches;
  private final OperatorContext context;
  private final MultiGauge managedEndpoints;
  private final MultiGauge adoptedRegions;
  private final MultiGauge routes;
  private volatile long activePolicies;

  /** Registers the gauges in {@code registry}; they read the caches of {@code context}. */
  public CacheGauges(OperatorContext context, MeterRegistry registry) {
    this.context = context;
    this.caches = context.caches();
    this.adoptedRegions = MultiGauge.builder("servicerouter.adopted.regions")
        .description("1 for each effective adopted region").register(registry);
    this.managedEndpoints = MultiGauge.builder("servicerouter.managed.dnsendpoints")
        .description("owned DNSEndpoints that currently exist").register(registry);
    this.routes = MultiGauge.builder("servicerouter.serviceroutes")
        .description("ServiceRoutes by phase").register(registry);
    Gauge.builder("servicerouter.active.policies", this, g -> g.activePolicies)
        .description("DNSPolicies in phase Active").register(registry);
  }

  /** Recomputes every gauge from the caches. */
  @Override
  public void run() {
    Map<List<String>, Long> endpoints = caches.dnsEndpoints().list().stream()
        .filter(endpoint -> Owners.ownedThrough(endpoint).isPresent())
        .collect(Collectors.groupingBy(CacheGauges::controllerAndType, Collectors.counting()));
    managedEndpoints.register(rows(endpoints, key -> Tags.of("controller", key.get(0), "type", key.get(1))), true);
    Map<String, Long> phases = new TreeMap<>();
    ROUTE_PHASES.forEach(phase -> phases.put(phase, 0L));
    caches.routes().list().stream().map(route -> phase(route.getStatus()))
        .filter(phases::containsKey).forEach(phase -> phases.merge(phase, 1L, Long::sum));
    routes.register(rows(phases, phase -> Tags.of("phase", phase)), true);
    List<String> adopted = new Evaluation(context.snapshot(), context.options()).cluster().adoptedRegions();
    adoptedRegions.register(adopted.stream()
        .map(region -> MultiGauge.Row.of(Tags.of("region", region), 1)).collect(Collectors.toList()), true);
    activePolicies = caches.policies().list().stream()
        .filter(policy -> Vocabulary.ACTIVE.equals(phase(policy.getStatus()))).count();
  }

  private static List<String> controllerAndType(DNSEndpoint endpoint) {
    Map<String, String> labels = endpoint.getMetadata().getLabels();
    String controller = labels == null ? "" : Objects.requireNonNullElse(labels.get(Labels.LABEL_CONTROLLER), "");
    String type = Owners.ownedThrough(endpoint).orElseThrow().getKind().equals("Service") ? "address" : "service";
    return List.of(controller, type);
  }

  private static String phase(ObservedStatus status) {
    return status == null ? null : status.getPhase();
  }

  private static <K> List<MultiGauge.Row<?>> rows(Map<K, Long> counts, Function<K, Tags> tags) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(tags.apply(key), count)));
    return rows;
  }
}
