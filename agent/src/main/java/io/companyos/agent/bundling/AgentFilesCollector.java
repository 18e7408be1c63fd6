package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.SourcePriority;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agent/}: the agent's own records from the state directory: the egress ledger ({@code egress-ledger.jsonl}
 * and its rotated files), which shows everything the agent ever sent. The agent logs to stderr only, so there are no
 * agent log files to add; the container runtime keeps those.
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
    List<BundleSource> sources = new ArrayList<>();
    if (Files.isDirectory(stateDir)) {
      try (DirectoryStream<Path> ledger = Files.newDirectoryStream(stateDir, "egress-ledger*.jsonl")) {
        for (Path file : ledger) {
          if (Files.isRegularFile(file)) {
            sources.add(BundleSource.textFile("agent/" + file.getFileName(), file, SourcePriority.AGENT));
          }
        }
      }
    }
    return new Collected(sources, sources.isEmpty() ? "no egress ledger" : sources.size() + " ledger files");
  }
}
