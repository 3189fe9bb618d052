package io.servicerouter.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML writer's output reads back as exactly the tree it was given, whatever the strings hold. */
class BlockYamlTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode roundTrip(JsonNode node) throws Exception {
    String text = ManifestWriter.write(List.of((ObjectNode) node), ManifestWriter.Format.YAML);
    assertThat(text).startsWith("---\n");
    return YAML.readTree(text.substring(4));
  }

  @Test
  void trickyScalarsReadBackUnchanged() throws Exception {
    JsonNode node = JSON.readTree("{\"kind\": \"X\", \"spec\": {"
        + "\"yes\": \"yes\", \"no\": \"No\", \"on\": \"off\", \"nil\": \"null\", \"tilde\": \"~\", \"empty\": \"\","
        + "\"number\": \"0123\", \"float\": \"1.5\", \"ip\": \"10.1.2.3\", \"v6\": \"fd00::1\", \"colon\": \"a: b\","
        + "\"hash\": \"a #b\", \"lead\": \"-x\", \"star\": \"*x\", \"quote\": \"it's \\\"q\\\"\", \"newline\": \"a\\nb\","
        + "\"space\": \" x \", \"unicode\": \"caf\\u00e9\", \"path\": \"spec.adoptsRegions[1]\","
        + "\"int\": 443, \"bool\": true, \"neg\": -1, \"big\": 9223372036854775807,"
        + "\"emptyList\": [], \"emptyMap\": {}, \"nested\": [[1, 2], {\"a\": [{\"b\": \"c\", \"d\": []}]}, \"x\"],"
        + "\"key with: colon\": 1, \"true\": \"x\"}}");
    assertThat(roundTrip(node)).isEqualTo(node);
  }

  @Test
  void plainStringsStayUnquoted() {
    JsonNode node = JSON.valueToTree(java.util.Map.of("name", "web-ns-p-prod-shop.example.com"));
    assertThat(ManifestWriter.write(List.of((ObjectNode) node), ManifestWriter.Format.YAML))
        .isEqualTo("---\nname: web-ns-p-prod-shop.example.com\n");
  }
}
