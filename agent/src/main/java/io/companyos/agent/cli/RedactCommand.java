package io.companyos.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.agent.bundle.NotTextException;
import io.companyos.agent.bundle.TextContent;
import io.companyos.agent.bundle.WriteBehindOutput;
import io.companyos.agent.bundling.BundleRedactor;
import io.companyos.agent.bundling.ConfiguredRedactor;
import io.companyos.agent.config.AgentConfig;
import io.companyos.agent.config.ConfigException;
import io.companyos.agent.daemon.StateDirectoryException;
import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.RedactionCounter;
import io.companyos.agent.redaction.RedactionException;
import io.companyos.agent.redaction.RedactionReport;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.RevealLog;
import io.companyos.agent.redaction.StructuredFormat;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code agent redact}: what the agent does to text, for admins to see and for benchmarks. Redacts stdin to stdout,
 * or the named files to stdout (one after the other) or, with {@code --out-dir}, each into DIR under its own name,
 * several at once. A file that cannot be redacted is withheld (no partial output is left) and the exit status is 1.
 * Interrupted (Ctrl-C, SIGTERM), {@code --out-dir} removes the temporary files of what it had not finished.
 * A reader that closes standard output early ({@code | head}) ends the command quietly with status 0; any other
 * failed write to it is an error naming standard output.
 * {@code --reveal} looks pseudonym tokens up in the local reverse map of the state directory.
 */
@Command(name = "redact",
    description = {"Redact files (or stdin) with the configured rules, to stdout or into --out-dir.",
        "With --reveal, print the original values of pseudonym tokens (only on this installation)."})
final class RedactCommand implements Callable<Integer> {
  /** The pseudonym key's file in the state directory; the same file the bundle writer uses. */
  static final String PSEUDONYM_KEY_FILE = ConfiguredRedactor.PSEUDONYM_KEY_FILE;
  /** Where {@code --reveal} sends a customer who asks for a value of a type that is never kept. */
  static final String NEVER_KEPT_DOCS = "docs/redaction.md#what-the-reverse-map-keeps";


  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Write the redaction counts per file as JSON")
  Path report;

  @Option(names = "--out-dir", paramLabel = "DIR", description = "Write each FILE redacted into DIR (same name)")
  Path outDir;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = {"How each input is read: text (the default: the line scan, as a bundle's logs), auto (by each"
          + " file's name, as a bundle's configFiles: .json, .har and .tfstate as JSON, .yaml and .yml as YAML,"
          + " .properties, .env, .pgpass; any other name as text), or json, yaml, properties, env or pgpass for every"
          + " input. A document that does not parse in its format is withheld"})
  String format = "text";

  /** {@link #format} checked: {@code auto}, or the one format of every input ({@code null}: text). */
  private boolean autoFormat;
  private StructuredFormat fixedFormat;

  @Option(names = "--threads", paramLabel = "N",
      description = "Files redacted at once with --out-dir (default: the number of processors)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--reveal", arity = "1..*", paramLabel = "TOKEN",
      description = {"Print the original value of each token, e.g. '<email:5f2c9a1e>' or email:5f2c9a1e, from the"
          + " local reverse map; '--reveal -' reveals every token in the text on stdin. Only addresses, hosts, users,"
          + " names, phones and keywords are kept: never secrets, card numbers, IBANs, SSNs or custom rules' values"})
  List<String> reveal;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to redact (default: stdin)")
  List<Path> files = new ArrayList<>();

  /** Whether stderr (the progress line's), stdout and stdin are terminals; fields so that a test can stand in. */
  java.util.function.BooleanSupplier progressTerminal = () -> Terminal.isTerminal(2);
  java.util.function.BooleanSupplier stdoutTerminal = () -> Terminal.isTerminal(1);
  java.util.function.BooleanSupplier stdinTerminal = () -> Terminal.isTerminal(0);

  private RedactProgress progress;

  /** Why each withheld file failed, for its line on stderr. */
  private final Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

  private final InputStream stdin;
  private final OutputStream stdout;

  RedactCommand() {
    this(new FileInputStream(FileDescriptor.in), StandardOutput.process());
  }

  RedactCommand(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = StandardOutput.of(stdout);
  }

  @Override
  public Integer call() throws ConfigException, IOException, UsageException, StateDirectoryException {
    common.applyLogging();
    AgentConfig config = common.loadConfig();
    if (reveal != null) {
      return reveal(config);
    }
    checkArguments();
    RedactionReport.Builder results = RedactionReport.builder();
    long start = System.nanoTime();
    Path stateDir = config.stateDir();
    RevealLog opened;
    PseudonymKey key;
    try {
      opened = RevealLog.open(stateDir);
    } catch (IOException e) {
      throw unusable(stateDir, e);
    }
    try (RevealLog revealLog = opened) {
      try {
        key = PseudonymKey.loadOrCreate(stateDir.resolve(PSEUDONYM_KEY_FILE));
      } catch (IOException e) {
        throw unusable(stateDir, e);
      }
      Redactor redactor = config.redaction().applyTo(Redactor.builder())
          .pseudonymKey(key)
          .revealLog(revealLog)
          .build();
      // progress on a terminal for files, unless the redacted text goes to that same terminal
      progress = new RedactProgress(files);
      boolean showProgress = !files.isEmpty() && progressTerminal.getAsBoolean()
          && (outDir != null || !stdoutTerminal.getAsBoolean());
      try (ProgressLine line = ProgressLine.start(progress::render, spec.commandLine().getErr(), showProgress)) {
        if (outDir != null) {
          Files.createDirectories(outDir);
          intoDirectory(redactor, results);
        } else {
          try {
            toStdout(redactor, results);
          } catch (IOException | RuntimeException e) {
            if (!StandardOutput.readerGone(e)) {
              throw e;
            }
            // `agent redact big.log | head -1`: the reader has what it wanted; stop quietly, as Unix tools do (no
            // report: its counts would cover only what was read)
            return ExitCodes.OK;
          }
        }
      }
    }
    RedactionReport done = results.build();
    PrintWriter err = spec.commandLine().getErr();
    for (RedactionReport.Source source : done.sources()) {
      if (source.withheld()) {
        // one line per file, else --out-dir failed silently with exit 1
        err.println("error: " + source.source() + " withheld, nothing written for it ("
            + failures.getOrDefault(source.source(), source.reason()) + ")");
      }
    }
    err.flush();
    if (report != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), done);
    }
    summarize(done, System.nanoTime() - start);
    return done.sources().stream().anyMatch(RedactionReport.Source::withheld) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void checkArguments() throws UsageException {
    if (outDir != null && files.isEmpty()) {
      throw new UsageException("--out-dir needs FILE arguments (stdin goes to stdout)");
    }
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    String name = format.toLowerCase(Locale.ROOT);
    autoFormat = name.equals("auto");
    if (!autoFormat && !name.equals("text")) {
      fixedFormat = Arrays.stream(StructuredFormat.values())
          .filter(v -> v != StructuredFormat.URL_QUERY && v.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new UsageException("--format must be one of text, auto, json, yaml, properties, env,"
              + " pgpass; got '" + format + "'"));
    }
    // refused before any work, with the option's name: these failed after it, as 'error: PATH' and exit 1
    if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new UsageException("--out-dir " + outDir + " is not a directory");
    }
    if (report != null && Files.isDirectory(report)) {
      throw new UsageException("--report " + report + " is a directory; give a file name");
    }
    if (report != null && report.toAbsolutePath().getParent() != null
        && !Files.isDirectory(report.toAbsolutePath().getParent())) {
      throw new UsageException("--report " + report + ": directory " + report.toAbsolutePath().getParent()
          + " does not exist");
    }
    Set<Path> names = new HashSet<>();
    for (Path f : files) {
      // not only regular files: a named pipe or /dev/stdin is what `agent redact <(zcat app.log.gz)` passes
      if (Files.isDirectory(f) || !Files.isReadable(f)) {
        throw new UsageException("not a readable file: " + f);
      }
      // (a compressed input's text is written under its name without .gz: `a.log` and `a.log.gz` would meet)
      if (outDir != null && !names.add(Path.of(TextContent.withoutCompressionSuffix(f.getFileName().toString())))) {
        throw new UsageException("two files named " + f.getFileName() + " would overwrite each other in --out-dir");
      }
      // the original is the evidence: its redacted copy never replaces it (`--out-dir .` beside the logs did, silently)
      if (outDir != null && inDirectory(f, outDir)) {
        throw new UsageException("--out-dir " + outDir + " holds the input " + f
            + ": its redacted copy would replace it; choose another directory");
      }
      if (report != null && sameFile(report, f)) {
        throw new UsageException("--report " + report + " is an input file; give another name");
      }
    }
  }

  /**
   * Whether {@code f}'s own directory entry is in {@code dir}, by any name of it: its copy would be renamed over it (a
   * link to {@code f} there is only replaced, its target kept).
   */
  private static boolean inDirectory(Path f, Path dir) {
    Path parent = f.toAbsolutePath().getParent();
    return parent != null && sameFile(dir, parent);
  }

  /** Whether {@code a} exists and is {@code b} (through links too). */
  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private void toStdout(Redactor redactor, RedactionReport.Builder results) throws IOException {
    WriteBehindOutput out = new WriteBehindOutput(stdout, "redact-writer");
    try {
      if (files.isEmpty()) {
        if (stdinTerminal.getAsBoolean()) {
          // `agent redact` typed alone waited silently for input
          spec.commandLine().getErr().println("redact: reading standard input; end it with Ctrl-D");
          spec.commandLine().getErr().flush();
        }
        try (InputStream in = new ReadAheadInputStream(stdin, "redact-reader")) {
          redactOne(redactor, fixedFormat, in, out, "-", results);
        }
      } else {
        for (Path f : files) {
          try (InputStream in = readAhead(Files.newInputStream(f))) {
            redactOne(redactor, formatOf(f), in, out, f.toString(), results);
            progress.fileDone();
          } catch (IOException e) {
            if (e instanceof StandardOutput.WriteFailed || StandardOutput.readerGone(e)) {
              throw e;
            }
            // it said 'error: Input/output error' (or only the path, for an AccessDeniedException): which file?
            throw new IOException("cannot read " + f + " (" + reason(e, f) + ")", e);
          }
        }
      }
      out.close();
      stdout.flush();
    } finally {
      out.stop();
    }
  }

  /**
   * A file read ahead on a thread of its own, counted for the progress line as it is read. With the output's
   * {@link WriteBehindOutput}, the redacting thread does not wait in the kernel's read(2) and write(2): one
   * 256 MiB file into a file, ~4 % less wall time and ~0.08 CPU-s less on the redacting thread (docs/benchmarks.md,
   * session 15).
   */
  private InputStream readAhead(InputStream file) {
    return new ReadAheadInputStream(progress.counting(file), "redact-reader");
  }

  /** The format {@code --format} gives this file ({@code null}: text). */
  private StructuredFormat formatOf(Path file) {
    return autoFormat ? BundleRedactor.configFileFormat(file.getFileName().toString()) : fixedFormat;
  }

  private void redactOne(Redactor redactor, StructuredFormat format, InputStream raw, WriteBehindOutput out,
      String source, RedactionReport.Builder results) throws IOException {
    RedactionCounter counter = new RedactionCounter();
    TextContent.Opened opened = openText(raw, source, results);
    if (opened == null) {
      return;
    }
    InputStream in = opened.text();
    try {
      if (format == null) {
        redactor.redactToBuffered(in, out, counter);
      } else {
        redactStructured(redactor, format, in, out, counter);
      }
      results.add(source, counter);
    } catch (RedactionException e) {
      results.withheld(source, e.getClass().getSimpleName());
      // (its message holds a reason and a line number, never the text: the file's name says which input it was)
      throw "-".equals(source) ? e : new RedactionException(source + ": " + e.getMessage(), e);
    }
  }

  private void intoDirectory(Redactor redactor, RedactionReport.Builder results) throws IOException {
    int workers = Math.min(threads, files.size());
    // reads and writes on threads of their own only where a core is left for them: with every core redacting they
    // would only take turns with the redacting threads
    boolean ioThreads = workers < Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    try (PartialFiles partials = PartialFiles.arm(spec.commandLine().getErr())) {
      List<Future<?>> jobs = new ArrayList<>();
      for (Path f : files) {
        jobs.add(pool.submit(() -> intoFile(redactor, f, results, partials, ioThreads)));
      }
      for (Future<?> job : jobs) {
        try {
          job.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("redaction worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Writes to a temporary name and renames it when complete; on any failure nothing is left and the file is withheld. */
  private void intoFile(Redactor redactor, Path file, RedactionReport.Builder results, PartialFiles partials,
      boolean ioThreads) {
    Path target = outDir.resolve(file.getFileName());
    Path partial = outDir.resolve("." + file.getFileName() + ".partial");
    RedactionCounter counter = new RedactionCounter();
    try {
      if (!partials.add(partial)) {
        throw new IOException("interrupted");
      }
      try (InputStream read = Files.newInputStream(file);
          InputStream raw = ioThreads ? readAhead(read) : progress.counting(read);
          OutputStream written = Files.newOutputStream(partial)) {
        TextContent.Opened opened = openText(raw, file.toString(), results);
        if (opened == null) {
          Files.deleteIfExists(partial);
          partials.removed(partial);
          return;
        }
        InputStream in = opened.text();
        if (opened.compression() != null) {
          // decompressed text is no longer .gz: named as gunzip names it
          target = outDir.resolve(TextContent.withoutCompressionSuffix(file.getFileName().toString()));
        }
        StructuredFormat structured = formatOf(file);
        if (structured != null) {
          redactStructured(redactor, structured, in, written, counter);
        } else if (ioThreads) {
          WriteBehindOutput out = new WriteBehindOutput(written, "redact-writer");
          try {
            redactor.redactToBuffered(in, out, counter);
            out.close();
          } finally {
            out.stop();
          }
        } else {
          redactor.redact(in, written, counter);
        }
      }
      partials.moveIntoPlace(partial, target);
      progress.fileDone();
      results.add(file.toString(), counter);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
        partials.removed(partial);
      } catch (IOException ignored) {
        // the withheld entry below is what matters; a stray partial file has only redacted bytes
      }
      results.withheld(file.toString(), e.getClass().getSimpleName());
      failures.put(file.toString(), reason(e));
    }
  }

  /**
   * {@code raw} opened as the text to redact, as a bundle reads it ({@link TextContent}): decompressed, or UTF-16
   * transcoded to UTF-8, with a note on stderr saying so. {@code null} when it is not text (binary, an archive):
   * recorded as withheld with what it is.
   */
  private TextContent.Opened openText(InputStream raw, String source, RedactionReport.Builder results)
      throws IOException {
    TextContent.Opened opened;
    try {
      opened = TextContent.open(raw);
    } catch (NotTextException e) {
      results.withheld(source, e.getClass().getSimpleName());
      failures.put(source, "not redactable text: " + e.getMessage());
      return null;
    }
    if (opened.plain()) {
      return opened;
    }
    PrintWriter err = spec.commandLine().getErr();
    String how = opened.compression() == null ? "as UTF-8"
        : opened.charset().equals(StandardCharsets.UTF_8) ? "decompressed" : "decompressed as UTF-8";
    err.println("redact: " + ("-".equals(source) ? "standard input" : source) + ": " + opened.description()
        + ", written " + how);
    err.flush();
    return opened;
  }

  /**
   * A document redacted by key as well as by value, as a bundle redacts its configuration files (UTF-8; a malformed
   * byte becomes U+FFFD, as there); a {@link RedactionException} if it does not parse.
   */
  private static void redactStructured(Redactor redactor, StructuredFormat format, InputStream in, OutputStream out,
      RedactionCounter counter) throws IOException {
    InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    redactor.redactStructured(format, reader, writer, counter);
    writer.flush();
  }

  /**
   * The state directory (pseudonym key, reverse map) cannot be used: exit 2 naming it, as run and export-bundle say;
   * redact said only 'error: PATH', exit 1.
   */
  private static StateDirectoryException unusable(Path stateDir, IOException e) {
    String why = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getClass().getSimpleName();
    return new StateDirectoryException("cannot use state directory " + stateDir + " (" + why + ")");
  }

  /** A read failure's reason without repeating the file's path. */
  private static String reason(IOException e, Path file) {
    if (e instanceof java.nio.file.FileSystemException fse) {
      return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
    }
    return e.getMessage() != null && !e.getMessage().contains(file.toString()) ? e.getMessage()
        : e.getClass().getSimpleName();
  }

  /** Why a file was withheld: the exception's class and, for I/O and redaction failures, its message (paths and
   *  error texts, never the text being redacted). */
  private static String reason(Exception e) {
    String name = e.getClass().getSimpleName();
    return (e instanceof IOException || e instanceof RedactionException) && e.getMessage() != null
        ? name + ": " + e.getMessage() : name;
  }

  private Integer reveal(AgentConfig config) throws IOException, UsageException {
    Path stateDir = config.stateDir();
    Set<String> tokens = new LinkedHashSet<>();
    if (reveal.equals(List.of("-"))) {
      tokens.addAll(PseudonymTokens.in(stdin));
      if (tokens.isEmpty()) {
        throw new UsageException("--reveal -: no pseudonym token (<label:8 hex digits>) in the standard input");
      }
    } else {
      for (String arg : reveal) {
        tokens.add(PseudonymTokens.parse(arg));
      }
    }
    // the values of credentials, card numbers, IBANs, SSNs and custom rules are never kept: said as such, not looked up
    Map<String, String> neverKept = new HashMap<>();
    for (String t : tokens) {
      String answer = neverKeptAnswer(t.substring(1, t.indexOf(':')), config);
      if (answer != null) {
        neverKept.put(t, answer);
      }
    }
    Map<String, List<String>> found;
    if (neverKept.size() == tokens.size()) {
      found = Map.of();
    } else if (!Files.exists(stateDir.resolve(RevealLog.FILE_NAME))) {
      throw new UsageException("no pseudonym reverse map in " + stateDir + " (nothing was redacted here yet)");
    } else {
      found = RevealLog.lookup(stateDir, tokens);
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean all = true;
    for (String t : tokens) {
      List<String> values = found.getOrDefault(t, List.of());
      all &= !values.isEmpty();
      out.println(t + "\t" + (neverKept.containsKey(t) ? neverKept.get(t)
          : values.isEmpty() ? "(unknown on this installation)" : String.join("\t", values)));
    }
    out.flush();
    return all ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * What {@code --reveal} prints for a token labelled {@code label} whose type the reverse map never keeps (a built-in
   * detector's or a configured rule's); null when the map may hold it or the label is unknown.
   */
  private static String neverKeptAnswer(String label, AgentConfig config) {
    if (RevealLog.keeps(label)) {
      return null;
    }
    if (Arrays.stream(DetectorType.values()).anyMatch(d -> d.label().equals(label))) {
      return "(" + label + " values are never kept on this installation; see " + NEVER_KEPT_DOCS + ")";
    }
    if (config.redaction().rules().stream().anyMatch(r -> r.name().equals(label))) {
      return "(values of custom rule " + label + " are never kept on this installation; see " + NEVER_KEPT_DOCS + ")";
    }
    return null;
  }

  private void summarize(RedactionReport done, long nanos) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    if (System.console() == null && !common.verbose) {
      return;
    }
    double secs = nanos / 1e9;
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "redacted %d of %d sources, %.1f MiB in %.2f s (%.1f MiB/s); %s%n",
        done.sources().stream().filter(s -> !s.withheld()).count(), done.sources().size(), bytes / 1048576.0, secs,
        bytes / 1048576.0 / secs, done.totals());
    err.flush();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "redact-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
