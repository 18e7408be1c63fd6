package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({"500MiB, 524288000", "50mib, 52428800", "2GiB, 2147483648", "64KiB, 65536", "1000000, 1000000",
      "3 M, 3145728", "1tb, 1099511627776"})
  void parsesBinaryUnits(String text, long bytes) throws UsageException {
    assertThat(ByteSize.parse(text, "--max-size")).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"0MiB", "-1", "lots", "1.5GiB", "9999999999999TiB"})
  void refusesNonSizesNamingTheOption(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text, "--max-file-size"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--max-file-size: ")
        .hasMessageEndingWith("'" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1572864, 1.5 MiB", "1073741824, 1.0 GiB"})
  void formatsForPeople(long bytes, String shown) {
    assertThat(ByteSize.format(bytes)).isEqualTo(shown);
  }
}
