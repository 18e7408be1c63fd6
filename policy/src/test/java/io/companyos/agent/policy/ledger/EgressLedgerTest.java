package io.companyos.agent.policy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressLedgerTest {
  private static final URI HEARTBEAT = URI.create("https://telemetry.companyos.io/v1/heartbeat");
  private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private void write(EgressLedger ledger, int payloads) throws IOException {
    for (int i = 0; i < payloads; i++) {
      LedgerEntry sent = ledger.recordSend("heartbeat", HEARTBEAT, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
      ledger.recordResult(sent, "delivered 202");
    }
  }

  private List<String> lines() throws IOException {
    return new ArrayList<>(Files.readAllLines(dir.resolve(LedgerFiles.CURRENT)));
  }

  @Test
  void entriesRecordTheExactBytesAndChainEachToThePrevious() throws Exception {
    EgressLedger ledger = EgressLedger.open(dir, LedgerLimits.DEFAULT, clock);
    byte[] body = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);
    LedgerEntry sent = ledger.recordSend("heartbeat", HEARTBEAT, body);
    LedgerEntry result = ledger.recordResult(sent, "delivered 202");

    assertThat(sent.seq()).isEqualTo(1);
    assertThat(sent.prev()).isEqualTo(LedgerEntry.GENESIS);
    assertThat(sent.bytes()).isEqualTo(body.length);
    assertThat(sent.sha256()).isEqualTo(
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)));
    assertThat(sent.outcome()).isEqualTo("pending");
    assertThat(result.seq()).isEqualTo(2);
    assertThat(result.prev()).isEqualTo(sent.hash());
    assertThat(result.sha256()).isEqualTo(sent.sha256());
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).startsWith("{\"seq\":1,\"time\":\"2025-06-01T12:00:00Z\",\"event\":\"send\","
        + "\"kind\":\"heartbeat\",\"destination\":\"https://telemetry.companyos.io/v1/heartbeat\",\"bytes\":19,");
    assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
    assertThat(LedgerVerifier.verify(dir).entries()).isEqualTo(2);
  }

  @Test
  void theChainContinuesAcrossReopening() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 2);
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 2);
    LedgerVerification v = LedgerVerifier.verify(dir);
    assertThat(v.problems()).isEmpty();
    assertThat(v.firstSeq()).isEqualTo(1);
    assertThat(v.lastSeq()).isEqualTo(8);
  }

  @Test
  void anEditedLineIsDetected() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 3);
    List<String> lines = lines();
    lines.set(2, lines.get(2).replace("\"bytes\":7", "\"bytes\":70"));
    Files.write(dir.resolve(LedgerFiles.CURRENT), lines);
    assertThat(LedgerVerifier.verify(dir).problems())
        .containsExactly("egress-ledger.jsonl line 3: hash mismatch: the entry was edited");
  }

  @Test
  void anEditedLineWithARecomputedHashBreaksTheNextLink() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 3);
    List<String> lines = lines();
    LedgerEntry original = parse(lines.get(2));
    LedgerEntry forged = LedgerLine.seal(original.seq(), original.time(), original.event(), original.kind(),
        "https://elsewhere.example/", original.bytes(), original.sha256(), original.outcome(), original.prev());
    lines.set(2, LedgerLine.format(forged));
    Files.write(dir.resolve(LedgerFiles.CURRENT), lines);
    assertThat(LedgerVerifier.verify(dir).problems())
        .containsExactly("egress-ledger.jsonl line 4: does not follow the entry before it (an entry was replaced)");
  }

  @Test
  void aDeletedLineIsDetected() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 3);
    List<String> lines = lines();
    lines.remove(3);
    Files.write(dir.resolve(LedgerFiles.CURRENT), lines);
    assertThat(LedgerVerifier.verify(dir).problems())
        .containsExactly("egress-ledger.jsonl line 4: entry 5 follows entry 3: 1 entry deleted");
  }

  @Test
  void linesDeletedAtTheEndAreDetectedThroughTheHead() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 3);
    List<String> lines = lines();
    Files.write(dir.resolve(LedgerFiles.CURRENT), lines.subList(0, 4));
    assertThat(LedgerVerifier.verify(dir).problems()).containsExactly(
        "egress-ledger.head: records entry 6 but the ledger ends at entry 4: 2 entries at the end deleted");
  }

  @Test
  void entriesAppendedWhileVerifyingAreNoFalseAlarm() throws IOException {
    EgressLedger ledger = EgressLedger.open(dir, LedgerLimits.DEFAULT, clock);
    write(ledger, 2);
    // a running agent appends after the verifier has read the head: the head then trails the file
    LedgerVerification v = LedgerVerifier.verify(dir, () -> write(ledger, 1));
    assertThat(v.problems()).isEmpty();
    assertThat(v.lastSeq()).isEqualTo(6);
  }

  @Test
  void aHeadThatNamesAnotherEntryIsDetected() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 3);
    String head = Files.readString(dir.resolve(LedgerFiles.HEAD));
    Files.writeString(dir.resolve(LedgerFiles.HEAD), head.replace("\"seq\":6", "\"seq\":5"));
    assertThat(LedgerVerifier.verify(dir).problems()).containsExactly(
        "egress-ledger.head: does not match entry 5 of the ledger");
  }

  @Test
  void rotationCapsTheSizeAndKeepsTheChain() throws IOException {
    LedgerLimits small = new LedgerLimits(2048, 3);
    EgressLedger ledger = EgressLedger.open(dir, small, clock);
    write(ledger, 40);
    List<Path> files = LedgerFiles.oldestFirst(dir);
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("egress-ledger.2.jsonl", "egress-ledger.1.jsonl", "egress-ledger.jsonl");
    for (Path f : files) {
      assertThat(Files.size(f)).isLessThanOrEqualTo(2048);
    }
    LedgerVerification v = LedgerVerifier.verify(dir);
    assertThat(v.problems()).isEmpty();
    assertThat(v.rotatedAway()).isTrue();
    assertThat(v.lastSeq()).isEqualTo(80);
    assertThat(v.firstSeq()).isGreaterThan(1);
    assertThat(v.entries()).isEqualTo(v.lastSeq() - v.firstSeq() + 1);
  }

  @Test
  void aLineDeletedAtARotationBoundaryIsDetected() throws IOException {
    write(EgressLedger.open(dir, new LedgerLimits(2048, 3), clock), 20);
    Path rotated = dir.resolve("egress-ledger.1.jsonl");
    List<String> lines = Files.readAllLines(rotated);
    Files.write(rotated, lines.subList(0, lines.size() - 1));
    assertThat(LedgerVerifier.verify(dir).problems()).singleElement().asString()
        .startsWith("egress-ledger.jsonl line 1: entry ").endsWith(": 1 entry deleted");
  }

  @Test
  void aPartialLastLineFromACrashIsCutAndTheChainGoesOn() throws IOException {
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 1);
    Files.writeString(dir.resolve(LedgerFiles.CURRENT), "{\"seq\":3,\"time\":\"2025-",
        java.nio.file.StandardOpenOption.APPEND);
    write(EgressLedger.open(dir, LedgerLimits.DEFAULT, clock), 1);
    LedgerVerification v = LedgerVerifier.verify(dir);
    assertThat(v.problems()).isEmpty();
    assertThat(v.lastSeq()).isEqualTo(4);
  }

  @Test
  void readerFiltersByTime() throws IOException {
    MutableClock c = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
    EgressLedger ledger = EgressLedger.open(dir, LedgerLimits.DEFAULT, c);
    write(ledger, 1);
    c.now = Instant.parse("2025-06-10T00:00:00Z");
    write(ledger, 1);
    List<LedgerEntry> seen = new ArrayList<>();
    long damaged = LedgerReader.forEach(dir, Instant.parse("2025-06-05T00:00:00Z"), seen::add);
    assertThat(damaged).isZero();
    assertThat(seen).extracting(LedgerEntry::seq).containsExactly(3L, 4L);
  }

  private static LedgerEntry parse(String line) {
    try {
      return LedgerLine.parse(line);
    } catch (LedgerFormatException e) {
      throw new AssertionError(e);
    }
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
