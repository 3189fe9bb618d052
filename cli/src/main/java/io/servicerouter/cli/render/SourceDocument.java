package io.servicerouter.cli.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input document (or one item of a {@code v1 List} document), with where it came from.
 *
 * @param file the file as named in messages (the directory argument joined with the relative path)
 * @param index the 0-based document index in the file (List items share their document's index)
 * @param node the parsed document
 */
public record SourceDocument(String file, int index, JsonNode node) {

  /** {@code <file>#<doc index>}, the prefix of every message about this document. */
  public String location() {
    return file + "#" + index;
  }
}
