package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/** Helm's merge of several values files: maps merged, the later file winning, lists replaced. */
class HelmValuesMergeTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void mapsAreMergedRecursivelyAndTheLaterValueWins() throws Exception {
    ObjectNode merged = HelmValuesMerge.merge(
        mapping("{region: neu, cluster: aks01, nested: {a: 1, b: {c: 2, d: 3}}}"),
        mapping("{region: weu, nested: {b: {d: 4}, e: 5}}"));
    assertThat(merged).isEqualTo(mapping("{region: weu, cluster: aks01, nested: {a: 1, b: {c: 2, d: 4}, e: 5}}"));
  }

  @Test
  void listsAndValuesOfAnotherTypeAreReplacedAsAWhole() throws Exception {
    ObjectNode merged = HelmValuesMerge.merge(
        mapping("{apps: [{name: a}, {name: b}], services: {gw: [x]}, region: neu}"),
        mapping("{apps: [{name: c}], services: [x], region: {nested: true}}"));
    assertThat(merged).isEqualTo(mapping("{apps: [{name: c}], services: [x], region: {nested: true}}"));
  }

  @Test
  void aLaterNullRemovesTheValueAndTheInputsAreNotModified() throws Exception {
    ObjectNode base = mapping("{region: neu, gateways: [{name: gw}]}");
    ObjectNode merged = HelmValuesMerge.merge(base, mapping("{gateways: null}"));
    assertThat(merged.get("gateways").isNull()).isTrue();
    assertThat(base).isEqualTo(mapping("{region: neu, gateways: [{name: gw}]}"));
  }

  private static ObjectNode mapping(String yaml) throws Exception {
    return (ObjectNode) YAML.readTree(yaml);
  }
}
