package io.companyos.agent.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An installation to export from: a config whose every collected source carries planted secrets (a log file, a config
 * value, a scraped metric label, a probe cause), a local Prometheus endpoint, and the command line to run.
 */
final class BundleFixture implements AutoCloseable {
  static final String KEYWORD = "globex-secret";
  static final String EMAIL = "jane.doe@globex.example";
  static final String PASSWORD = "Hunter2-Planted!";
  static final String AWS_KEY = "AKIAQWERTYUIOPLANTED";
  static final List<String> PLANTED = List.of(KEYWORD, EMAIL, PASSWORD, AWS_KEY);
  static final Path DEMO_SECRET_KEY = Path.of("../examples/demo-vendor-key/demo-vendor.sec.asc");

  final Path dir;
  final Path config;
  final Path bundles;
  final HttpServer metrics;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  BundleFixture(Path dir) throws IOException {
    this.dir = dir;
    this.bundles = dir.resolve("bundles");
    Path logDir = dir.resolve("logs").resolve(KEYWORD + "-app");
    Files.createDirectories(logDir);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(logDir.resolve("app.log"), String.join("\n",
        now + " INFO login ok for " + EMAIL + " from the web client",
        now + " WARN db connect with password=" + PASSWORD + " failed",
        now + " DEBUG using key " + AWS_KEY + " for the " + KEYWORD + " bucket",
        "") );
    metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.createContext("/metrics", exchange -> {
      byte[] body = ("# TYPE http_requests_total counter\n"
          + "http_requests_total{user=\"" + EMAIL + "\",path=\"/api\"} 3\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    });
    metrics.start();
    config = dir.resolve("agent.yaml");
    Files.writeString(config, String.join("\n",
        "stateDir: " + dir.resolve("state"),
        "installation: { cluster: test, node: node-1 }",
        "probes:",
        "  - { name: db, type: tcp, host: db01." + KEYWORD + ".internal, port: 5432, timeout: 2s }",
        "logs:",
        "  - { path: \"" + dir.resolve("logs") + "/*/*.log\", service: api }",
        "scrapes:",
        "  - { name: core, url: \"http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics\", allow: [\"http_*\"] }",
        "redaction:",
        "  keywords: [" + KEYWORD + "]",
        "bundle:",
        "  outputDir: " + bundles,
        ""));
  }

  int run(String... args) {
    return run(null, args);
  }

  private int run(OutputStream stdout, String... args) {
    var cl = AgentCommand.commandLine();
    ((ExportBundleCommand) cl.getSubcommands().get("export-bundle").getCommand()).stdout = stdout;
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** {@code export-bundle --config <fixture> ARGS…}. */
  int export(String... args) {
    List<String> all = new ArrayList<>(List.of("export-bundle", "--config", config.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  /** {@code export-bundle --config <fixture> --out - ARGS…} with the bundle's bytes going to {@code stdout}. */
  int exportTo(OutputStream stdout, String... args) {
    List<String> all = new ArrayList<>(List.of("export-bundle", "--config", config.toString()));
    all.addAll(List.of(args));
    return run(stdout, all.toArray(String[]::new));
  }

  Path onlyBundle() throws IOException {
    try (Stream<Path> files = Files.list(bundles)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".tar.zst.pgp")).toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one bundle in " + bundles + ", found " + found);
      }
      return found.get(0);
    }
  }

  /**
   * 64 MiB of barely compressible log lines (a timestamp of now, 48 random bytes in hex): seconds of redaction,
   * sealing or extraction on one processor, and far more than a pipe holds.
   */
  static void writeNoiseLog(Path file) throws IOException {
    java.util.Random random = new java.util.Random(7);
    byte[] noise = new byte[48];
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long written = 0; written < 64L << 20; ) {
        random.nextBytes(noise);
        String line = now + " INFO request " + java.util.HexFormat.of().formatHex(noise) + " done\n";
        w.write(line);
        written += line.length();
      }
    }
  }

  /** Every extracted file's text, for searching. */
  static String allText(Path extracted) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(extracted)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        text.append("== ").append(extracted.relativize(file)).append('\n')
            .append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    metrics.stop(0);
  }
}
