package io.companyos.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

class TailKeepingFilePropertiesTest {

  static final Path DIR = tempDir();

  @Property(tries = 200)
  void keepsTheNewestBytesFromALineBoundaryWithinTheCap(
      @ForAll @Size(max = 3000) byte[] content, @ForAll @IntRange(min = 1, max = 700) int cap,
      @ForAll @IntRange(min = 1, max = 300) int chunk) throws Exception {
    Path target = DIR.resolve("t-" + System.nanoTime());
    TailKeepingFile out = new TailKeepingFile(target, DIR.resolve("s-" + System.nanoTime()), cap, 0, true);
    for (int i = 0; i < content.length; i += chunk) {
      out.write(content, i, Math.min(chunk, content.length - i));
    }
    TailKeepingFile.Kept kept = out.finish();

    byte[] expected = expectedTail(content, cap);
    byte[] actual = Files.readAllBytes(target);
    assertThat(actual).isEqualTo(expected);
    assertThat(kept.size()).isEqualTo(expected.length);
    assertThat(kept.truncated()).isEqualTo(content.length > cap);
    assertThat(kept.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(expected)));
    try (var left = Files.list(DIR)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("s-"))).isEmpty();
    }
    Files.delete(target);
  }

  /** The model: last {@code cap} bytes, then from the first line start in them (unless there is none). */
  static byte[] expectedTail(byte[] content, int cap) {
    if (content.length <= cap) {
      return content;
    }
    int from = content.length - cap;
    int aligned = -1;
    for (int i = from - 1; i < content.length; i++) {
      if (content[i] == '\n') {
        aligned = i + 1;
        break;
      }
    }
    return Arrays.copyOfRange(content, aligned < 0 ? from : aligned, content.length);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tail-keeping");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    FileTrees.delete(DIR);
  }
}
