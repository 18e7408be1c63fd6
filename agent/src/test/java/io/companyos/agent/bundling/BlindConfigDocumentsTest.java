package io.companyos.agent.bundling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.companyos.agent.config.RedactionConfig;
import io.companyos.agent.redaction.StructuredFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole configuration documents, written blind (before reading the redaction code; see
 * {@code blind-configs/README.md}), through exactly what {@code export-bundle} does to a {@code bundle.configFiles}
 * entry: the installation's {@link BundleRedactor} with the entry's bundle path, which picks the structured path by
 * file name. Each {@code «label|value»} mark must be gone; everything unmarked must come out unchanged (JSON and
 * YAML are re-written by the structured path, so there every scalar is compared, at its line in the document);
 * JSON, YAML and {@code .properties} output must still parse with the same keys. The report names files, lines and
 * labels, never values. The floors are what the code does today: raise them with each fix.
 */
class BlindConfigDocumentsTest {
  private static final Path DOCS = Path.of("src/test/resources/blind-configs");
  private static final Pattern MARK = Pattern.compile("«([a-z0-9_]+)\\|([^»]*)»");
  /** A replacement as the engine writes it, preferred when a mark's slot is matched. */
  private static final String TOKEN = "<[a-z0-9_]+:[0-9a-f]+>";
  /** Labels whose values must not be anywhere in a document's output, not only gone from their own slot. */
  private static final Set<String> CREDENTIALS = Set.of("secret", "token", "aws_secret", "private_key",
      "password_hash", "auth", "jwt");

  /** Per label: marks found (gone from the output) at least. */
  private static final Map<String, Integer> FOUND_FLOOR = Map.ofEntries(
      Map.entry("auth", 1), Map.entry("aws_key", 7), Map.entry("aws_secret", 7), Map.entry("email", 22),
      Map.entry("host", 89), Map.entry("ipv4", 17), Map.entry("ipv6", 1), Map.entry("jwt", 1), Map.entry("name", 4),
      Map.entry("password_hash", 2), Map.entry("phone", 1), Map.entry("private_key", 2), Map.entry("secret", 94),
      Map.entry("token", 13), Map.entry("user", 42));
  /** Per document: marks found at least. */
  private static final Map<String, Integer> FILE_FLOOR = Map.ofEntries(
      Map.entry("ansible/inventory.ini", 18), Map.entry("aws/credentials", 7),
      Map.entry("compose/docker-compose.yml", 23), Map.entry("docker/config.json", 9), Map.entry("env/.env", 17),
      Map.entry("grafana/grafana.ini", 16), Map.entry("helm/values.yaml", 20), Map.entry("home/.netrc", 9),
      Map.entry("home/.pgpass", 12), Map.entry("k8s/companyos-secrets.yaml", 18),
      Map.entry("keycloak/companyos-realm.json", 22), Map.entry("kube/config", 7),
      Map.entry("logback/logback.xml", 10), Map.entry("neo4j/neo4j.conf", 9), Map.entry("nginx/companyos.conf", 11),
      Map.entry("npm/.npmrc", 9), Map.entry("postgres/pg_hba.conf", 8), Map.entry("postgres/postgresql.conf", 5),
      Map.entry("redis/redis.conf", 4), Map.entry("spring/application.properties", 19),
      Map.entry("spring/application.yml", 18), Map.entry("terraform/terraform.tfstate", 6),
      Map.entry("terraform/terraform.tfvars", 10), Map.entry("tomcat/context.xml", 6),
      Map.entry("tomcat/server.xml", 8));
  /**
   * Per document: unmarked lines (or scalars) changed at most; absent: none. All over-redaction: values under a
   * name, user or secret key that no mark claims (a default user, a display name, a credential's type).
   */
  private static final Map<String, Integer> CHANGED_CEILING = Map.ofEntries(
      Map.entry("grafana/grafana.ini", 1),
      Map.entry("keycloak/companyos-realm.json", 8), Map.entry("kube/config", 1), Map.entry("neo4j/neo4j.conf", 1),
      Map.entry("spring/application.properties", 1), Map.entry("spring/application.yml", 1),
      Map.entry("terraform/terraform.tfstate", 2), Map.entry("terraform/terraform.tfvars", 2));

  @TempDir
  static Path stateDir;

  private static List<Result> results;

  @BeforeAll
  static void redactEveryDocument() throws IOException {
    BundleRedactor redactor = new BundleRedactor(
        ConfiguredRedactor.build(new RedactionConfig(List.of("acme-corp.com"), List.of()), stateDir), "blind");
    results = new ArrayList<>();
    for (Path doc : documents()) {
      results.add(measure(redactor, DOCS.relativize(doc).toString().replace('\\', '/'), Files.readString(doc)));
    }
    System.out.println(report(results));
  }

  @Test
  void everyLabelKeepsItsFloor() {
    Map<String, int[]> byLabel = byLabel(results);
    assertThat(byLabel.keySet()).isEqualTo(FOUND_FLOOR.keySet());
    byLabel.forEach((label, c) -> assertThat(c[0]).as("%s found of %d", label, c[1])
        .isGreaterThanOrEqualTo(FOUND_FLOOR.get(label)));
  }

  @Test
  void everyDocumentKeepsItsFloorAndItsUnmarkedText() {
    assertThat(results).extracting(Result::file).containsExactlyInAnyOrderElementsOf(FILE_FLOOR.keySet());
    for (Result r : results) {
      assertThat(r.found()).as("%s found", r.file()).isGreaterThanOrEqualTo(FILE_FLOOR.getOrDefault(r.file(), 0));
      assertThat(r.changed().size()).as("%s unmarked lines changed: %s", r.file(), r.changed())
          .isLessThanOrEqualTo(CHANGED_CEILING.getOrDefault(r.file(), 0));
    }
  }

  @Test
  void structuredOutputStillParsesWithItsKeys() {
    for (Result r : results) {
      assertThat(r.parses()).as("%s still parses as %s", r.file(), r.format()).isNotEqualTo("no");
    }
  }

  /** The documents: every file under {@link #DOCS} but its README. */
  private static List<Path> documents() throws IOException {
    try (Stream<Path> files = Files.walk(DOCS)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted().toList();
    }
  }

  /** A document's marks and what became of them, by line (or scalar's line) number. */
  record Result(String file, String format, int total, int found, Map<String, int[]> labels,
      Set<Integer> changed, Set<Integer> changedBeyondMarks, int credentialsAnywhere, String parses,
      boolean withheld) {}

  private static final class Tally {
    final Map<String, int[]> labels = new TreeMap<>();
    final Set<Integer> changed = new TreeSet<>();
    final Set<Integer> beyond = new TreeSet<>();

    void mark(String label, boolean found, boolean relabelled) {
      int[] c = labels.computeIfAbsent(label, l -> new int[3]);
      c[1]++;
      if (found) {
        c[0]++;
      }
      if (relabelled) {
        c[2]++;
      }
    }

    /** Compares one line or scalar: its marked text against what came out. */
    void compare(String marked, String out, int line) {
      Matcher m = MARK.matcher(marked);
      StringBuilder regex = new StringBuilder("^");
      List<String[]> marks = new ArrayList<>();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(marked.substring(last, m.start()))).append("(").append(TOKEN).append("|.*?)");
        marks.add(new String[] {m.group(1), m.group(2)});
        last = m.end();
      }
      regex.append(Pattern.quote(marked.substring(last))).append("$");
      Matcher o = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(out);
      boolean aligned = o.matches();
      if (!aligned) {
        (marks.isEmpty() ? changed : beyond).add(line);
      }
      for (int i = 0; i < marks.size(); i++) {
        String label = marks.get(i)[0];
        String value = marks.get(i)[1];
        String slot = aligned ? o.group(i + 1) : out;
        boolean found = !leaks(slot, label, value);
        boolean relabelled = found && aligned && slot.matches(TOKEN) && !slot.startsWith("<" + label + ":");
        mark(label, found, relabelled);
      }
    }
  }

  /**
   * Whether {@code value} is in {@code slot}: whole, or for a credential of 12 characters or more, its first or last
   * half (a password cut short at a {@code #} leaks its start).
   */
  static boolean leaks(String slot, String label, String value) {
    int half = value.length() / 2;
    return slot.contains(value) || CREDENTIALS.contains(label) && value.length() >= 12
        && (slot.contains(value.substring(0, half)) || slot.contains(value.substring(value.length() - half)));
  }

  static Result measure(BundleRedactor redactor, String file, String marked) throws IOException {
    String plain = MARK.matcher(marked).replaceAll(mr -> Matcher.quoteReplacement(mr.group(2)));
    String sourceName = "config/files/etc/companyos/" + file;
    StructuredFormat format = BundleRedactor.structuredFormat(sourceName);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Tally t = new Tally();
    String out;
    try {
      redactor.redact(new ByteArrayInputStream(plain.getBytes(StandardCharsets.UTF_8)), bytes, sourceName);
      out = bytes.toString(StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException failed) {
      // the bundle leaves a document out that its path cannot redact: nothing of it leaves
      Matcher m = MARK.matcher(marked);
      while (m.find()) {
        t.mark(m.group(1), true, false);
      }
      return result(file, format, t, 0, "withheld", true);
    }
    String parses = "-";
    if (format == StructuredFormat.JSON || format == StructuredFormat.YAML) {
      JsonFactory factory = format == StructuredFormat.JSON ? new JsonFactory() : new YAMLFactory();
      parses = compareTokens(factory, marked, out, t) ? "yes" : "no";
    } else {
      compareLines(marked, out, t);
      if (format == StructuredFormat.PROPERTIES) {
        parses = propertyKeys(plain).equals(propertyKeys(out)) ? "yes" : "no";
      }
    }
    int anywhere = 0;
    Matcher m = MARK.matcher(marked);
    while (m.find()) {
      if (CREDENTIALS.contains(m.group(1)) && leaks(out, m.group(1), m.group(2))) {
        anywhere++;
      }
    }
    return result(file, format, t, anywhere, parses, false);
  }

  private static Result result(String file, StructuredFormat format, Tally t, int anywhere, String parses,
      boolean withheld) {
    int total = t.labels.values().stream().mapToInt(c -> c[1]).sum();
    int found = t.labels.values().stream().mapToInt(c -> c[0]).sum();
    return new Result(file, format == null ? "text" : format.name().toLowerCase(java.util.Locale.ROOT), total, found,
        t.labels, t.changed, t.beyond, anywhere, parses, withheld);
  }

  private static void compareLines(String marked, String out, Tally t) {
    List<String> in = marked.lines().toList();
    List<String> got = out.lines().toList();
    if (in.size() != got.size()) {
      // no line alignment: a mark is found when its value is nowhere in the output, every line counts as changed
      Matcher m = MARK.matcher(marked);
      while (m.find()) {
        t.mark(m.group(1), !leaks(out, m.group(1), m.group(2)), false);
      }
      for (int i = 1; i <= in.size(); i++) {
        t.changed.add(i);
      }
      return;
    }
    for (int i = 0; i < in.size(); i++) {
      t.compare(in.get(i), got.get(i), i + 1);
    }
  }

  /**
   * Walks the marked document and the output token by token (the structured path keeps every token, a redacted
   * number becoming a string); returns whether the output parsed with the same structure.
   */
  private static boolean compareTokens(JsonFactory factory, String marked, String out, Tally t) throws IOException {
    try (JsonParser in = factory.createParser(new StringReader(marked));
        JsonParser got = factory.createParser(new StringReader(out))) {
      JsonToken a;
      while ((a = in.nextToken()) != null) {
        JsonToken b = got.nextToken();
        int line = in.currentLocation().getLineNr();
        boolean scalar = a == JsonToken.FIELD_NAME || a.isScalarValue();
        if (b == null || (scalar ? !(b == JsonToken.FIELD_NAME || b.isScalarValue()) : a != b)) {
          markRest(in, t, line);
          return false;
        }
        if (scalar && !(a == JsonToken.VALUE_NULL && b == JsonToken.VALUE_NULL)) { // YAML's "k:" is "k: null"
          t.compare(in.getText(), got.getText(), line);
        }
      }
      return got.nextToken() == null;
    } catch (IOException unparsable) {
      return false;
    }
  }

  /** After the structure diverged: every further mark counts as not found, its line as changed. */
  private static void markRest(JsonParser in, Tally t, int line) throws IOException {
    t.beyond.add(line);
    JsonToken a = in.currentToken();
    do {
      if (a != null && (a == JsonToken.FIELD_NAME || a.isScalarValue())) {
        Matcher m = MARK.matcher(in.getText());
        while (m.find()) {
          t.mark(m.group(1), false, false);
        }
      }
    } while ((a = in.nextToken()) != null);
  }

  private static Set<String> propertyKeys(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException bad) {
      return Set.of("unparsable");
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  static Map<String, int[]> byLabel(List<Result> results) {
    Map<String, int[]> all = new TreeMap<>();
    for (Result r : results) {
      r.labels().forEach((label, c) -> {
        int[] sum = all.computeIfAbsent(label, l -> new int[3]);
        for (int i = 0; i < 3; i++) {
          sum[i] += c[i];
        }
      });
    }
    return all;
  }

  /** The table: per label and per document, counts, line numbers and labels only. */
  static String report(List<Result> results) {
    StringBuilder s = new StringBuilder("blind configuration documents through the bundle's config-file path\n");
    s.append(String.format("%-16s %7s %7s %10s%n", "label", "found", "total", "relabelled"));
    int found = 0;
    int total = 0;
    for (Map.Entry<String, int[]> e : byLabel(results).entrySet()) {
      int[] c = e.getValue();
      s.append(String.format("%-16s %7d %7d %10d%n", e.getKey(), c[0], c[1], c[2]));
      found += c[0];
      total += c[1];
    }
    s.append(String.format("%-16s %7d %7d%n%n", "all", found, total));
    s.append(String.format("%-34s %-10s %5s %5s %6s %6s  %s%n", "document", "path", "found", "total", "cred*",
        "parses", "missed labels / unmarked changed lines / lines changed beyond their marks"));
    for (Result r : results) {
      StringBuilder missed = new StringBuilder();
      r.labels().forEach((label, c) -> {
        if (c[0] < c[1]) {
          missed.append(label).append(' ').append(c[1] - c[0]).append(' ');
        }
      });
      s.append(String.format("%-34s %-10s %5d %5d %6d %6s  %s/ changed %s / beyond %s%s%n", r.file(), r.format(),
          r.found(), r.total(), r.credentialsAnywhere(), r.parses(), missed, r.changed(), r.changedBeyondMarks(),
          r.withheld() ? " (withheld)" : ""));
    }
    return s.append("cred*: credential values (secret, token, aws_secret, private_key, password_hash, auth, jwt) "
        + "still anywhere in the output, whole or a half\n").toString();
  }
}
