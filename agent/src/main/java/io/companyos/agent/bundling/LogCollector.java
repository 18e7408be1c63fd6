package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.ContentKind;
import io.companyos.agent.bundle.SeekableContentOpener;
import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.bundle.TextContent;
import io.companyos.agent.bundle.manifest.TimeWindow;
import io.companyos.agent.collectors.logs.LogFile;
import io.companyos.agent.collectors.logs.LogFiles;
import io.companyos.agent.collectors.logs.LogFormat;
import io.companyos.agent.collectors.logs.LogSource;
import io.companyos.agent.collectors.logs.TailWindow;
import io.companyos.agent.config.LogSourceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code logs/<service>/…}: the files of one log source, each from the first line inside the {@code --since} window
 * (found by {@link TailWindow}'s binary search) to its end. Files last modified before the window are left out. A
 * file modified inside the window in which no timestamp is recognised is taken whole (the writer's per-file cap keeps
 * its newest part). File names pass through the redactor: a log named after a customer host keeps its place but not
 * its name.
 */
final class LogCollector implements BundleCollector {
  private final LogSourceConfig config;
  private final TimeWindow window;
  private final UnaryOperator<String> redactName;
  /**
   * The window's start is searched in the whole file (a binary search: a few small reads per step, whatever the
   * size); what a bundle keeps of a large file is the writer's per-file cap, which lists the cut in the manifest.
   * TailWindow's own default bound (the last 256 MiB) would drop the start of a larger file without a word.
   */
  private final TailWindow tail = TailWindow.builder().maxBytes(Long.MAX_VALUE).build();

  LogCollector(LogSourceConfig config, TimeWindow window, UnaryOperator<String> redactName) {
    this.config = config;
    this.window = window;
    this.redactName = redactName;
  }

  @Override
  public String name() {
    return "logs:" + config.service();
  }

  @Override
  public String category() {
    return "logs";
  }

  @Override
  public Collected collect() throws IOException {
    String glob = Path.of(config.path()).toAbsolutePath().normalize().toString();
    LogSource source = new LogSource(glob, config.service(), LogFormat.parse(config.format()));
    Path base = Path.of(literalPrefix(glob));
    String service = SafeNames.segment(redactName.apply(config.service()));
    List<BundleSource> sources = new ArrayList<>();
    int older = 0;
    int empty = 0;
    LogFiles.Scan scan = new LogFiles().scan(source);
    java.util.Set<Path> listed = new java.util.HashSet<>();
    scan.files().forEach(f -> listed.add(f.path()));
    for (LogFile file : scan.files()) {
      if (file.modified().isBefore(window.from())) {
        older++;
        continue;
      }
      Path name = file.path();
      String compression = null;
      boolean plain;
      try (InputStream in = open(file.path(), 0)) { // (a FIFO put there since the listing is refused, not waited on)
        TextContent.Opened opened = TextContent.open(in);
        opened.text().close();
        compression = opened.compression();
        plain = opened.plain();
      } catch (IOException e) {
        plain = false; // not text, or unreadable: the writer finds out again and records why it left it out
      }
      if (compression != null) {
        // a rotated log's decompressed text, under its name without .gz (unless a file of this source has that name)
        Path stripped = file.path().resolveSibling(TextContent.withoutCompressionSuffix(
            file.path().getFileName().toString()));
        name = listed.contains(stripped) ? name : stripped;
      }
      // the window's start is found in a plain file's bytes; a compressed or UTF-16 file is taken from its start
      long start = plain ? tail.startOffset(file.path(), window.from()) : 0;
      if (start >= file.size()) {
        start = 0; // modified in the window, yet no timestamped line in it: no recognisable timestamps
      }
      if (file.size() == 0) {
        empty++;
        continue;
      }
      long from = start;
      Path path = file.path();
      sources.add(new BundleSource("logs/" + service + "/" + bundlePath(base.relativize(name)), ContentKind.TEXT,
          SourcePriority.LOGS, file.size() - from, file.modified(),
          (SeekableContentOpener) offset -> open(path, from + offset)));
    }
    // skipped matches by reason only: their names are the customer's
    String skipped = scan.skipped().stream().map(s -> s.reason()).distinct().sorted()
        .map(reason -> scan.skipped().stream().filter(s -> s.reason().equals(reason)).count() + " skipped (" + reason
            + ")").collect(java.util.stream.Collectors.joining(", "));
    return new Collected(sources, sources.size() + " files" + (older > 0 ? ", " + older + " older than the window"
        : "") + (empty > 0 ? ", " + empty + " empty" : "") + (skipped.isEmpty() ? "" : ", " + skipped));
  }

  private String bundlePath(Path relative) {
    List<String> segments = new ArrayList<>();
    for (Path segment : relative) {
      segments.add(SafeNames.segment(redactName.apply(segment.toString())));
    }
    return String.join("/", segments);
  }

  private static InputStream open(Path file, long from) throws IOException {
    // replaced since it was listed: a FIFO would block this open until a writer comes, a directory cannot be read
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw java.nio.file.Files.exists(file) ? new java.nio.file.FileSystemException(file.toString(), null,
          "not a regular file") : new java.nio.file.NoSuchFileException(file.toString());
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(from);
    return Channels.newInputStream(channel);
  }

  /** The directory part of the glob before the first segment with a wildcard. */
  static String literalPrefix(String glob) {
    int wildcard = -1;
    for (int i = 0; i < glob.length() && wildcard < 0; i++) {
      if ("*?[{\\".indexOf(glob.charAt(i)) >= 0) {
        wildcard = i;
      }
    }
    int slash = glob.lastIndexOf('/', wildcard < 0 ? glob.length() - 1 : wildcard);
    return slash <= 0 ? "/" : glob.substring(0, slash);
  }
}
