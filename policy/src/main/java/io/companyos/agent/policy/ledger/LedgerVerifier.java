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
 * and the next sequence number (no deletion, no reordering), and the last entry is the one the head file records (no
 * removal at the end). Streams the files; reports at most {@value #MAX_PROBLEMS} problems.
 */
public final class LedgerVerifier {
  static final int MAX_PROBLEMS = 20;
  private static final Pattern CLAIMED_HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
  private static final Pattern CLAIMED_SEQ = Pattern.compile("^\\{\"seq\":(\\d{1,18}),");

  private LedgerVerifier() {}

  public static LedgerVerification verify(Path dir) throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long entries = 0;
    long firstSeq = 0;
    long lastSeq = 0;
    String lastHash = null;
    boolean rotatedAway = false;
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
        }
      }
    }
    checkHead(dir, lastSeq, lastHash, problems);
    return new LedgerVerification(entries, names, firstSeq, lastSeq, rotatedAway, problems);
  }

  private static void checkHead(Path dir, long lastSeq, String lastHash, List<String> problems) throws IOException {
    Path head = dir.resolve(LedgerFiles.HEAD);
    if (!Files.exists(head)) {
      if (lastHash != null) {
        add(problems, LedgerFiles.HEAD + ": missing; entries at the end may have been removed");
      }
      return;
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(Files.readString(head, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      add(problems, LedgerFiles.HEAD + ": unreadable");
      return;
    }
    long seq = node.path("seq").asLong(-1);
    String hash = node.path("hash").asText("");
    if (seq > lastSeq) {
      long n = seq - lastSeq;
      add(problems, LedgerFiles.HEAD + ": records entry " + seq + " but the ledger ends at entry " + lastSeq + ": "
          + n + " entr" + (n == 1 ? "y" : "ies") + " at the end deleted");
    } else if (seq < lastSeq || !hash.equals(lastHash)) {
      add(problems, LedgerFiles.HEAD + ": does not match the last entry (entry " + lastSeq + ")");
    }
  }

  private static void add(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }
}
