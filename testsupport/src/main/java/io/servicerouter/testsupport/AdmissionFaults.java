package io.servicerouter.testsupport;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.servicerouter.model.ApiGroups;
import io.servicerouter.model.externaldns.DNSEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Injects faults into the API server's writes through a validating admission webhook served by the test JVM
 * (made with {@link ControlPlane#admissionFaults}): the next writes matching a filter are refused with a chosen
 * HTTP status code ({@link #failNext}), or a test's action runs while a write waits for admission
 * ({@link #beforeAdmit}), e.g. to create a foreign object of the same name first. Everything else is allowed.
 * Requests are counted per user and operation. {@link #close()} removes the webhook.
 *
 * <p>What a client sees of a refusal (measured with kube-apiserver v1.35 and fabric8 7.5, see AdmissionFaultsIT):
 * the HTTP status code given, with the {@code Status} reason that goes with it ({@code 409 Conflict},
 * {@code 500 InternalError}, ...) and the message {@code admission webhook "faults.admission.servicerouter.io"
 * denied the request: <message>}; fabric8 throws a {@code KubernetesClientException} with that
 * {@code getCode()} and {@code getStatus()}. A fabric8 client with its default configuration retries 429 and
 * every 5xx itself (up to 10 times, from 100 ms back-off), so a single 500 refusal stays invisible to its
 * caller; {@link ControlPlane#client()} and {@link ControlPlane#clientAs} do not retry.
 *
 * <p>The webhook covers CREATE, UPDATE and DELETE of the given resources for every user (kube-controller-manager
 * writes as the admin user), with {@code failurePolicy: Fail}: while it is installed the test JVM must answer.
 */
public final class AdmissionFaults implements AutoCloseable {

  /**
   * A resource the webhook sees: an API group and a resource, with {@code /<subresource>} for a subresource.
   *
   * @param group the API group, e.g. {@code externaldns.k8s.io}
   * @param resource the plural resource name, e.g. {@code dnsendpoints} or {@code serviceroutes/status}
   */
  public record Resource(String group, String resource) {}

  /** ExternalDNS's DNSEndpoints, the operator's DNS output. */
  public static final Resource DNS_ENDPOINTS = new Resource(DNSEndpoint.GROUP, "dnsendpoints");
  /** Istio Gateways, the operator's ingress output. */
  public static final Resource ISTIO_GATEWAYS = new Resource("networking.istio.io", "gateways");
  /** The status of ServiceRoutes, written by the operator. */
  public static final Resource SERVICE_ROUTE_STATUS = new Resource(ApiGroups.ROUTING_GROUP, "serviceroutes/status");
  /** The status of DNSPolicies, written by the operator. */
  public static final Resource DNS_POLICY_STATUS = new Resource(ApiGroups.ROUTING_GROUP, "dnspolicies/status");

  static final String WEBHOOK_NAME = "faults.admission.servicerouter.io";
  private static final String CANARY_WEBHOOK_NAME = "canary.admission.servicerouter.io";
  private static final String CANARY_LABEL = "admission.servicerouter.io/canary";
  private static final String CANARY_NAMESPACE = "default";
  private static final int WEBHOOK_TIMEOUT_SECONDS = 15;
  private static final Duration EFFECTIVE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KubernetesClient client;
  private final AdmissionWebhookServer server;
  private final String name;
  private final List<Fault> faults = new ArrayList<>();
  private final List<Hook> hooks = new ArrayList<>();
  private final List<AdmissionRequest> requests = new CopyOnWriteArrayList<>();
  private final List<AdmissionRequest> denied = new CopyOnWriteArrayList<>();
  private final Set<String> canariesSeen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger canaries = new AtomicInteger();

  private AdmissionFaults(KubernetesClient client, AdmissionWebhookServer server, String name) {
    this.client = client;
    this.server = server;
    this.name = name;
  }

  /**
   * Starts the webhook server, registers a ValidatingWebhookConfiguration for {@code resources} and returns once
   * the API server calls the webhook (it caches webhook configurations: a canary dry-run write shows when).
   */
  static AdmissionFaults install(KubernetesClient client, Pki pki, List<Resource> resources) {
    String name = "admission-faults-" + String.format("%05x", ThreadLocalRandom.current().nextInt(0x100000));
    AdmissionWebhookServer server = AdmissionWebhookServer.start(pki);
    AdmissionFaults faults = new AdmissionFaults(client, server, name);
    try {
      server.serve("/validate", faults::decide);
      server.serve("/canary", request -> {
        faults.canariesSeen.add(request.name());
        return Optional.empty();
      });
      client.resource(faults.configuration(caBundle(pki), resources)).create();
      faults.awaitCanary(true);
      return faults;
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  /** Refuses the next {@code count} requests with HTTP status {@code httpCode} and {@code message}. */
  public void failNext(int count, int httpCode, String message) {
    failNext(AdmissionMatch.any(), count, httpCode, message);
  }

  /**
   * Refuses the next {@code count} requests that {@code match} with HTTP status {@code httpCode} (400-599) and
   * {@code message}. Faults added earlier apply first.
   */
  public synchronized void failNext(AdmissionMatch match, int count, int httpCode, String message) {
    if (httpCode < 400 || httpCode > 599 || count < 1) {
      throw new IllegalArgumentException("need count >= 1 and an error status, got " + count + ", " + httpCode);
    }
    faults.add(new Fault(match, new AtomicInteger(count), new AdmissionWebhookServer.Denial(httpCode, message)));
  }

  /**
   * Runs {@code action} once, for the first request that {@code match}es, before that request is answered: the
   * write waits meanwhile (up to the webhook's 15 s timeout), so the action can, e.g., create an object of the
   * same name, and the waiting create then fails with 409 AlreadyExists at storage. The action's own writes
   * pass through the webhook too: give them a user or name the match excludes. If the action throws, the
   * request is refused with 500 and the exception's text.
   */
  public synchronized void beforeAdmit(AdmissionMatch match, Consumer<AdmissionRequest> action) {
    hooks.add(new Hook(match, action));
  }

  /** How many requests of {@code user} with {@code operation} the webhook was asked about. */
  public int seen(String user, String operation) {
    return count(requests, user, operation);
  }

  /** How many requests of {@code user} with {@code operation} the webhook refused. */
  public int denied(String user, String operation) {
    return count(denied, user, operation);
  }

  /** Every request the webhook was asked about, oldest first. */
  public List<AdmissionRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Forgets the pending faults, deletes the webhook configuration, waits until the API server no longer calls
   * the webhook, and stops the server.
   */
  @Override
  public void close() {
    synchronized (this) {
      faults.clear();
      hooks.clear();
    }
    try {
      client.admissionRegistration().v1().validatingWebhookConfigurations().withName(name).delete();
      awaitCanary(false);
    } finally {
      server.stop();
    }
  }

  private Optional<AdmissionWebhookServer.Denial> decide(AdmissionRequest request) {
    requests.add(request);
    Optional<Hook> hook = takeHook(request);
    if (hook.isPresent()) {
      try {
        hook.get().action().accept(request);
      } catch (RuntimeException e) {
        return deny(request, new AdmissionWebhookServer.Denial(500, "beforeAdmit action failed: " + e));
      }
    }
    return takeFault(request).flatMap(denial -> deny(request, denial));
  }

  private Optional<AdmissionWebhookServer.Denial> deny(AdmissionRequest request,
      AdmissionWebhookServer.Denial denial) {
    denied.add(request);
    return Optional.of(denial);
  }

  private synchronized Optional<Hook> takeHook(AdmissionRequest request) {
    for (Iterator<Hook> i = hooks.iterator(); i.hasNext(); ) {
      Hook hook = i.next();
      if (hook.match().test(request)) {
        i.remove();
        return Optional.of(hook);
      }
    }
    return Optional.empty();
  }

  private synchronized Optional<AdmissionWebhookServer.Denial> takeFault(AdmissionRequest request) {
    for (Iterator<Fault> i = faults.iterator(); i.hasNext(); ) {
      Fault fault = i.next();
      if (fault.match().test(request)) {
        if (fault.remaining().decrementAndGet() <= 0) {
          i.remove();
        }
        return Optional.of(fault.denial());
      }
    }
    return Optional.empty();
  }

  private ValidatingWebhookConfiguration configuration(String caBundle, List<Resource> resources) {
    ValidatingWebhook faultsHook = webhook(WEBHOOK_NAME, "/validate", caBundle, "Fail")
        .withRules(resources.stream().map(r -> new RuleWithOperationsBuilder()
            .withApiGroups(r.group()).withApiVersions("*").withResources(r.resource())
            .withOperations("CREATE", "UPDATE", "DELETE").withScope("*").build()).toList())
        .build();
    ValidatingWebhook canaryHook = webhook(CANARY_WEBHOOK_NAME, "/canary", caBundle, "Ignore")
        .withRules(new RuleWithOperationsBuilder().withApiGroups("").withApiVersions("v1").withResources("configmaps")
            .withOperations("CREATE").withScope("Namespaced").build())
        .withObjectSelector(new LabelSelectorBuilder().addToMatchLabels(CANARY_LABEL, name).build())
        .build();
    return new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName(name).endMetadata()
        .withWebhooks(faultsHook, canaryHook).build();
  }

  private ValidatingWebhookBuilder webhook(String webhookName, String path, String caBundle, String failurePolicy) {
    return new ValidatingWebhookBuilder().withName(webhookName)
        .withNewClientConfig().withUrl(server.url(path)).withCaBundle(caBundle).endClientConfig()
        .withFailurePolicy(failurePolicy).withSideEffects("None").withMatchPolicy("Equivalent")
        .withTimeoutSeconds(WEBHOOK_TIMEOUT_SECONDS).withAdmissionReviewVersions("v1");
  }

  /** Dry-run creates canary ConfigMaps until the canary webhook is called ({@code effective}) or no longer is. */
  private void awaitCanary(boolean effective) {
    long deadline = System.nanoTime() + EFFECTIVE_TIMEOUT.toNanos();
    while (true) {
      String canary = name + "-canary-" + canaries.incrementAndGet();
      client.resource(new ConfigMapBuilder().withNewMetadata().withNamespace(CANARY_NAMESPACE).withName(canary)
          .addToLabels(CANARY_LABEL, name).endMetadata().build()).dryRun().create();
      if (canariesSeen.contains(canary) == effective) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("webhook configuration " + name + " still " + (effective ? "not " : "")
            + "called after " + EFFECTIVE_TIMEOUT.toSeconds() + " s");
      }
      ManagedProcess.sleep(POLL);
    }
  }

  private static int count(List<AdmissionRequest> requests, String user, String operation) {
    return (int) requests.stream().filter(r -> r.user().equals(user) && r.operation().equals(operation)).count();
  }

  private static String caBundle(Pki pki) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(pki.caCertificate()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Fault(AdmissionMatch match, AtomicInteger remaining, AdmissionWebhookServer.Denial denial) {}

  private record Hook(AdmissionMatch match, Consumer<AdmissionRequest> action) {}
}
