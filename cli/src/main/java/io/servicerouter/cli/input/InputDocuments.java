package io.servicerouter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The one reader of the command-line tools' input files ({@code render} manifests, {@code migrate-helm-values}
 * values): bytes to YAML or JSON documents as trees, with the same rules and limits for every command.
 *
 * <ul>
 *   <li>Text is UTF-8, with or without a byte order mark, or UTF-16 with one (as YAML allows); anything else is
 *       refused naming the offset of the first invalid byte.
 *   <li>A key twice in one mapping is refused, as kubectl refuses it (the YAML parser would keep the last).
 *   <li>YAML aliases ({@code *name}) are expanded, as kubectl expands them, within limits that refuse alias
 *       bombs; an alias used as a key and {@code !!binary} values are refused.
 *   <li>Numbers too large for a double (such as {@code 1e400}) are refused, as kubectl refuses them.
 * </ul>
 *
 * <p>Limits (a failure names the limit): an input (a file or standard input) of at most
 * {@value #MAX_INPUT_MIB} MiB, which accepts a {@code v1 List} of that size from {@code kubectl get -o yaml} (the
 * YAML parser's default limit of 3 MiB per document does not apply); mappings and lists nested at most
 * {@value #MAX_DEPTH} deep; per YAML document at most {@value #MAX_ALIASES} aliases, which together add at most
 * {@value #MAX_ALIAS_NODES} values.
 */
public final class InputDocuments {

  /** The largest input, a file or standard input, in MiB. */
  public static final int MAX_INPUT_MIB = 32;
  /** The largest input, a file or standard input, in bytes. */
  public static final int MAX_INPUT_BYTES = MAX_INPUT_MIB * 1024 * 1024;
  /** The deepest nesting of mappings and lists in a document (Kubernetes objects need about 20). */
  public static final int MAX_DEPTH = 100;
  /** The most aliases in one YAML document. */
  public static final int MAX_ALIASES = 1_000;
  /** The most values (scalars, mappings, lists) that the aliases of one YAML document may add in all. */
  public static final int MAX_ALIAS_NODES = 100_000;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxStringLength(MAX_INPUT_BYTES).maxNestingDepth(MAX_DEPTH + 1).build();
  private static final YAMLFactory YAML = new AnchorsYamlFactory(YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // the default of new YAMLFactory(), not of its builder
      .loaderOptions(loaderOptions())
      .streamReadConstraints(CONSTRAINTS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(CONSTRAINTS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern YAML_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
  private static final String NOT_A_KEY = "Expected a field name (Scalar value in YAML), got this instead: ";
  private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(", from `[^`]*`");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)");

  private InputDocuments() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_INPUT_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    return options;
  }

  /** The bytes of a file, refused when it is larger than {@value #MAX_INPUT_MIB} MiB. */
  public static byte[] read(Path file) throws InputFailure {
    try {
      if (Files.isDirectory(file)) {
        throw new InputFailure("is a directory, not a file");
      }
      if (Files.size(file) > MAX_INPUT_BYTES) {
        throw tooLarge(Files.size(file));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in);
      }
    } catch (IOException e) {
      throw new InputFailure(describe(e));
    }
  }

  /** The bytes of a stream (standard input), refused when it is larger than {@value #MAX_INPUT_MIB} MiB. */
  public static byte[] read(InputStream in) throws InputFailure {
    try {
      byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
      if (bytes.length > MAX_INPUT_BYTES) {
        throw tooLarge(-1);
      }
      return bytes;
    } catch (IOException e) {
      throw new InputFailure(describe(e));
    }
  }

  /**
   * The documents of a YAML stream in order, an empty document as a {@code null} node (it is counted, SPEC
   * §6.1); a leading {@code ---} does not start a document.
   *
   * @throws InputFailure for the first problem, with the index of the document it is in
   */
  public static List<JsonNode> yaml(byte[] input) throws InputFailure {
    String text = decode(input);
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      while (parser.nextToken() != null) {
        documents.add(new TreeBuilder(parser).document());
      }
    } catch (InputFailure e) {
      throw e.inDocument(documents.size());
    } catch (JsonProcessingException e) {
      throw new InputFailure(describe(e), documents.size());
    } catch (IOException | RuntimeException e) {
      throw new InputFailure(clean(String.valueOf(e.getMessage())), documents.size());
    }
    return documents;
  }

  /**
   * The one document of a JSON text; a {@link MissingNode} when the text is empty.
   *
   * @throws InputFailure for a syntax error, a problem of {@link #yaml}'s list, or content after the document
   */
  public static JsonNode json(byte[] input) throws InputFailure {
    String text = decode(input);
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        return MissingNode.getInstance();
      }
      JsonNode document = new TreeBuilder(parser).document();
      if (parser.nextToken() != null) {
        throw new InputFailure("unexpected content after the JSON document" + location(parser.currentLocation()));
      }
      return document;
    } catch (JsonProcessingException e) {
      throw new InputFailure(describe(e));
    } catch (IOException | RuntimeException e) {
      throw new InputFailure(clean(String.valueOf(e.getMessage())));
    }
  }

  private static InputFailure tooLarge(long size) {
    return new InputFailure("input larger than the limit of " + MAX_INPUT_MIB + " MiB"
        + (size < 0 ? "" : " (" + size + " bytes)"));
  }

  /** UTF-8 (an optional byte order mark skipped) or UTF-16 with its byte order mark. */
  static String decode(byte[] input) throws InputFailure {
    Charset charset = StandardCharsets.UTF_8;
    int start = 0;
    if (startsWith(input, 0xEF, 0xBB, 0xBF)) {
      start = 3;
    } else if (startsWith(input, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      start = 2;
    } else if (startsWith(input, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      start = 2;
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(input, start, input.length - start);
    CharBuffer out = CharBuffer.allocate(input.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      String name = charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
      throw new InputFailure("not " + name + " text: invalid byte sequence at byte offset " + in.position());
    }
    return out.flip().toString();
  }

  private static boolean startsWith(byte[] input, int... prefix) {
    if (input.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((input[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** What went wrong reading a file, without the Java exception's name. */
  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return "cannot read: " + clean(String.valueOf(e.getMessage()));
  }

  /** A parser message without SnakeYAML's source excerpt or Java names: the problem and where it is. */
  public static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return clean(yaml.getProblem()) + " (line " + (yaml.getProblemMark().getLine() + 1)
          + ", column " + (yaml.getProblemMark().getColumn() + 1) + ")";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      message = CONSTRAINT_SOURCE.matcher(message).replaceAll("");
    }
    Matcher duplicate = DUPLICATE_KEY.matcher(message);
    if (duplicate.matches()) {
      message = "key \"" + duplicate.group(1) + "\" appears twice in one mapping";
    } else if (message.startsWith(NOT_A_KEY)) {
      message = "a mapping key must be a scalar, not " + message.substring(NOT_A_KEY.length());
    }
    return clean(message) + location(e.getLocation());
  }

  private static String location(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** A message as one line, parser events named as YAML names them and no qualified Java names. */
  static String clean(String message) {
    Matcher event = YAML_EVENT.matcher(message);
    StringBuilder named = new StringBuilder();
    while (event.find()) {
      String what = switch (event.group(1)) {
        case "MappingStart" -> "a mapping";
        case "SequenceStart" -> "a list";
        case "Scalar" -> "a scalar";
        case "Alias" -> "an alias";
        default -> "a YAML node";
      };
      event.appendReplacement(named, what);
    }
    event.appendTail(named);
    return QUALIFIED_NAME.matcher(named).replaceAll("$1").replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Jackson's YAML parser names the anchor of a mapping or list but not of a scalar; its parsers here name both. */
  private static final class AnchorsYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    AnchorsYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
      return new AnchorsParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
      return _createParser(new CharArrayReader(data, offset, length), context);
    }
  }

  /** A YAML parser that also names the anchor of the current scalar. */
  private static final class AnchorsParser extends YAMLParser {

    AnchorsParser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
      super(context, features, yamlFeatures, options, codec, reader);
    }

    /** The anchor of the current mapping, list or scalar value, or {@code null}. */
    String anchor() {
      if (currentToken() != null && currentToken().isScalarValue() && _lastEvent instanceof ScalarEvent scalar) {
        return scalar.getAnchor();
      }
      return getCurrentAnchor();
    }
  }

  /**
   * Builds the tree of one document from its first token, without recursion: checks the nesting depth, expands
   * YAML aliases within the limits, and refuses values kubectl would not decode.
   */
  private static final class TreeBuilder {

    private final JsonParser parser;
    private final AnchorsParser yaml;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int aliases;
    private long aliasNodes;

    /** A mapping or list being built. */
    private static final class Frame {
      final JsonNode node;
      final String anchor;
      String field;
      long nodes = 1;
      int height = 1;

      Frame(JsonNode node, String anchor) {
        this.node = node;
        this.anchor = anchor;
      }
    }

    /** A completed value with an anchor: the value, how many values it holds, how deep it is. */
    private record Anchored(JsonNode node, long nodes, int height) {}

    TreeBuilder(JsonParser parser) {
      this.parser = parser;
      this.yaml = parser instanceof AnchorsParser y ? y : null;
    }

    JsonNode document() throws IOException, InputFailure {
      Deque<Frame> stack = new ArrayDeque<>();
      JsonToken token = parser.currentToken();
      while (true) {
        Anchored completed = null;
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (stack.size() >= MAX_DEPTH) {
              throw tooDeep();
            }
            stack.push(new Frame(token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode(), anchor()));
          }
          case FIELD_NAME -> {
            if (yaml != null && yaml.isCurrentAlias()) {
              throw new InputFailure("an alias (*" + parser.getText() + ") cannot be a key" + here());
            }
            stack.peek().field = parser.currentName();
          }
          case END_OBJECT, END_ARRAY -> {
            Frame frame = stack.pop();
            completed = new Anchored(frame.node, frame.nodes, frame.height);
            remember(frame.anchor, completed);
          }
          default -> {
            if (yaml != null && yaml.isCurrentAlias()) {
              completed = alias(parser.getText(), stack.size());
            } else {
              completed = new Anchored(scalar(token), 1, 0);
              remember(anchor(), completed);
            }
          }
        }
        if (completed != null) {
          if (stack.isEmpty()) {
            return completed.node();
          }
          Frame parent = stack.peek();
          if (parent.node instanceof ObjectNode object) {
            object.set(parent.field, completed.node());
          } else {
            ((ArrayNode) parent.node).add(completed.node());
          }
          parent.nodes += completed.nodes();
          parent.height = Math.max(parent.height, completed.height() + 1);
        }
        token = parser.nextToken();
        if (token == null) {
          throw new InputFailure("unexpected end of input" + here());
        }
      }
    }

    private String anchor() {
      return yaml == null ? null : yaml.anchor();
    }

    private void remember(String anchor, Anchored value) {
      if (anchor != null) {
        anchors.put(anchor, value);
      }
    }

    private Anchored alias(String name, int depth) throws InputFailure {
      Anchored anchored = anchors.get(name);
      if (anchored == null) {
        throw new InputFailure("alias *" + name + " refers to no anchor before it" + here());
      }
      aliases++;
      aliasNodes += anchored.nodes();
      if (aliases > MAX_ALIASES) {
        throw new InputFailure("more than " + MAX_ALIASES + " aliases in one document" + here());
      }
      if (aliasNodes > MAX_ALIAS_NODES) {
        throw new InputFailure("aliases add more than " + MAX_ALIAS_NODES + " values to one document"
            + " (an alias bomb?)" + here());
      }
      if (depth + anchored.height() > MAX_DEPTH) {
        throw tooDeep();
      }
      return new Anchored(anchored.node().deepCopy(), anchored.nodes(), anchored.height());
    }

    private JsonNode scalar(JsonToken token) throws IOException, InputFailure {
      return switch (token) {
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> {
          double value = parser.getDoubleValue();
          if (!Double.isFinite(value)) {
            throw new InputFailure("number " + parser.getText() + " is out of range" + here());
          }
          yield NODES.numberNode(value);
        }
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw new InputFailure("unsupported value (binary values such as !!binary are not supported)" + here());
      };
    }

    private InputFailure tooDeep() {
      return new InputFailure("mappings and lists nested deeper than " + MAX_DEPTH + " levels" + here());
    }

    private String here() {
      return location(parser.currentLocation());
    }
  }
}
