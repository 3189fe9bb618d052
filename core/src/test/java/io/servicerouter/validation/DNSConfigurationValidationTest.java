package io.servicerouter.validation;

import static io.servicerouter.validation.Fixtures.problems;
import static io.servicerouter.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DNSConfigurationValidationTest {

  private static final String KIND = "DNSConfiguration";

  private static String configuration(String controllers) {
    return """
        apiVersion: cluster.router.io/v1alpha1
        kind: DNSConfiguration
        metadata:
          name: dns-config
        spec:
          externalDNSControllers:
        """ + controllers.indent(4);
  }

  private static final String VALID = configuration("""
      - name: external-dns-weu
        region: weu
      - name: external-dns-neu
        region: neu
      """);

  @Test
  void validConfigurationHasNoProblems() {
    Validated validated = validate(KIND, VALID);

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.object()).isEqualTo(Fixtures.yaml(VALID));
  }

  @Test
  void controllersAreRequired() {
    assertThat(problems(KIND, "apiVersion: cluster.router.io/v1alpha1\nkind: DNSConfiguration\nspec: {}\n"))
        .containsExactly("spec.externalDNSControllers: Required value");
  }

  @Test
  void anEmptyControllerListIsTooFew() {
    assertThat(problems(KIND, configuration("[]")))
        .containsExactly("spec.externalDNSControllers: Too few: 0: must have at least 1 items");
  }

  @Test
  void repeatedControllerNameIsADuplicateKey() {
    String controllers = """
        - name: external-dns-weu
          region: weu
        - name: external-dns-neu
          region: neu
        - name: external-dns-weu
          region: frc
        """;

    assertThat(problems(KIND, configuration(controllers)))
        .containsExactly("spec.externalDNSControllers[2]: Duplicate value: \"external-dns-weu\"");
  }

  @Test
  void controllerFieldsAreRequiredLabels() {
    String controllers = """
        - name: external-dns-weu
        - name: External
          region: neu
        """;

    assertThat(problems(KIND, configuration(controllers))).containsExactly(
        "spec.externalDNSControllers[0].region: Required value",
        "spec.externalDNSControllers[1].name: Invalid value: \"External\": must match pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  }

  @Test
  void aControllerThatIsNotAnObjectIsATypeErrorAndBreaksTheListMap() {
    String controllers = """
        - name: external-dns-weu
          region: weu
        - external-dns-neu
        """;

    assertThat(problems(KIND, configuration(controllers))).containsExactly(
        "spec.externalDNSControllers[1]: Invalid value: \"external-dns-neu\": must be of type object",
        "spec.externalDNSControllers[1]: Invalid value: \"external-dns-neu\": must be an object for an array of list-type map");
  }

  @Test
  void unknownControllerFieldsArePrunedWithTheirIndexedPath() {
    Validated validated = validate(KIND, configuration("""
        - name: external-dns-weu
          region: weu
          zone: example.com
        """));

    assertThat(validated.problems()).isEmpty();
    assertThat(validated.unknownFields()).containsExactly("spec.externalDNSControllers[0].zone");
    assertThat(validated.object().at("/spec/externalDNSControllers/0").has("zone")).isFalse();
  }
}
