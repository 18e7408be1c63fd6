package io.companyos.agent.bundle;

import static io.companyos.agent.bundle.TestBundles.INFO;
import static io.companyos.agent.bundle.TestBundles.RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.agent.bundle.manifest.Truncation;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A large text file is redacted in line-aligned chunks in parallel ({@link LineChunks}, {@link ChunkedSource}): the
 * chunks, redacted independently by the real engine, must give exactly what redacting the whole file gives — with
 * secrets (private-key blocks across many lines, key=value pairs, tokens, addresses) planted wherever the nominal cuts
 * fall — and the bundle must carry the same bytes as with one stream.
 */
class ChunkedStagingTest {

  static final TestKeys KEYS = new TestKeys();
  static final Path WORK = tempDir();
  static final Redactor REDACTOR = Redactor.builder().build();
  /** The engine as the bundle writer sees it: every chunk redacted as a stream of lines. */
  static final ContentRedactor ENGINE = new ContentRedactor() {
    @Override
    public RedactionCounts redact(java.io.Reader in, java.io.Writer out, String sourceName) throws IOException {
      REDACTOR.redact(in, out, new RedactionCounter());
      return RedactionCounts.NONE;
    }

    @Override
    public RedactionCounts redact(InputStream in, java.io.OutputStream out, String sourceName) throws IOException {
      REDACTOR.redact(in, out, new RedactionCounter());
      return RedactionCounts.NONE;
    }

    @Override
    public String rulesVersion() {
      return "test";
    }
  };

  @Property(tries = 100, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void chunksRedactedApartGiveTheWholeFilesRedaction(@ForAll("texts") String text,
      @ForAll @IntRange(min = 512, max = 8192) int chunkBytes) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    SeekableContentOpener opener = offset -> new ByteArrayInputStream(bytes, (int) offset,
        bytes.length - (int) offset);
    LineChunks lines = new LineChunks(opener, ENGINE, "logs/big.log");
    int chunks = (int) Math.max(1, (bytes.length + (long) chunkBytes - 1) / chunkBytes);

    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    long previousEnd = 0;
    List<Long> cuts = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      long[] range = lines.chunk(k, chunkBytes, chunks);
      long from = range[0];
      long to = range[1];
      long start = Math.min(from, bytes.length);
      long end = Math.min(to, bytes.length);
      if (end <= start) {
        continue;
      }
      assertThat(start).as("chunk %d starts where the previous one ended", k).isEqualTo(previousEnd);
      assertThat(start == 0 || bytes[(int) start - 1] == '\n').as("chunk %d starts a line", k).isTrue();
      REDACTOR.redact(new ByteArrayInputStream(bytes, (int) start, (int) (end - start)), chunked,
          new RedactionCounter());
      previousEnd = end;
      cuts.add(start);
    }
    assertThat(previousEnd).isEqualTo(bytes.length);

    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    REDACTOR.redact(new ByteArrayInputStream(bytes), whole, new RedactionCounter());
    String got = chunked.toString(StandardCharsets.UTF_8);
    String want = whole.toString(StandardCharsets.UTF_8);
    int diff = 0;
    while (diff < Math.min(got.length(), want.length()) && got.charAt(diff) == want.charAt(diff)) {
      diff++;
    }
    assertThat(got.length() == want.length() && diff == got.length())
        .as("chunked differs from whole at %d of %d/%d: chunked [%s] whole [%s]; cuts %s", diff, got.length(),
            want.length(), excerpt(got, diff), excerpt(want, diff), cuts)
        .isTrue();
    assertThat(chunked.toString(StandardCharsets.UTF_8)).doesNotContain(PEM_BODY).doesNotContain("hunter2secret")
        .doesNotContain("alice@example.com");
  }

  /**
   * (session 30) A table's header types its rows' columns however far below it they are (a CSV export's
   * {@code password} column): a table longer than {@link LineChunks#LOOK_AHEAD} is not cut where its rows go on.
   */
  @Property(tries = 6, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void aTableLongerThanTheLookAheadIsNotCutWhereItsRowsGoOn(@ForAll @IntRange(min = 2800, max = 6000) int rows,
      @ForAll("delimiters") String d, @ForAll @IntRange(min = 4096, max = 65536) int chunkBytes) throws IOException {
    StringBuilder text = new StringBuilder("2026-11-25 10:00:00 INFO export of the users table\n");
    text.append("id").append(d).append("login").append(d).append("password\n");
    for (int r = 0; r < rows; r++) {
      text.append(r).append(d).append("user").append(r).append(d).append("hunter2secret").append(r).append('\n');
    }
    text.append("(").append(rows).append(" rows)\n\n2026-11-25 10:00:01 INFO done, password=hunter2secret\n");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    LineChunks lines = new LineChunks(offset -> new ByteArrayInputStream(bytes, (int) offset,
        bytes.length - (int) offset), ENGINE, "exports/users.csv");
    int chunks = (bytes.length + chunkBytes - 1) / chunkBytes;
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    for (int k = 0; k < chunks; k++) {
      long[] range = lines.chunk(k, chunkBytes, chunks);
      long start = Math.min(range[0], bytes.length);
      long end = Math.min(range[1], bytes.length);
      if (end > start) {
        REDACTOR.redact(new ByteArrayInputStream(bytes, (int) start, (int) (end - start)), chunked,
            new RedactionCounter());
      }
    }
    String got = chunked.toString(StandardCharsets.UTF_8);
    assertThat(got).doesNotContain("hunter2secret").contains("(" + rows + " rows)");
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    REDACTOR.redact(new ByteArrayInputStream(bytes), whole, new RedactionCounter());
    assertThat(got.equals(whole.toString(StandardCharsets.UTF_8))).as("chunked equals whole").isTrue();
  }

  @Provide
  Arbitrary<String> delimiters() {
    return Arbitraries.of(",", ";", "\t", " | ");
  }

  @Property(tries = 20, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void aChunkedFileLeavesTheBundleAsOneStreamWould(@ForAll("plantedTexts") String text,
      @ForAll @IntRange(min = 64, max = 4096) int chunkBytes) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path out = Files.createTempDirectory(WORK, "x");
    KEYS.reader().extract(new ByteArrayInputStream(export(List.of(seekable("logs/big.log", bytes)), chunkBytes,
        bytes.length)), out);
    assertThat(Files.readString(out.resolve("logs/big.log"))).isEqualTo(PlantedSecretRedactor.redactAll(text));
    FileTrees.delete(out);
  }

  @Example
  void aFileShorterThanMeasuredIsStagedTheOrdinaryWayWithItsTruncation() throws Exception {
    String text = "line SECRET-a1 of a file\n".repeat(400);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // measured at twice its size: it shrank before it was read
    BundleSource shrunk = new BundleSource("logs/shrunk.log", ContentKind.TEXT, SourcePriority.LOGS,
        2L * bytes.length, TestBundles.NOW, (SeekableContentOpener) offset -> open(bytes, offset));
    Path out = Files.createTempDirectory(WORK, "x");
    BundleContents contents = KEYS.reader().extract(new ByteArrayInputStream(export(List.of(shrunk), 1000,
        4L * bytes.length)), out);
    assertThat(Files.readString(out.resolve("logs/shrunk.log"))).isEqualTo(PlantedSecretRedactor.redactAll(text));
    assertThat(contents.manifest().truncations()).extracting(Truncation::path).containsExactly("logs/shrunk.log");
  }

  @Example
  void aFileOverTheTotalCapIsStagedTheOrdinaryWayKeepingItsNewestPart() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("entry ").append(i).append(" SECRET-").append(i).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Path out = Files.createTempDirectory(WORK, "x");
    BundleContents contents = KEYS.reader().extract(new ByteArrayInputStream(export(
        List.of(seekable("logs/big.log", bytes)), 1000, 4L * bytes.length, bytes.length / 2)), out);
    String kept = Files.readString(out.resolve("logs/big.log"));
    assertThat(kept).endsWith("entry 1999 <secret>\n").doesNotContain("entry 0 ").doesNotContain("SECRET-");
    assertThat(contents.manifest().truncations()).extracting(Truncation::path).containsExactly("logs/big.log");
  }

  /**
   * A large file in UTF-16 or compressed is not cut into chunks of its bytes, which the redactor could not read: it is
   * decoded and redacted whole; a binary one is left out saying what it is.
   */
  @Example
  void aFileThatIsNotPlainTextIsDecodedWholeNotChunked() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("entry ").append(i).append(" user ann@example.com token SECRET-").append(i).append('\n');
    }
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.toString().getBytes(StandardCharsets.UTF_16LE));
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] binary = concat(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0x3E, 0, 1, 0}, utf16);
    Path out = Files.createTempDirectory(WORK, "x");
    BundleContents contents = KEYS.reader().extract(new ByteArrayInputStream(export(List.of(
        seekable("logs/ERRORLOG", utf16), seekable("logs/app.log.1", gz.toByteArray()),
        seekable("logs/core", binary)), 1000, 40L * utf16.length, 200L * utf16.length)), out);
    String redacted = PlantedSecretRedactor.redactAll(text.toString());
    assertThat(Files.readString(out.resolve("logs/ERRORLOG"))).isEqualTo(redacted);
    assertThat(Files.readString(out.resolve("logs/app.log.1"))).isEqualTo(redacted);
    assertThat(contents.manifest().omissions()).containsExactly(new io.companyos.agent.bundle.manifest.Omission(
        "logs/core", "not redactable text: binary content (a zero byte at offset 7); the agent redacts text only"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  static final String PEM_BODY = "MIIEowIBAAKCAQEAq7BFUpkGp3+LQmlQ2c4vYk+9cRNmGq1zYcJgKi0aLmxN8ZB3xuEq";

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> filler = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ':', '=', '-', '.')
        .ofMaxLength(90);
    Arbitrary<String> planted = Arbitraries.of(
        "user alice@example.com logged in from 10.1.2.3",
        "db password=hunter2secret retry",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXBhcnQ",
        "aws key AKIAIOSFODNN7EXAMPLE id",
        "2026-03-01 12:00:00.123 host-7.acme.internal GET /x?token=abcdef0123456789",
        "{\"key\":\"-----BEGIN PRIVATE KEY-----\\n" + PEM_BODY + "\\n-----END PRIVATE KEY-----\"}",
        "-----begin rsa private key----- lower case header",
        // secrets because of a line above or below them: a cut between the lines would let them through
        "credentials:\n  - hunter2secret\n  - hunter2secret",
        "db:\n  password: |\n    hunter2secret\n    hunter2secret",
        "machine db.example.com\nlogin bob\npassword hunter2secret",
        "variable \"db_password\" {\n  default = \"hunter2secret\"\n}",
        "");
    // up to ~43 KiB: the engine redacts a key block up to 48 KiB from its start (PemDetector.MAX_BLOCK), whole or not
    Arbitrary<String> pem = Arbitraries.integers().between(1, 650).withDistribution(
        net.jqwik.api.RandomDistribution.uniform()).map(n -> {
      StringBuilder block = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----");
      for (int i = 0; i < n; i++) {
        block.append('\n').append(PEM_BODY);
      }
      return block.append("\n-----END RSA PRIVATE KEY-----").toString();
    });
    Arbitrary<String> longLine = Arbitraries.integers().between(100, 3000)
        .map(n -> "x=1 ".repeat(n) + "user alice@example.com" + " y".repeat(n));
    Arbitrary<String> line = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, filler), net.jqwik.api.Tuple.of(12, planted), net.jqwik.api.Tuple.of(1, pem),
        net.jqwik.api.Tuple.of(1, longLine));
    Arbitrary<String> separator = Arbitraries.of("\n", "\n", "\r\n");
    return net.jqwik.api.Combinators.combine(line.list().ofMaxSize(1500), separator, Arbitraries.of("", "\n"))
        .as((lines, sep, end) -> String.join(sep, lines) + end);
  }

  @Provide
  Arbitrary<String> plantedTexts() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').withChars(' ').ofMaxLength(60),
        Arbitraries.of("user ann@example.com", "token SECRET-abc", "plain line", "", "\r"));
    return line.list().ofMinSize(50).ofMaxSize(600).map(l -> String.join("\n", l));
  }

  private static String excerpt(String s, int at) {
    return s.substring(Math.max(0, at - 150), Math.min(s.length(), at + 150)).replace("\n", "\\n");
  }

  private static BundleSource seekable(String path, byte[] bytes) {
    return new BundleSource(path, ContentKind.TEXT, SourcePriority.LOGS, bytes.length, TestBundles.NOW,
        (SeekableContentOpener) offset -> open(bytes, offset));
  }

  private static InputStream open(byte[] bytes, long offset) {
    int from = (int) Math.min(offset, bytes.length);
    return new ByteArrayInputStream(bytes, from, bytes.length - from);
  }

  private static byte[] export(List<BundleSource> sources, int chunkBytes, long totalBytes) throws Exception {
    return export(sources, chunkBytes, totalBytes, totalBytes);
  }

  private static byte[] export(List<BundleSource> sources, int chunkBytes, long perFileBytes, long totalBytes)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KEYS.writer(WORK).zstdWorkers(0).parallelism(2).chunkBytes(chunkBytes)
        .limits(new BundleLimits(Math.max(perFileBytes, 1), Math.max(totalBytes, 1), java.time.Duration.ofMinutes(5)))
        .build().export(INFO, sources, RUNS, BundleTarget.stream(out));
    return out.toByteArray();
  }

  private static Path tempDir() {
    return TestDirs.createDeletedAtExit("chunked-staging-test");
  }
}
