package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportingApiTest {
  @TempDir Path dir;

  @Test
  void theKeyIsGeneratedOwnerOnlyAndLoadedAgain() throws Exception {
    Path file = dir.resolve("state/pseudonym.key");
    PseudonymKey created = PseudonymKey.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PseudonymKey.loadOrCreate(file)).isEqualTo(created);
    assertThat(created.toString()).isEqualTo("PseudonymKey[***]");
  }

  @Test
  void thePrecomputedHmacEqualsTheJdkHmac() throws Exception {
    PseudonymKey key = PseudonymKey.random();
    javax.crypto.Mac mac = key.newMac();
    mac.update("email".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update("a@b.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(key.newHmac().mac("email".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "a@b.example".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo(mac.doFinal());
  }

  @Test
  void pseudonymsAreStablePerKeyAndDifferAcrossKeys() {
    Redactor a = Redactor.builder().pseudonymKey(PseudonymKey.of(new byte[32])).build();
    Redactor b = Redactor.builder().pseudonymKey(PseudonymKey.of(new byte[32])).build();
    Redactor other = Redactor.builder().pseudonymKey(PseudonymKey.random()).build();
    String line = "from 10.9.8.7 as Jane.Doe@Example.org";
    assertThat(a.redact(line)).isEqualTo(b.redact(line)).isNotEqualTo(other.redact(line));
    assertThat(a.redact("jane.doe@example.org")).isEqualTo(a.redact("Jane.Doe@Example.org"));
  }

  @Test
  void theRevealLogMapsTokensBackLocally() throws Exception {
    try (RevealLog log = RevealLog.open(dir)) {
      Redactor r = Redactor.builder().pseudonymKey(PseudonymKey.random()).revealLog(log).build();
      String out = r.redact("mail jane@example.org twice jane@example.org");
      Matcher m = Pattern.compile("<email:[0-9a-f]{8}>").matcher(out);
      assertThat(m.find()).isTrue();
      assertThat(log.lookup(m.group())).containsExactly("jane@example.org");
      assertThat(log.lookup("<email:00000000>")).isEmpty();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(RevealLog.FILE_NAME))))
        .isEqualTo("rw-------");
  }


  @Test
  void theRevealLogWritesTheSameLinesFromBytesAsFromStrings() throws Exception {
    byte[] malformed = {'a', (byte) 0xC3, '(', 'b', (byte) 0xFF};
    Path strings = dir.resolve("strings");
    try (RevealLog log = RevealLog.open(strings)) {
      log.record("<email:0a1b2c3d>", "jane@example.org");
      log.record("<keyword:11f623c7>", "Grüße");
      log.record("<user:deadbeef>", new String(malformed, java.nio.charset.StandardCharsets.UTF_8));
      log.record("<email:0a1b2c3d>", "jane@example.org");
    }
    Path bytes = dir.resolve("bytes");
    try (RevealLog log = RevealLog.open(bytes)) {
      log.record("<email:0a1b2c3d>".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          "jane@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      log.record("<keyword:11f623c7>".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          "Grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      log.record("<user:deadbeef>".getBytes(java.nio.charset.StandardCharsets.US_ASCII), malformed);
      log.record("<email:0a1b2c3d>", "jane@example.org"); // a repeat by the other path is written once too
    }
    List<String> lines = Files.readAllLines(bytes.resolve(RevealLog.FILE_NAME));
    assertThat(lines).hasSize(3).isEqualTo(Files.readAllLines(strings.resolve(RevealLog.FILE_NAME)));
    try (RevealLog log = RevealLog.open(bytes)) {
      assertThat(log.lookup("<keyword:11f623c7>")).containsExactly("Grüße");
      assertThat(log.lookup("<user:deadbeef>")).containsExactly("a\uFFFD(b\uFFFD");
      log.record("<keyword:11f623c7>".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          "Grüße".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // known from the file: not written again
    }
    assertThat(Files.readAllLines(bytes.resolve(RevealLog.FILE_NAME))).isEqualTo(lines);
  }
  @Test
  void theReportCountsPerSourceAndSerialisesWithoutValues() throws Exception {
    Redactor r = Redactor.builder().build();
    RedactionCounter c = new RedactionCounter();
    r.redact("a@example.org b@example.org 10.1.2.3", c);
    RedactionReport report = RedactionReport.builder().add("app.log", c).withheld("bad.json", "RedactionException").build();
    String json = new ObjectMapper().writeValueAsString(report);
    assertThat(json).isEqualTo("{\"sources\":[{\"source\":\"app.log\",\"withheld\":false,\"reason\":null,"
        + "\"counts\":{\"email\":2,\"ipv4\":1}},{\"source\":\"bad.json\",\"withheld\":true,"
        + "\"reason\":\"RedactionException\",\"counts\":{}}]}");
    assertThat(report.totals()).containsEntry("email", 2L).containsEntry("ipv4", 1L);
    assertThat(new ObjectMapper().readValue(json, RedactionReport.class)).isEqualTo(report);
  }

  @Test
  void canariesOfEveryTypeAreCaughtByTheDefaultCatalog() {
    CanarySelfTest.Result result = CanarySelfTest.run(Redactor.builder().keywords(List.of("Falcon")).build());
    assertThat(result.survivors()).isEmpty();
    assertThat(result.skipped()).isEmpty();
    assertThat(result.checked()).isEqualTo(43);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aDetectorSwitchedOffIsSkippedAndAWeakRuleSetFails() {
    Redactor off = Redactor.builder().strategy(DetectorType.USERNAME, Strategy.OFF).build();
    assertThat(CanarySelfTest.run(off).skipped()).containsExactly("user");
    assertThat(CanarySelfTest.run(off).survivors()).isEmpty();
  }

  @Test
  void rememberedFramesAndFingerprintsGiveWhatAFreshAnonymizerGives() {
    Redactor redactor = Redactor.builder().keywords(List.of("acme")).build();
    StackTraceAnonymizer shared = new StackTraceAnonymizer(redactor);
    List<String> traces = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      traces.add("2026-11-25 ERROR request " + i + " failed for user" + i + "@example.com\r\n"
          + "java.lang.IllegalStateException: card 4111 1111 1111 " + (1000 + i) + "\n"
          + "\tat com.companyos.billing.Invoice.charge" + (i % 5) + "(Invoice.java:" + (40 + i % 3) + ")\n"
          + "\tat com.acme.plugin.Hook.run(Hook.java:7) ~[acme-plugin.jar:1.0]\n"
          + "\tat jdk.internal.reflect.GeneratedMethodAccessor" + i + ".invoke(Unknown Source)\n"
          + "\tat home with user" + i + "\n"
          + "Caused by: java.net.SocketTimeoutException: to db-" + i + ".acme.internal\n"
          + "\t... " + (i % 5) + " more\n\n");
    }
    for (int round = 0; round < 2; round++) {
      for (String trace : traces) {
        RedactionCounter fromShared = new RedactionCounter();
        RedactionCounter fromFresh = new RedactionCounter();
        StackTraceAnonymizer.AnonymizedTrace a = shared.anonymize(trace, fromShared);
        StackTraceAnonymizer.AnonymizedTrace b = new StackTraceAnonymizer(redactor).anonymize(trace, fromFresh);
        assertThat(a).isEqualTo(b);
        assertThat(fromShared.total()).as("the redacted frame is counted every time").isEqualTo(fromFresh.total())
            .isPositive();
        assertThat(a.text()).doesNotContain("acme", "user", "4111", "home with");
      }
    }
    assertThat(traces.stream().map(t -> shared.anonymize(t).fingerprint()).distinct().count())
        .as("five methods; line numbers and generated accessor numbers do not count").isEqualTo(5);
  }

  @Test
  void rememberedFrameBlocksGiveWhatAFreshAnonymizerGivesAndOneCharacterMoreIsLookedAtAgain() {
    Redactor redactor = Redactor.builder().keywords(List.of("acme")).build();
    StackTraceAnonymizer shared = new StackTraceAnonymizer(redactor);
    String frames = "\tat com.companyos.billing.Invoice.charge(Invoice.java:42)\r\n"
        + "\tat com.companyos.billing.Api.post(Api.java:7)\r\n"
        + "\t... 3 more\r\n";
    List<String> traces = List.of(
        "java.lang.IllegalStateException: a\r\n" + frames + "Caused by: java.io.IOException: b\r\n" + frames,
        "java.lang.IllegalStateException: c\n" + frames + "\r\n\r\n",
        "java.lang.IllegalStateException: d\n" + frames.strip(),
        // one character differs: the keyword must be redacted and counted, not served from the remembered block
        "java.lang.IllegalStateException: e\n" + frames.replace("billing.Api", "billing.acme"),
        "java.lang.IllegalStateException: f\n" + frames.replace("... 3 more", "... 3 mor"),
        "java.lang.IllegalStateException: g\n" + frames.replace("\tat com.companyos.billing.Api", "\tat home with alice"),
        // a frame that ends in "\r" without "\n" is no frame; before "\n" the "\r" is not part of the line
        "\tat com.companyos.billing.Invoice.charge(Invoice.java:42)\r",
        "\tat com.companyos.billing.Invoice.charge(Invoice.java:42)\r\njava.lang.IllegalStateException: h");
    for (int round = 0; round < 3; round++) {
      for (String trace : traces) {
        RedactionCounter fromShared = new RedactionCounter();
        RedactionCounter fromFresh = new RedactionCounter();
        StackTraceAnonymizer.AnonymizedTrace a = shared.anonymize(trace, fromShared);
        StackTraceAnonymizer.AnonymizedTrace b = new StackTraceAnonymizer(redactor).anonymize(trace, fromFresh);
        assertThat(a).as(trace).isEqualTo(b);
        assertThat(fromShared.total()).isEqualTo(fromFresh.total());
        assertThat(a.text()).doesNotContain("acme", "alice", "\r", "3 mor\n").doesNotEndWith("3 mor");
      }
    }
    RedactionCounter counter = new RedactionCounter();
    assertThat(shared.anonymize(traces.get(3), counter).text()).contains("billing.<keyword:");
    assertThat(counter.total()).isPositive();
  }

  @Test
  void rememberedFrameBlocksStayBoundedUnderManyDistinctTraces() {
    StackTraceAnonymizer anonymizer = new StackTraceAnonymizer(Redactor.builder().build());
    for (int i = 0; i < 3 * StackTraceAnonymizer.BLOCK_CACHE_MAX; i++) {
      anonymizer.anonymize("java.lang.IllegalStateException\n\tat a.B.c(B.java:" + i + ")\n");
      assertThat(anonymizer.rememberedBlocks()).isLessThanOrEqualTo(StackTraceAnonymizer.BLOCK_CACHE_MAX);
      assertThat(anonymizer.rememberedTraces()).isLessThanOrEqualTo(StackTraceAnonymizer.TRACE_CACHE_MAX);
    }
    for (int i = 0; i < 3 * StackTraceAnonymizer.HEAD_CACHE_MAX; i++) {
      StackTraceAnonymizer.AnonymizedTrace t = anonymizer.anonymize("Caused by: com.x.E" + i + "Exception: user" + i);
      assertThat(t.text()).isEqualTo("Caused by: com.x.E" + i + "Exception");
      assertThat(anonymizer.rememberedHeads()).isLessThanOrEqualTo(StackTraceAnonymizer.HEAD_CACHE_MAX).isPositive();
    }
    for (int i = 0; i < 3 * StackTraceAnonymizer.BLOCKS_PER_FIRST_LINE; i++) {
      // one first line, many continuations: a few are remembered under it, never more
      anonymizer.anonymize("java.lang.IllegalStateException\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:" + i + ")\n");
      assertThat(anonymizer.rememberedBlocks()).isLessThanOrEqualTo(StackTraceAnonymizer.BLOCK_CACHE_MAX);
    }
    String frame = "\tat com.companyos.billing.Invoice.charge(Invoice.java:42)\n";
    for (int i = 0; i < 300; i++) {
      anonymizer.anonymize("java.lang.IllegalStateException\n" + frame.repeat(200) + "\tat a.B.c(B.java:" + i + ")");
      assertThat(anonymizer.rememberedBlockChars()).isLessThanOrEqualTo(StackTraceAnonymizer.BLOCK_CACHE_MAX_CHARS);
      assertThat(anonymizer.rememberedTraceChars()).isLessThanOrEqualTo(StackTraceAnonymizer.TRACE_CACHE_MAX_CHARS);
    }
    String huge = "java.lang.IllegalStateException\n" + frame.repeat(1000);
    anonymizer.anonymize(huge);
    anonymizer.anonymize(huge.replace("java:42", "java:43"));
    assertThat(anonymizer.rememberedBlockChars()).isLessThanOrEqualTo(StackTraceAnonymizer.BLOCK_CACHE_MAX_CHARS);
  }

  @Test
  void stackTracesKeepTypesAndFramesAndDropMessages() {
    StackTraceAnonymizer anonymizer = new StackTraceAnonymizer(Redactor.builder().keywords(List.of("acme")).build());
    String trace = "java.lang.IllegalStateException: user jane@example.org not allowed\n"
        + "\tat com.acme.Billing.charge(Billing.java:42)\n"
        + "\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)\n"
        + "\tSuppressed: java.io.IOException: close failed for /home/jane/x\n"
        + "\t\tat com.acme.Io.close(Io.java:7)\n"
        + "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"jane\"\n"
        + "  Detail: secret stuff\n"
        + "\t... 12 more\n";
    StackTraceAnonymizer.AnonymizedTrace t = anonymizer.anonymize(trace);
    assertThat(t.text()).matches("java.lang.IllegalStateException\n"
        + "\tat com\\.<keyword:[0-9a-f]{8}>\\.Billing\\.charge\\(Billing\\.java:42\\)\n"
        + "\tat jdk\\.internal\\.reflect\\.GeneratedMethodAccessor12\\.invoke\\(Unknown Source\\)\n"
        + "\tSuppressed: java\\.io\\.IOException\n"
        + "\t\tat com\\.<keyword:[0-9a-f]{8}>\\.Io\\.close\\(Io\\.java:7\\)\n"
        + "Caused by: org\\.postgresql\\.util\\.PSQLException\n"
        + "\t\\.\\.\\. 12 more");
    String moved = trace.replace("Billing.java:42", "Billing.java:44").replace("Accessor12", "Accessor99")
        .replace("jane", "joe");
    assertThat(anonymizer.anonymize(moved).fingerprint()).isEqualTo(t.fingerprint()).hasSize(16);
    assertThat(anonymizer.anonymize(trace.replace("charge", "refund")).fingerprint()).isNotEqualTo(t.fingerprint());
  }

  @Test
  void framesAreRewrittenAndLinesThatOnlyLookLikeFramesGo() {
    StackTraceAnonymizer anonymizer = new StackTraceAnonymizer(Redactor.builder().keywords(List.of("acme")).build());
    String trace = "java.lang.IllegalStateException: failed\n"
        + "  at home with alice.smith@example.org\n"
        + "\tat com.acme.Billing.charge(Billing.java:42) ~[acme-billing.jar:1.0]\n"
        + "\tat java.base/java.lang.Thread.run(Thread.java:1583)\n"
        + "\tat com.foo.Bar.baz(Bar.java:1 from alice)\n"
        + "\tat com.foo.Bar.<init>(Native Method)\n";
    assertThat(anonymizer.anonymize(trace).text()).matches("java.lang.IllegalStateException\n"
        + "\tat com\\.<keyword:[0-9a-f]{8}>\\.Billing\\.charge\\(Billing\\.java:42\\)\n"
        + "\tat java\\.base/java\\.lang\\.Thread\\.run\\(Thread\\.java:1583\\)\n"
        + "\tat com\\.foo\\.Bar\\.baz\\(Unknown Source\\)\n"
        + "\tat com\\.foo\\.Bar\\.<init>\\(Native Method\\)");
  }
}
