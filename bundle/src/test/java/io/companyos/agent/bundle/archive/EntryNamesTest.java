package io.companyos.agent.bundle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.agent.bundle.archive.UnsafeEntryException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"manifest.json", "logs/api/app.log", "health/", "logs/x..y.log", "ünïcode/ok.txt"})
  void acceptsRelativeBundlePaths(String name) throws Exception {
    assertThat(EntryNames.requireSafe(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({
      "/etc/passwd, ABSOLUTE_PATH",
      "C:/Windows/x, ABSOLUTE_PATH",
      "../x, PATH_TRAVERSAL",
      "logs/../../x, PATH_TRAVERSAL",
      "logs/.., PATH_TRAVERSAL",
      "logs//x, INVALID_NAME",
      "./x, INVALID_NAME",
      "logs\\x, INVALID_NAME"})
  void refusesEachUnsafeShapeWithItsOwnKind(String name, Kind kind) {
    assertThatThrownBy(() -> EntryNames.requireSafe(name))
        .isInstanceOfSatisfying(UnsafeEntryException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @ParameterizedTest
  @CsvSource({
      "logs/a, b, false, true",
      "logs/a, ../b, false, true",
      "logs/a, ../../b, false, false",
      "a, ../b, false, false",
      "a, /etc/passwd, false, false",
      "logs/a, logs/b, true, true",
      "logs/a, ../b, true, false"})
  void linkTargetsResolveFromTheLinkOrTheRoot(String entry, String target, boolean hard, boolean inside) {
    assertThat(EntryNames.linkStaysInside(entry, target, hard)).isEqualTo(inside);
  }
}
