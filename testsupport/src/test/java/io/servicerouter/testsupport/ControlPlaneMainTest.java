package io.servicerouter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicerouter.testsupport.ControlPlaneMain.Arguments;
import io.servicerouter.testsupport.ControlPlaneMain.Verb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ControlPlaneMain}'s command line and state directory. */
class ControlPlaneMainTest {

  @Test
  void upWithoutOptionsIsTheDefaultNameWithoutDns() {
    Arguments arguments = Arguments.parse(List.of("up"));

    assertThat(arguments).isEqualTo(new Arguments(Verb.UP, Optional.empty(), List.of(), Optional.empty()));
    assertThat(arguments.nameOrDefault()).isEqualTo("default");
  }

  @Test
  void dnsTakesEveryZoneUpToTheNextOptionInBothForms() {
    Arguments arguments = Arguments.parse(
        List.of("up", "--dns", "weu.example.test", "neu.example.test", "--name", "demo", "--dns=x.test"));

    assertThat(arguments).isEqualTo(
        new Arguments(Verb.UP, Optional.of("demo"), List.of("weu.example.test", "neu.example.test", "x.test"),
            Optional.empty()));
  }

  @Test
  void crdsTakesADirectoryInBothForms() {
    assertThat(Arguments.parse(List.of("up", "--crds", "../peer/config/crd/bases", "--name", "peer")))
        .isEqualTo(new Arguments(Verb.UP, Optional.of("peer"), List.of(),
            Optional.of(Path.of("../peer/config/crd/bases"))));
    assertThat(Arguments.parse(List.of("up", "--dns", "a.test", "--crds=/tmp/crds")).crds())
        .contains(Path.of("/tmp/crds"));
  }

  @Test
  void aZoneGivenTwiceIsServedOnce() {
    assertThat(Arguments.parse(List.of("up", "--dns", "a.test", "--dns=a.test")).zones()).containsExactly("a.test");
  }

  @Test
  void downAndStatusTakeANameInBothForms() {
    assertThat(Arguments.parse(List.of("down", "--name=demo")))
        .isEqualTo(new Arguments(Verb.DOWN, Optional.of("demo"), List.of(), Optional.empty()));
    assertThat(Arguments.parse(List.of("status", "--name", "demo")).name()).contains("demo");
    assertThat(Arguments.parse(List.of("status")).name()).isEmpty();
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> Arguments.parse(List.of())).hasMessage("no command");
    assertThatThrownBy(() -> Arguments.parse(List.of("start"))).hasMessage("unknown command start");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--name"))).hasMessage("--name needs a value");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--name", "a_b"))).hasMessage("invalid name 'a_b'");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--dns"))).hasMessage("--dns needs at least one zone");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--dns", "-bad.test")))
        .hasMessage("invalid zone '-bad.test'");
    assertThatThrownBy(() -> Arguments.parse(List.of("down", "--dns", "a.test")))
        .hasMessage("down: unknown argument --dns");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--crds"))).hasMessage("--crds needs a directory");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--crds="))).hasMessage("--crds needs a directory");
    assertThatThrownBy(() -> Arguments.parse(List.of("up", "--crds", "a", "--crds=b")))
        .hasMessage("--crds given twice");
    assertThatThrownBy(() -> Arguments.parse(List.of("status", "--crds", "a")))
        .hasMessage("status: unknown argument --crds");
    assertThatThrownBy(() -> Arguments.parse(List.of("status", "extra"))).hasMessage("status: unknown argument extra");
  }

  @Test
  void stateRootIsServicerouterStateElseUnderTheRuntimeDirectoryElseUnderTmp() {
    assertThat(ControlPlaneMain.stateRoot(Map.of("SERVICEROUTER_STATE", "/var/sr", "XDG_RUNTIME_DIR", "/run/user/1")))
        .isEqualTo(Path.of("/var/sr"));
    assertThat(ControlPlaneMain.stateRoot(Map.of("SERVICEROUTER_STATE", "", "XDG_RUNTIME_DIR", "/run/user/1")))
        .isEqualTo(Path.of("/run/user/1/servicerouter-cp"));
    assertThat(ControlPlaneMain.stateRoot(Map.of())).isEqualTo(Path.of("/tmp/servicerouter-cp"));
    assertThat(ControlPlaneMain.stateRoot(Map.of("SERVICEROUTER_STATE", "relative")))
        .isEqualTo(Path.of("relative").toAbsolutePath());
  }
}
