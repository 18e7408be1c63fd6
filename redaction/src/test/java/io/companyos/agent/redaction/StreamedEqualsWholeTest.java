package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stream cuts its input into windows (1 MiB, with overlap); the scan looks inside matches and skips tokens.
 * Neither may make a file's redaction depend on where the windows fall: a few MiB of log lines with secrets,
 * addresses and key words glued together come out of the stream exactly as out of one in-memory redaction.
 * (Text that already holds our tokens, {@code <secret>} or {@code <ipv4:…>} glued to other values, can come out
 * with a different number of tokens at a window cut; all of it is tokens either way. Left out here.)
 */
class StreamedEqualsWholeTest {
  private static final Redactor REDACTOR = Redactor.builder()
      .customerDomains(List.of("acme-corp.com", "contoso.com"))
      // keywords that start with common trigrams are anchored further in (Anchors): found across window cuts too
      .keywords(List.of("acme", "Acme Corp", "stark", "Contoso", "international")).build();

  private static final List<String> PIECES = List.of(
      "jane.roe@example.org", "10.20.30.40", "10.9.8.7 - amira [", "2001:db8:1234::42", "fe80::1%eth0",
      "3c:22:fb:a1:b2:c3", "+49 30 98765432", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "078-05-1120",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eXoifQ.c2lnbmF0dXJlLXh5eg", "AKIAIOSFODNN7EXAMPLE", "password=",
      "password=Tr0ub4dor&3x", "user= ", "Invalid user ", " from ", "Authorization: Bearer ", "token: ",
      "postgres://app:Sup3rS3cret@db:5432/x", "db01.prod.internal", "node-10-1-2-3.acme-corp.com", "acme", "Acme Corp",
      "2024-03-04 10:11:12.123 ", "stark", "STARK Industries", "contoso", "db.contoso.com", "international",
      "requirepass Str0ngPass!", "session opened for user bob", "x", "-", ".", ":", "@", "+", "=", "\"", " ", " ", "");

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(10).map(l -> String.join("", l))
        .list().ofMinSize(20).ofMaxSize(60);
  }

  @Provide
  Arbitrary<Integer> steps() {
    return Arbitraries.integers().between(1, 97);
  }

  /** ~2.5 MiB: the lines repeated in a shifting order, so that each lands on many window offsets. */
  private static String logs(List<String> lines, int step) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; out.length() < 5 << 19; k += step) {
      out.append(lines.get(k % lines.size())).append('\n');
    }
    return out.toString();
  }

  @Property(tries = 25)
  void theStreamRedactsAsTheWholeInputDoes(
      @ForAll("lines") List<String> lines, @ForAll("steps") int step) throws IOException {
    String logs = logs(lines, step);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    REDACTOR.redact(new ByteArrayInputStream(logs.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    String streamed = out.toString(StandardCharsets.UTF_8);
    String whole = REDACTOR.redact(logs);
    if (!streamed.equals(whole)) {
      int at = 0;
      while (at < Math.min(streamed.length(), whole.length()) && streamed.charAt(at) == whole.charAt(at)) {
        at++;
      }
      assertThat(streamed.substring(Math.max(0, at - 200), Math.min(streamed.length(), at + 200)))
          .as("the stream differs from the whole redaction at %d", at)
          .isEqualTo(whole.substring(Math.max(0, at - 200), Math.min(whole.length(), at + 200)));
    }
  }
}
