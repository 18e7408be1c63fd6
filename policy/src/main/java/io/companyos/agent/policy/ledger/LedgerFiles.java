package io.companyos.agent.policy.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names of the ledger files in the state directory: the current file and its numbered rotations. */
public final class LedgerFiles {
  /** The current ledger file. */
  public static final String CURRENT = "egress-ledger.jsonl";
  /** The last entry's sequence number and hash, so that removing entries at the end is detected too. */
  public static final String HEAD = "egress-ledger.head";
  private static final Pattern ROTATED = Pattern.compile("egress-ledger\\.(\\d{1,4})\\.jsonl");

  private LedgerFiles() {}

  static Path rotated(Path dir, int n) {
    return dir.resolve("egress-ledger." + n + ".jsonl");
  }

  /**
   * Every ledger file in {@code dir}, oldest first (the highest rotation number first, the current file last); the
   * list a support bundle includes, together with {@link #HEAD}.
   */
  public static List<Path> oldestFirst(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> ROTATED.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(LedgerFiles::number).reversed())
          .forEach(files::add);
    }
    Path current = dir.resolve(CURRENT);
    if (Files.exists(current)) {
      files.add(current);
    }
    return files;
  }

  private static int number(Path p) {
    Matcher m = ROTATED.matcher(p.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }
}
