package io.companyos.agent.bundling;

import io.companyos.agent.bundle.BundleSource;
import io.companyos.agent.bundle.SourcePriority;
import io.companyos.agent.collectors.files.FoundFile;
import io.companyos.agent.collectors.snapshot.ConfigFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code config/files/…}: the CompanyOS configuration files matched by {@code bundle.configFiles}, at most
 * {@link ConfigFiles#DEFAULT_MAX_FILE_BYTES} each, under their absolute path with every segment redacted. The bundle
 * writer redacts YAML, JSON, {@code .properties} and {@code .env} files by key as well as by value (a
 * {@code password:} keeps its key, never its value); a file that does not parse in its format is left out, not sent
 * raw. What the globs matched but left out is in the collector's detail in the manifest.
 */
final class ConfigFilesCollector implements BundleCollector {
  private final List<String> globs;
  private final UnaryOperator<String> redactName;

  ConfigFilesCollector(List<String> globs, UnaryOperator<String> redactName) {
    this.globs = List.copyOf(globs);
    this.redactName = redactName;
  }

  @Override
  public String name() {
    return "config-files";
  }

  @Override
  public String category() {
    return "config";
  }

  @Override
  public Collected collect() throws IOException {
    ConfigFiles.Selection selection = new ConfigFiles(globs, ConfigFiles.DEFAULT_MAX_FILE_BYTES).collect();
    List<BundleSource> sources = new ArrayList<>();
    for (FoundFile file : selection.files()) {
      sources.add(BundleSource.textFile(bundlePath(file.path()), file.path(), SourcePriority.CONFIG));
    }
    List<String> left = new ArrayList<>();
    for (ConfigFiles.Omission omission : selection.omitted()) {
      left.add(omission.what() + " (" + omission.reason() + ")");
    }
    return new Collected(sources, sources.size() + " files"
        + (left.isEmpty() ? "" : "; left out: " + String.join(", ", left)));
  }

  private String bundlePath(Path file) {
    List<String> segments = new ArrayList<>();
    for (Path segment : file.toAbsolutePath().normalize()) {
      segments.add(SafeNames.segment(redactName.apply(segment.toString())));
    }
    return "config/files/" + String.join("/", segments);
  }
}
