package io.servicerouter.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tracing a generated field back to the values path it came from. */
class SourcePathsTest {

  private static final ValuesPath APP = ValuesPath.ROOT.key("apps").index(2);

  @Test
  void aRecordedFieldIsTracedToItsSource() {
    SourcePaths sources = new SourcePaths(APP).map("spec.sourceRegion", APP.key("region"));
    assertThat(sources.sourceOf("spec.sourceRegion")).hasToString("apps[2].region");
  }

  @Test
  void anyOtherFieldIsTracedToTheObjectsOrigin() {
    SourcePaths sources = new SourcePaths(APP).map("spec.sourceRegion", APP.key("region"));
    assertThat(sources.sourceOf("spec")).hasToString("apps[2]");
    assertThat(new SourcePaths(ValuesPath.ROOT).sourceOf("spec")).hasToString("(root)");
  }
}
