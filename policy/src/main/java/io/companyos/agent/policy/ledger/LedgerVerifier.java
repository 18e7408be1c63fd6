package io.companyos.agent.policy.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the egress ledger: each entry's hash matches its text (no edit), each entry names the previous entry's hash
 * and the next sequence number (no deletion, no reordering), and the entry the head file records is still in the chain
 * (no removal at the end). Streams the files; reports at most {@value #MAX_PROBLEMS} problems.
 *
 * <p>The head is read before the entries, so a running agent may append while this reads: the writer forces an entry
 * to disk before it moves the head, hence entries after the head's are appends in progress, checked by the chain like
 * every other entry, never a false alarm.
 */
public final class LedgerVerifier {
  static final int MAX_PROBLEMS = 20;
  private static final Pattern CLAIMED_HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
  private static final Pattern CLAIMED_SEQ = Pattern.compile("^\\{\"seq\":(\\d{1,18}),");

  private LedgerVerifier() {}

  public static LedgerVerification verify(Path dir) throws IOException {
    return verify(dir, () -> {});
  }

  /** {@link #verify(Path)}, running {@code afterHeadRead} between reading the head and the entries (for tests). */
  static LedgerVerification verify(Path dir, IoAction afterHeadRead) throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long entries = 0;
    long firstSeq = 0;
    long lastSeq = 0;
    String lastHash = null;
    boolean rotatedAway = false;
    Head head = readHead(dir, problems);
    afterHeadRead.run();
    String hashAtHead = null;
    for (Path file : LedgerFiles.oldestFirst(dir)) {
      String name = file.getFileName().toString();
      names.add(name);
      int lineNo = 0;
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lineNo++;
          if (line.isBlank()) {
            add(problems, name + " line " + lineNo + ": empty line");
            continue;
          }
          entries++;
          String where = name + " line " + lineNo + ": ";
          long seq;
          String hash;
          try {
            LedgerEntry e = LedgerLine.parse(line);
            seq = e.seq();
            hash = e.hash();
            if (lastHash == null) {
              firstSeq = seq;
              rotatedAway = seq > 1;
              if (seq == 1 && !e.prev().equals(LedgerEntry.GENESIS)) {
                add(problems, where + "the first entry does not start the chain");
              }
            } else if (seq != lastSeq + 1) {
              add(problems, where + (seq > lastSeq + 1
                  ? "entry " + seq + " follows entry " + lastSeq + ": " + (seq - lastSeq - 1)
                      + " entr" + (seq - lastSeq - 1 == 1 ? "y" : "ies") + " deleted"
                  : "entry " + seq + " follows entry " + lastSeq + ": entries reordered or duplicated"));
            } else if (!e.prev().equals(lastHash)) {
              add(problems, where + "does not follow the entry before it (an entry was replaced)");
            }
          } catch (LedgerFormatException e) {
            add(problems, where + e.getMessage());
            Matcher s = CLAIMED_SEQ.matcher(line);
            Matcher h = CLAIMED_HASH.matcher(line);
            seq = s.find() ? Long.parseLong(s.group(1)) : lastSeq + 1;
            hash = h.find() ? h.group(1) : LedgerLine.sha256Hex(line);
            if (lastHash == null) {
              firstSeq = seq;
            }
          }
          lastSeq = seq;
          lastHash = hash;
          if (head != null && seq == head.seq()) {
            hashAtHead = hash;
          }
        }
      }
    }
    checkHead(head, lastSeq, lastHash, hashAtHead, problems);
    return new LedgerVerification(entries, names, firstSeq, lastSeq, rotatedAway, problems);
  }

  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  private record Head(long seq, String hash) {}

  /** The head file, or null when it is absent or unreadable (the latter recorded as a problem). */
  private static Head readHead(Path dir, List<String> problems) {
    Path head = dir.resolve(LedgerFiles.HEAD);
    if (!Files.exists(head)) {
      return null;
    }
    try {
      JsonNode node = new ObjectMapper().readTree(Files.readString(head, StandardCharsets.US_ASCII));
      return new Head(node.path("seq").asLong(-1), node.path("hash").asText(""));
    } catch (IOException e) {
      add(problems, LedgerFiles.HEAD + ": unreadable");
      return new Head(-1, "");
    }
  }

  private static void checkHead(Head head, long lastSeq, String lastHash, String hashAtHead, List<String> problems) {
    if (head == null) {
      if (lastHash != null) {
        add(problems, LedgerFiles.HEAD + ": missing; entries at the end may have been removed");
      }
      return;
    }
    if (head.seq() < 0) {
      return; // unreadable, already recorded
    }
    if (head.seq() > lastSeq) {
      long n = head.seq() - lastSeq;
      add(problems, LedgerFiles.HEAD + ": records entry " + head.seq() + " but the ledger ends at entry " + lastSeq
          + ": " + n + " entr" + (n == 1 ? "y" : "ies") + " at the end deleted");
    } else if (!head.hash().equals(hashAtHead)) {
      add(problems, LedgerFiles.HEAD + ": does not match entry " + head.seq() + " of the ledger");
    }
  }

  private static void add(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }
}
