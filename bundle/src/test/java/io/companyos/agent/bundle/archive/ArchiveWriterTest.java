package io.companyos.agent.bundle.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ArchiveWriterTest {
  private static final Instant MTIME = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void eachEntryIsOneFrameAndTheFramesReadAsOneTar() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArchiveWriter writer = new ArchiveWriter(out, 3, 0, MTIME);
    writer.addBytes("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
    writer.addBytes("logs/api/" + "a".repeat(150) + ".log", "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8));
    writer.addBytes("empty.txt", new byte[0]);
    writer.finish();

    byte[] archive = out.toByteArray();
    assertThat(countFrames(archive)).isEqualTo(4);
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(new ByteArrayInputStream(archive)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName() + "=" + new String(tar.readAllBytes(), StandardCharsets.UTF_8).length());
        assertThat(e.getModTime().toInstant()).isEqualTo(MTIME);
      }
    }
    assertThat(names).containsExactly("manifest.json=2", "logs/api/" + "a".repeat(150) + ".log=14", "empty.txt=0");
  }

  @Test
  void aFrameMadeAheadIsTheSameBytesAsOneMadeWhileSealing() throws Exception {
    byte[] content = "2026-03-01T12:00:00Z INFO ready\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    new ArchiveWriter(direct, 3, 0, MTIME).addFile("logs/a.log", content.length, new ByteArrayInputStream(content));

    ByteArrayOutputStream ahead = new ByteArrayOutputStream();
    ArchiveWriter.writeEntryFrame(ahead, "logs/a.log", content.length, new ByteArrayInputStream(content), MTIME, 3,
        0);
    ByteArrayOutputStream copied = new ByteArrayOutputStream();
    new ArchiveWriter(copied, 3, 0, MTIME).addFrame(new ByteArrayInputStream(ahead.toByteArray()));

    assertThat(copied.toByteArray()).isEqualTo(direct.toByteArray());
  }

  @Test
  void contentCompressedAheadReadsAsTheSameTarAsAFileAddedWhole() throws Exception {
    String[] paths = {"logs/a.log", "logs/api/" + "b".repeat(150) + ".log", "logs/caf\u00e9/\u65e5\u672c.log"};
    int[] sizes = {0, 1, 511, 512, 513, 70_000};
    for (String path : paths) {
      for (int size : sizes) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
          content[i] = (byte) ('a' + (i * 7 + size) % 26);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        ArchiveWriter wholeWriter = new ArchiveWriter(whole, 3, 0, MTIME);
        wholeWriter.addFile(path, size, new ByteArrayInputStream(content));
        wholeWriter.finish();

        ByteArrayOutputStream contentFrame = new ByteArrayOutputStream();
        try (java.io.OutputStream frame = ArchiveWriter.contentFrame(contentFrame, 3)) {
          frame.write(content);
        }
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        ArchiveWriter framedWriter = new ArchiveWriter(framed, 3, 0, MTIME);
        framedWriter.addContentFrames(path, size, new ByteArrayInputStream(contentFrame.toByteArray()));
        framedWriter.finish();

        assertThat(decompress(framed.toByteArray())).as("%s, %d bytes", path, size)
            .isEqualTo(decompress(whole.toByteArray()));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
            new ZstdInputStream(new ByteArrayInputStream(framed.toByteArray())))) {
          TarArchiveEntry entry = tar.getNextEntry();
          assertThat(entry.getName()).isEqualTo(path);
          assertThat(tar.readAllBytes()).isEqualTo(content);
          assertThat(tar.getNextEntry()).isNull();
        }
      }
    }
  }

  private static byte[] decompress(byte[] frames) throws java.io.IOException {
    try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(frames))) {
      return in.readAllBytes();
    }
  }

  /** zstd frames start with the magic number 0xFD2FB528 (little-endian). */
  private static int countFrames(byte[] data) {
    int frames = 0;
    for (int i = 0; i + 3 < data.length; i++) {
      if ((data[i] & 0xFF) == 0x28 && (data[i + 1] & 0xFF) == 0xB5 && (data[i + 2] & 0xFF) == 0x2F
          && (data[i + 3] & 0xFF) == 0xFD) {
        frames++;
      }
    }
    return frames;
  }
}
