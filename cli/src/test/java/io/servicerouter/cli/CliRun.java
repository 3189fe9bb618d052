package io.servicerouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.servicerouter.cli.migrate.MigrateHelmValuesCommand;
import io.servicerouter.cli.render.RenderCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * One in-process run of the {@code servicerouter} command's offline subcommands ({@code render},
 * {@code migrate-helm-values}) with captured output, under the command's conventions ({@link CommandLines}).
 *
 * @param exitCode the exit status
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs the command line in this JVM. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CommandLines.of(new OfflineCommands());
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** The documents of stdout, parsed (tests compare parsed documents, not text). */
  public List<JsonNode> outDocuments() {
    return documents(out);
  }

  /** The non-empty documents of a YAML stream. */
  public static List<JsonNode> documents(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node != null && !node.isNull()) {
          documents.add(node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The offline subcommands under the name of the real command. */
  @Command(name = "servicerouter", subcommands = {RenderCommand.class, MigrateHelmValuesCommand.class})
  static final class OfflineCommands {}
}
