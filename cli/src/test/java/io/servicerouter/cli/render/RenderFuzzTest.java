package io.servicerouter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.servicerouter.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: whatever is done to valid input (values of another type anywhere, metadata included; keys removed,
 * added or repeated; deeper nesting; larger documents and Lists; aliases; other kinds; other encodings, broken
 * bytes, truncation, stray characters), {@code render} ends with exit 0, 1 or 2 as SPEC §6.1 defines them and
 * prints only §6.1 message lines: never a Java exception's name or a stack trace.
 *
 * <p>The valid inputs are the bundled examples, the valid fixtures and the golden inputs. A mutation is data (a
 * kind and numbers that pick where and how much), so jqwik shrinks a failure to the fewest, smallest mutations.
 * 2,000 tries take about 20 s; each run draws new ones (jqwik prints the seed that reproduces a failure). Against
 * the renderer before issue 13 it failed within a few tries: stack traces for a value of the wrong type in
 * metadata or a Service, a Service without metadata, a Java exception name for bytes that are not UTF-8, and
 * message lines split by the parser's excerpts or by line breaks in names; after those were fixed, a {@code null}
 * item in a Service's {@code status.loadBalancer.ingress} that reached the planner (100,000 tries since: clean).
 */
class RenderFuzzTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path EXAMPLES = Path.of("../examples");
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> KINDS =
      List.of("ClusterIdentity", "DNSConfiguration", "DNSPolicy", "Gateway", "ServiceRoute", "Service", "Namespace");
  private static final List<String> TYPE_WORDS =
      List.of("Invalid value", "Unsupported value", "Duplicate value", "Too long", "Too many", "Too few");
  private static final List<String> FORBIDDEN = List.of("Exception", "java.", "at io.", "\tat ", "internal error");

  /** Bounds of the generated inputs (the limits of render are tested on their own, in RenderCommandTest). */
  private static final long MAX_LIST_VALUES = 300_000;
  private static final int MAX_STRING = 100_000;

  private static List<Seed> seeds;
  private static Path dir;

  /** A valid input: its documents. */
  record Seed(String name, List<JsonNode> documents) {
    @Override
    public String toString() {
      return name;
    }
  }

  enum Kind { RETYPE, DELETE, ADD_FIELD, NEST, GROW_STRING, AS_LIST, OTHER_KIND, DUPLICATE_KEY, ALIASES, STRAY_CHARACTER }

  enum Encoding { UTF8, UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM, JSON_FILE, INVALID_BYTE, NUL_BYTE, TRUNCATED }

  /**
   * One change to the input.
   *
   * @param kind what is changed
   * @param where picks the place (a value of the tree, a line, a byte), modulo their number
   * @param size how much (nesting levels, repetitions, string length, alias fan-out)
   * @param choice picks the replacement value, key or kind
   */
  record Mutation(Kind kind, int where, int size, int choice) {}

  /** The file render reads, and how it was made (printed by jqwik for a failing case). */
  record Input(Seed seed, List<Mutation> mutations, Encoding encoding, int encodingWhere) {}

  private static final List<JsonNode> VALUES = List.of(
      NODES.textNode("x"), NODES.textNode(""), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
      NODES.numberNode(1e308), NODES.numberNode(new java.math.BigInteger("99999999999999999999999")),
      NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(),
      NODES.arrayNode().add("a").add(1), NODES.objectNode().set("a", NODES.objectNode().put("b", 1)),
      NODES.textNode("bücher"), NODES.textNode("xn--bcher-kva"), NODES.textNode("日本語"), NODES.textNode("😀"),
      NODES.textNode("a\u202eb"), NODES.textNode("a\nb\u001b[2K"), NODES.textNode("${VAR}"),
      NODES.textNode("2024-01-31T12:00:00Z"), NODES.textNode("a".repeat(300)), NODES.textNode("Active"),
      NODES.textNode("RegionBound"), NODES.textNode("Selector"), NODES.textNode("weu"));
  private static final List<String> KEYS =
      List.of("extra", "x-y", "a b", "ключ", "", "<<", "metadata", "status", "spec", "name", "namespace", "labels",
          "generation", "creationTimestamp", "items", "apiVersion");
  private static final List<String[]> OTHER_KINDS = List.of(
      new String[] {"cluster.router.io/v1alpha1", "ClusterIdentity"}, new String[] {"routing.router.io/v1alpha1", "Gateway"},
      new String[] {"routing.router.io/v1alpha1", "ServiceRoute"}, new String[] {"routing.router.io/v1alpha1", "DNSPolicy"},
      new String[] {"cluster.router.io/v1alpha1", "DNSConfiguration"}, new String[] {"v1", "Service"},
      new String[] {"v1", "Namespace"}, new String[] {"v1", "List"}, new String[] {"v1", "ConfigMap"},
      new String[] {"routing.router.io/v1", "Gateway"});

  @BeforeContainer
  static void loadSeeds() throws IOException {
    dir = Files.createTempDirectory("render-fuzz");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(FIXTURES)) {
      walk.filter(p -> p.getFileName().toString().startsWith("valid-")).sorted().forEach(files::add);
    }
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      walk.filter(p -> p.getFileName().toString().equals("input.yaml")).sorted().forEach(files::add);
    }
    seeds = files.stream().map(file -> new Seed(file.toString(), CliRun.documents(read(file)))).toList();
    assertThat(seeds).hasSizeGreaterThan(80);
  }

  @AfterContainer
  static void deleteFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 2000)
  void anyMutationOfValidInputEndsInAnExitCodeAndMessageLinesOfSpec61(@ForAll("inputs") Input input) throws IOException {
    String extension = input.encoding() == Encoding.JSON_FILE ? ".json" : ".yaml";
    Path file = Files.createTempFile(dir, "input", extension);
    Files.write(file, bytes(input));

    CliRun run = CliRun.of("render", "--status", "-f", file.toString());

    Statistics.collect(run.exitCode());
    assertCleanVerdict(run, file.toString());
    Files.delete(file);
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(6, Kind.RETYPE), Tuple.of(3, Kind.DELETE),
        Tuple.of(3, Kind.ADD_FIELD), Tuple.of(2, Kind.NEST), Tuple.of(1, Kind.GROW_STRING), Tuple.of(1, Kind.AS_LIST),
        Tuple.of(2, Kind.OTHER_KIND), Tuple.of(1, Kind.DUPLICATE_KEY), Tuple.of(1, Kind.ALIASES),
        Tuple.of(1, Kind.STRAY_CHARACTER));
    Arbitrary<Encoding> encodings = Arbitraries.frequency(Tuple.of(12, Encoding.UTF8), Tuple.of(3, Encoding.JSON_FILE),
        Tuple.of(1, Encoding.UTF8_BOM), Tuple.of(1, Encoding.UTF16LE_BOM), Tuple.of(1, Encoding.UTF16BE_BOM),
        Tuple.of(1, Encoding.INVALID_BYTE), Tuple.of(1, Encoding.NUL_BYTE), Tuple.of(1, Encoding.TRUNCATED));
    Arbitrary<Mutation> mutation = Combinators.combine(
        kinds, Arbitraries.integers().between(0, 100_000),
        Arbitraries.integers().between(1, 160), Arbitraries.integers().between(0, 1000)).as(Mutation::new);
    return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(4),
        encodings, Arbitraries.integers().between(0, 100_000)).as(Input::new);
  }

  /** Exit code, stdout and stderr are those §6.1 defines; every stderr line is one of its message lines. */
  static void assertCleanVerdict(CliRun run, String file) {
    String describe = "exit " + run.exitCode() + ", stderr:\n" + run.err();
    assertThat(run.exitCode()).as(describe).isIn(0, 1, 2);
    for (String forbidden : FORBIDDEN) {
      assertThat(run.err()).as(describe).doesNotContain(forbidden);
    }
    String location = Pattern.quote(file) + "#\\d+: ";
    Pattern error = Pattern.compile(Pattern.quote(file) + "(#\\d+)?: error: \\S.*");
    Pattern warning = Pattern.compile(location
        + "warning: (ignoring unsupported kind .+|unknown field \".*\"|.+ appears again; this document replaces the earlier one)");
    Pattern rejection = Pattern.compile(location + "(" + String.join("|", KINDS) + ")/.+?: .*?: (Required value|("
        + String.join("|", TYPE_WORDS) + "): .+|" + celMessages().stream().map(Pattern::quote).collect(Collectors.joining("|"))
        + ")");
    List<String> lines = run.err().lines().toList();
    int errors = 0;
    int rejections = 0;
    for (String line : lines) {
      assertThat(line.chars().noneMatch(Character::isISOControl)).as(describe).isTrue();
      if (error.matcher(line).matches()) {
        errors++;
      } else if (rejection.matcher(line).matches()) {
        rejections++;
      } else {
        assertThat(line).as(describe).matches(warning);
      }
    }
    switch (run.exitCode()) {
      case 0 -> {
        assertThat(errors + rejections).as(describe).isZero();
        CliRun.documents(run.out());
      }
      case 1 -> {
        assertThat(lines).as(describe).hasSize(1);
        assertThat(errors).as(describe).isOne();
        assertThat(run.out()).isEmpty();
      }
      default -> {
        assertThat(errors).as(describe).isZero();
        assertThat(rejections).as(describe).isPositive();
        assertThat(run.out()).isEmpty();
      }
    }
  }

  private static Set<String> celMessages;

  /** The messages of the CRDs' CEL rules: a rejection's reason may be exactly one of them (§6.1). */
  static synchronized Set<String> celMessages() {
    if (celMessages == null) {
      Set<String> messages = new LinkedHashSet<>();
      try (Stream<Path> crds = Files.list(Path.of("../charts/service-router-operator/crds"))) {
        for (Path crd : crds.toList()) {
          for (JsonNode document : CliRun.documents(read(crd))) {
            document.findValues("x-kubernetes-validations").forEach(rules -> rules.forEach(rule -> messages.add(rule.path("message").asText())));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(messages).hasSizeGreaterThan(4);
      celMessages = messages;
    }
    return celMessages;
  }

  /** The bytes of the input: the seed's documents mutated, serialized, then encoded. */
  static byte[] bytes(Input input) {
    List<JsonNode> documents = new ArrayList<>();
    input.seed().documents().forEach(d -> documents.add(d.deepCopy()));
    List<Mutation> textMutations = new ArrayList<>();
    for (Mutation mutation : input.mutations()) {
      switch (mutation.kind()) {
        case DUPLICATE_KEY, ALIASES, STRAY_CHARACTER -> textMutations.add(mutation);
        default -> mutate(documents, mutation);
      }
    }
    String text = input.encoding() == Encoding.JSON_FILE
        ? (documents.isEmpty() ? "" : documents.get(0).toString())
        : documents.stream().map(RenderFuzzTest::yaml).collect(Collectors.joining());
    for (Mutation mutation : textMutations) {
      text = mutateText(text, mutation);
    }
    return encode(text, input.encoding(), input.encodingWhere());
  }

  private static void mutate(List<JsonNode> documents, Mutation m) {
    if (m.kind() == Kind.AS_LIST) {
      // Copies of the documents as the items of one List, up to MAX_LIST_VALUES values in all.
      long values = documents.stream().mapToLong(RenderFuzzTest::values).sum();
      long copies = Math.max(1, Math.min(m.size() * 4L, MAX_LIST_VALUES / Math.max(1, values)));
      ArrayNode items = NODES.arrayNode();
      for (int i = 0; i < copies; i++) {
        documents.forEach(d -> items.add(d.deepCopy()));
      }
      ObjectNode list = NODES.objectNode().put("apiVersion", "v1").put("kind", "List");
      list.set("items", items);
      documents.clear();
      documents.add(list);
      return;
    }
    List<Place> places = new ArrayList<>();
    for (JsonNode document : documents) {
      places(document, null, null, -1, places);
    }
    if (places.isEmpty()) {
      return;
    }
    Place place = places.get(m.where() % places.size());
    switch (m.kind()) {
      case RETYPE -> place.replace(VALUES.get(m.choice() % VALUES.size()).deepCopy());
      case DELETE -> place.delete();
      case ADD_FIELD -> {
        if (place.value() instanceof ObjectNode object) {
          object.set(KEYS.get(m.choice() % KEYS.size()), VALUES.get(m.choice() % VALUES.size()).deepCopy());
        }
      }
      case NEST -> {
        JsonNode nested = place.value();
        for (int level = 0; level < m.size(); level++) {
          nested = level % 2 == 0 ? NODES.arrayNode().add(nested) : NODES.objectNode().set("n", nested);
        }
        place.replace(nested);
      }
      case GROW_STRING -> {
        String text = place.value().isTextual() && !place.value().textValue().isEmpty() ? place.value().textValue() : "a";
        place.replace(NODES.textNode(text.repeat(Math.max(1, Math.min(m.size() * 50, MAX_STRING / text.length())))));
      }
      case OTHER_KIND -> {
        String[] kind = OTHER_KINDS.get(m.choice() % OTHER_KINDS.size());
        for (JsonNode document : documents) {
          if (document instanceof ObjectNode object && m.where() % documents.size() == documents.indexOf(document)) {
            object.put("apiVersion", kind[0]).put("kind", kind[1]);
          }
        }
      }
      default -> throw new IllegalStateException(m.kind().toString());
    }
  }

  private static long values(JsonNode node) {
    long values = 1;
    for (JsonNode child : node) {
      values += values(child);
    }
    return values;
  }

  /** A value in a tree and how to replace or remove it. */
  record Place(JsonNode value, JsonNode parent, String key, int index) {
    void replace(JsonNode replacement) {
      if (parent instanceof ObjectNode object) {
        object.set(key, replacement);
      } else if (parent instanceof ArrayNode array) {
        array.set(index, replacement);
      }
    }

    void delete() {
      if (parent instanceof ObjectNode object) {
        object.remove(key);
      } else if (parent instanceof ArrayNode array) {
        array.remove(index);
      }
    }
  }

  private static void places(JsonNode value, JsonNode parent, String key, int index, List<Place> places) {
    places.add(new Place(value, parent, key, index));
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        places(entry.getValue(), value, entry.getKey(), -1, places);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        places(value.get(i), value, null, i, places);
      }
    }
  }

  private static final Pattern KEY_LINE = Pattern.compile("(?m)^( *)([A-Za-z][A-Za-z0-9]*): .*$");

  private static String mutateText(String text, Mutation m) {
    switch (m.kind()) {
      case DUPLICATE_KEY -> {
        List<java.util.regex.MatchResult> lines = KEY_LINE.matcher(text).results().toList();
        if (lines.isEmpty()) {
          return text;
        }
        java.util.regex.MatchResult line = lines.get(m.where() % lines.size());
        return text.substring(0, line.end()) + "\n" + line.group(1) + line.group(2) + ": "
            + VALUES.get(m.choice() % VALUES.size()) + text.substring(line.end());
      }
      case ALIASES -> {
        int fanOut = 1 + m.choice() % 12;
        int depth = 1 + m.size() % 12;
        StringBuilder bomb = new StringBuilder("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: aliases}\ndata:\n");
        bomb.append("  a0: &a0 [lol, lol]\n");
        for (int level = 1; level <= depth; level++) {
          bomb.append("  a").append(level).append(": &a").append(level).append(" [")
              .append(String.join(", ", java.util.Collections.nCopies(fanOut, "*a" + (level - 1)))).append("]\n");
        }
        return m.where() % 2 == 0 ? bomb + text : text + bomb;
      }
      case STRAY_CHARACTER -> {
        String strays = ":{}[]&*!|>'\"%@`#-?,\t\\\u00a0\u2028";
        String stray = strays.substring(m.choice() % strays.length(), m.choice() % strays.length() + 1);
        int at = text.isEmpty() ? 0 : m.where() % text.length();
        return text.substring(0, at) + stray + text.substring(at);
      }
      default -> throw new IllegalStateException(m.kind().toString());
    }
  }

  private static byte[] encode(String text, Encoding encoding, int where) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int at = utf8.length == 0 ? 0 : where % utf8.length;
    return switch (encoding) {
      case UTF8, JSON_FILE -> utf8;
      case UTF8_BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
      case UTF16LE_BOM -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      case UTF16BE_BOM -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
      case INVALID_BYTE -> insert(utf8, at, new byte[] {(byte) 0xC3, (byte) 0x28});
      case NUL_BYTE -> insert(utf8, at, new byte[] {0});
      case TRUNCATED -> java.util.Arrays.copyOf(utf8, at);
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return insert(b, 0, a);
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  private static String yaml(JsonNode document) {
    try {
      return YAML.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
