package io.companyos.agent.collectors.snapshot;

import io.companyos.agent.collectors.files.FileGlob;
import io.companyos.agent.collectors.files.FoundFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CompanyOS configuration files to put in a bundle ({@code configFiles: [globs]}): every
 * readable regular file the globs match, at most {@code maxFileBytes} each. What is left out is
 * listed with the reason, for the bundle manifest.
 */
public final class ConfigFiles {

  /** Default per-file limit: configuration files are small; anything larger is probably not one. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

  private final List<String> globs;
  private final long maxFileBytes;
  private final FileGlob fileGlob = new FileGlob();

  public ConfigFiles(List<String> globs, long maxFileBytes) {
    this.globs = List.copyOf(globs);
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
    this.maxFileBytes = maxFileBytes;
  }

  /** The files and omissions now; a file matched by two globs is listed once. */
  public Selection collect() {
    Map<String, FoundFile> files = new LinkedHashMap<>();
    List<Omission> omitted = new ArrayList<>();
    for (String glob : globs) {
      List<FoundFile> found = fileGlob.find(glob);
      if (found.isEmpty()) {
        omitted.add(new Omission(glob, "no file matches"));
      }
      for (FoundFile file : found) {
        if (file.size() > maxFileBytes) {
          omitted.add(new Omission(file.path().toString(),
              "larger than " + maxFileBytes + " bytes (" + file.size() + ")"));
        } else if (!Files.isReadable(file.path())) {
          omitted.add(new Omission(file.path().toString(), "not readable by the agent"));
        } else {
          files.putIfAbsent(file.path().toString(), file);
        }
      }
    }
    return new Selection(List.copyOf(files.values()), omitted);
  }

  /**
   * The outcome of {@link #collect()}.
   *
   * @param files files to include, in glob then path order
   * @param omitted what was matched (or not) but is left out, with the reason
   */
  public record Selection(List<FoundFile> files, List<Omission> omitted) {
    public Selection {
      files = List.copyOf(files);
      omitted = List.copyOf(omitted);
    }
  }

  /**
   * A file or glob left out of the bundle.
   *
   * @param what the file path, or the glob when nothing matched
   * @param reason why
   */
  public record Omission(String what, String reason) {
    public Omission {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
