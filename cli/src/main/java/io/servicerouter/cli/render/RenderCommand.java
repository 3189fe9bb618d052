package io.servicerouter.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.servicerouter.cli.input.InputDocuments;
import io.servicerouter.cli.output.FormatConverter;
import io.servicerouter.cli.output.Lines;
import io.servicerouter.cli.output.ManifestWriter;
import io.servicerouter.model.Json;
import io.servicerouter.model.ObservedStatus;
import io.servicerouter.planner.AddressRecordsMode;
import io.servicerouter.planner.Age;
import io.servicerouter.planner.DnsEndpointLayout;
import io.servicerouter.planner.IndexedSnapshot;
import io.servicerouter.planner.Options;
import io.servicerouter.planner.Plan;
import io.servicerouter.planner.Planner;
import io.servicerouter.validation.CrdSchemas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code servicerouter render} (SPEC §6.1): the operator's evaluation of a set of manifests without a
 * cluster. It prints the DNSEndpoints and Istio Gateways the operator would write and, with
 * {@code --status}, the status of every input object. Whatever the input holds, stderr gets message lines of SPEC
 * §6.1 only: a failure this command did not foresee is one {@code render: error: internal error} line, never a
 * Java exception.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Print the DNSEndpoints and Istio Gateways the operator would write for the given manifests.",
        "",
        "Input limits: a file (or standard input) of at most " + InputDocuments.MAX_INPUT_MIB + " MiB, so a v1 List"
            + " of that size from kubectl get -o yaml is accepted; mappings and lists nested at most "
            + InputDocuments.MAX_DEPTH + " deep; per YAML document at most " + InputDocuments.MAX_ALIASES
            + " aliases, adding at most " + InputDocuments.MAX_ALIAS_NODES + " values. A key twice in one mapping is an"
            + " error, as in kubectl."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:rendered", "1:unreadable input or usage error", "2:an input object is invalid"})
public final class RenderCommand implements Callable<Integer> {

  /** Exit code when an input object breaks a schema or CEL rule. */
  public static final int EXIT_REJECTED = 2;
  /** Exit code for unreadable or malformed input. */
  public static final int EXIT_ERROR = 1;

  @Spec
  CommandSpec spec;

  @Option(names = "-f", required = true, paramLabel = "PATH",
      description = "Manifest file or directory (recursive: .yaml, .yml, .json), or - for standard input (YAML);"
          + " repeatable.")
  List<String> paths;

  @Option(names = "--status", description = "Also print every input object with the status the operator would write.")
  boolean status;

  @Option(names = "-o", paramLabel = "yaml|json", defaultValue = "yaml", converter = FormatConverter.class,
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ManifestWriter.Format format;

  @Option(names = "--default-gateway-namespace", paramLabel = "NS", defaultValue = "istio-system",
      description = "Namespace of a ServiceRoute's Gateway when gatewayNamespace is empty (default: ${DEFAULT-VALUE}).")
  String defaultGatewayNamespace;

  @Option(names = "--address-records", paramLabel = "all|active|off", defaultValue = "active",
      converter = AddressRecordsConverter.class,
      description = "Zones that get the gateways' address records (default: ${DEFAULT-VALUE}).")
  AddressRecordsMode addressRecords;

  @Option(names = "--dnsendpoint-layout", paramLabel = "namespace|route", defaultValue = "namespace",
      converter = LayoutConverter.class,
      description = "Route records grouped in one DNSEndpoint per namespace and controller, or one DNSEndpoint per"
          + " route and controller (default: ${DEFAULT-VALUE}).")
  DnsEndpointLayout dnsEndpointLayout;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (paths.stream().filter(ManifestFiles.STDIN_ARGUMENT::equals).count() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '-f': standard input (-) can be read only once");
    }
    try {
      return render(spec.commandLine().getOut(), err);
    } catch (OutOfMemoryError e) {
      err.println("render: error: out of memory; give Java a larger heap, e.g. SERVICEROUTER_JAVA_OPTS=-Xmx4g");
    } catch (RuntimeException | StackOverflowError e) {
      err.println("render: error: internal error; please report it with the input that caused it");
    }
    err.flush();
    return EXIT_ERROR;
  }

  private int render(PrintWriter out, PrintWriter err) {
    RenderInputs inputs;
    try {
      inputs = RenderInputs.of(ManifestFiles.read(paths, System.in), CrdSchemas.fromClasspath());
    } catch (InputError e) {
      err.println(Lines.printable(e.getMessage()));
      return EXIT_ERROR;
    }
    inputs.messages().forEach(line -> err.println(Lines.printable(line)));
    if (inputs.rejected()) {
      return EXIT_REJECTED;
    }
    out.print(ManifestWriter.write(render(inputs, new Options(defaultGatewayNamespace, addressRecords, dnsEndpointLayout), status), format));
    out.flush();
    return 0;
  }

  /** Plans the accepted inputs and returns the output objects in output order. */
  static List<ObjectNode> render(RenderInputs inputs, Options options, boolean withStatus) {
    IndexedSnapshot.Builder snapshot = IndexedSnapshot.builder(options).age(Age.byCreationThenInput(inputs.positions()));
    inputs.accepted().forEach(a -> snapshot.add(a.object()));
    Plan plan = Planner.plan(snapshot.build(), options);
    List<ObjectNode> generated = new ArrayList<>();
    for (HasMetadata object : plan.generated()) {
      ObjectNode node = Json.toNode(object);
      node.remove("status");
      for (JsonNode owner : node.path("metadata").path("ownerReferences")) {
        ((ObjectNode) owner).remove("uid");
      }
      generated.add(node);
    }
    List<ObjectNode> output = new ArrayList<>(ManifestWriter.sorted(generated));
    if (withStatus) {
      List<ObjectNode> statuses = new ArrayList<>();
      for (RenderInputs.Accepted accepted : inputs.accepted()) {
        ObservedStatus objectStatus = plan.statuses().get(accepted.object());
        if (objectStatus != null) {
          statuses.add(withStatus(accepted, objectStatus));
        }
      }
      output.addAll(ManifestWriter.sorted(statuses));
    }
    return output;
  }

  private static ObjectNode withStatus(RenderInputs.Accepted accepted, ObservedStatus status) {
    ObjectNode node = Json.toNode(accepted.object());
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("name", accepted.object().getMetadata().getName());
    if (accepted.object() instanceof Namespaced) {
      metadata.put("namespace", accepted.object().getMetadata().getNamespace());
    }
    node.set("spec", accepted.stored().path("spec").deepCopy());
    node.set("status", Json.toNode(status));
    return node;
  }
}
