package io.servicerouter.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicerouter.model.routing.DNSPolicy;
import io.servicerouter.validation.CrdSchemas;
import org.junit.jupiter.api.Test;

class SchemaProblemCacheTest {

  private final SchemaProblemCache problems = new SchemaProblemCache(CrdSchemas.fromClasspath());

  private static DNSPolicy policy(String mode) {
    return Fixtures.object(DNSPolicy.class, """
        apiVersion: routing.router.io/v1alpha1
        kind: DNSPolicy
        metadata: {name: default, namespace: myapp}
        spec: {mode: %s}
        """.formatted(mode));
  }

  @Test
  void validObjectsHaveNoProblem() {
    assertThat(problems.of(policy("Active"))).isEmpty();
  }

  @Test
  void schemaViolationsAreReportedAsFieldAndReason() {
    assertThat(problems.of(policy("Sometimes"))).isNotEmpty().allMatch(problem -> problem.startsWith("spec.mode: "));
  }

  @Test
  void resultsAreMemoizedPerGeneration() {
    DNSPolicy policy = policy("Active");
    assertThat(problems.of(policy)).isEmpty();

    policy.getSpec().setMode("Sometimes");
    policy.getMetadata().setResourceVersion("2");
    assertThat(problems.of(policy)).as("same generation (a status write): memoized").isEmpty();

    policy.getMetadata().setGeneration(2L);
    assertThat(problems.of(policy)).isNotEmpty();
  }

  @Test
  void objectsWithoutGenerationAreMemoizedPerResourceVersion() {
    DNSPolicy policy = policy("Active");
    policy.getMetadata().setGeneration(null);
    assertThat(problems.of(policy)).isEmpty();

    policy.getSpec().setMode("Sometimes");
    assertThat(problems.of(policy)).as("same resourceVersion: memoized").isEmpty();

    policy.getMetadata().setResourceVersion("2");
    assertThat(problems.of(policy)).isNotEmpty();
  }

  @Test
  void schemasCompiledInBackgroundValidateAsTheEagerOnes() {
    SchemaProblemCache background = SchemaProblemCache.compilingInBackground();
    background.awaitSchemas();

    assertThat(background.of(policy("Active"))).isEmpty();
    assertThat(background.of(policy("Sometimes"))).isEqualTo(problems.of(policy("Sometimes"))).isNotEmpty();
  }
}
