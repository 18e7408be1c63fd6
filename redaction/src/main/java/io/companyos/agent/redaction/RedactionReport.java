package io.companyos.agent.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What redaction did, per source: counts per detector label or custom rule name, and the sources that were
 * withheld because redacting them failed. Never holds a value. Serialises with Jackson as
 * {@code {"sources":[{"source":"app.log","withheld":false,"reason":null,"counts":{"email":3}}]}}.
 *
 * @param sources one entry per source, in the order they were added
 */
public record RedactionReport(List<Source> sources) {
  /** Copies the list. */
  public RedactionReport {
    sources = List.copyOf(sources);
  }

  /**
   * One source.
   *
   * @param source the name the caller gave it (a file name, a collector name)
   * @param withheld whether it was left out because redaction failed
   * @param reason why it was withheld (an error class, never text of the source), or null
   * @param counts redactions by detector label or rule name
   */
  public record Source(String source, boolean withheld, String reason, Map<String, Long> counts) {
    /** Validates and copies. */
    public Source {
      Objects.requireNonNull(source, "source");
      counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
      if (withheld) {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /** Sum of the counts over all sources, by label, sorted. */
  public Map<String, Long> totals() {
    Map<String, Long> t = new TreeMap<>();
    for (Source s : sources) {
      s.counts().forEach((k, v) -> t.merge(k, v, Long::sum));
    }
    return t;
  }

  /** A builder that collects sources; thread-safe, so parallel redactions can share one. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects sources. */
  public static final class Builder {
    private final List<Source> sources = new ArrayList<>();

    private Builder() {}

    /** Adds a redacted source with its counts. */
    public synchronized Builder add(String source, RedactionCounter counter) {
      sources.add(new Source(source, false, null, new TreeMap<>(counter.counts())));
      return this;
    }

    /** Adds a source that was withheld; {@code reason} must not contain text of the source. */
    public synchronized Builder withheld(String source, String reason) {
      sources.add(new Source(source, true, reason, Map.of()));
      return this;
    }

    /** The report so far. */
    public synchronized RedactionReport build() {
      return new RedactionReport(sources);
    }
  }
}
