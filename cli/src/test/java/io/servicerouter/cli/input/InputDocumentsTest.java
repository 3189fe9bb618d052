package io.servicerouter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared reader of render and migrate-helm-values: documents, aliases, encodings, limits and messages. */
class InputDocumentsTest {

  private static List<String> yaml(String text) throws InputFailure {
    return InputDocuments.yaml(text.getBytes(StandardCharsets.UTF_8)).stream().map(String::valueOf).toList();
  }

  @Test
  void emptyDocumentsAreCountedAndALeadingSeparatorStartsNone() throws InputFailure {
    assertThat(yaml("---\n---\na: 1\n---\n")).containsExactly("null", "{\"a\":1}", "null");
    assertThat(yaml("a: 1\n")).containsExactly("{\"a\":1}");
    assertThat(yaml("")).isEmpty();
  }

  @Test
  void aliasesOfMappingsListsAndScalarsAreExpanded() throws InputFailure {
    assertThat(yaml("a: &m {x: 1}\nb: &l [1, 2]\nc: &s text\nd: [*m, *l, *s]\n"))
        .containsExactly("{\"a\":{\"x\":1},\"b\":[1,2],\"c\":\"text\",\"d\":[{\"x\":1},[1,2],\"text\"]}");
  }

  @Test
  void anchorsBelongToTheirDocument() {
    assertThatThrownBy(() -> yaml("a: &x 1\n---\nb: *x\n"))
        .isInstanceOf(InputFailure.class)
        .hasMessage("alias *x refers to no anchor before it (line 3, column 6)")
        .satisfies(e -> assertThat(((InputFailure) e).document()).hasValue(1));
  }

  @Test
  void aliasesDeeperThanTheNestingLimitAreRefused() {
    String deep = "[".repeat(60) + "]".repeat(60);
    assertThatThrownBy(() -> yaml("a: &d " + deep + "\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*d]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"))
        .hasMessageStartingWith("mappings and lists nested deeper than 100 levels");
  }

  @Test
  void byteOrderMarksSelectUtf8OrUtf16() throws InputFailure {
    byte[] utf8 = "\uFEFFa: ü".getBytes(StandardCharsets.UTF_8);
    byte[] utf16be = "\uFEFFa: ü".getBytes(StandardCharsets.UTF_16BE);
    assertThat(InputDocuments.yaml(utf8)).extracting(JsonNode::toString).containsExactly("{\"a\":\"ü\"}");
    assertThat(InputDocuments.yaml(utf16be)).extracting(JsonNode::toString).containsExactly("{\"a\":\"ü\"}");
    assertThatThrownBy(() -> InputDocuments.yaml(new byte[] {'a', ':', ' ', (byte) 0xC3, '('}))
        .hasMessage("not UTF-8 text: invalid byte sequence at byte offset 3");
  }

  @Test
  void jsonIsOneDocumentWithoutDuplicateKeysOrTrailingContent() throws InputFailure {
    assertThat(InputDocuments.json("{\"a\": [1, 2.5, true, null]}".getBytes(StandardCharsets.UTF_8)))
        .hasToString("{\"a\":[1,2.5,true,null]}");
    assertThat(InputDocuments.json(new byte[0]).isMissingNode()).isTrue();
    assertThatThrownBy(() -> InputDocuments.json("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("key \"a\" appears twice in one mapping (line 1, column ");
    assertThatThrownBy(() -> InputDocuments.json("{} {}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("unexpected content after the JSON document");
  }

  @Test
  void messagesNameNoJavaClass() {
    assertThat(InputDocuments.clean("got <org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null)> at\n  x"))
        .isEqualTo("got a mapping at x");
    assertThat(InputDocuments.clean("Cannot deserialize value of type `java.lang.Long`")).isEqualTo("Cannot deserialize value of type `Long`");
  }
}
