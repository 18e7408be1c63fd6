package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.daemon.AgentLogFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agent/}: the agent's own records from the state directory: the egress ledger ({@code egress-ledger.jsonl}
 * and its rotated files), which shows everything the agent ever sent, and the daemon's own log
 * ({@code logs/agent*.log}, see {@link AgentLogFile}) under {@code agent/logs/}.
 */
final class AgentFilesCollector implements BundleCollector {
  private final Path stateDir;

  AgentFilesCollector(Path stateDir) {
    this.stateDir = stateDir;
  }

  @Override
  public String name() {
    return "agent";
  }

  @Override
  public String category() {
    return "agent";
  }

  @Override
  public Collected collect() throws IOException {
    List<BundleSource> ledger = files(stateDir, "egress-ledger*.jsonl", "agent/");
    List<BundleSource> logs = files(stateDir.resolve(AgentLogFile.DIR), AgentLogFile.GLOB, "agent/logs/");
    List<BundleSource> sources = new ArrayList<>(ledger);
    sources.addAll(logs);
    return new Collected(sources, (ledger.isEmpty() ? "no egress ledger" : ledger.size() + " ledger files") + ", "
        + (logs.isEmpty() ? "no agent log" : logs.size() + " log files"));
  }

  private static List<BundleSource> files(Path dir, String glob, String prefix) throws IOException {
    List<BundleSource> sources = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
        for (Path file : found) {
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            sources.add(BundleSource.textFile(prefix + file.getFileName(), file, SourcePriority.AGENT));
          }
        }
      }
    }
    return sources;
  }
}
