package io.companyos.agent.bench.redaction;

import io.companyos.agent.redaction.PseudonymKey;
import io.companyos.agent.redaction.Redactor;
import java.util.List;

/**
 * The redactor the benchmarks measure: the full default catalog plus the customer domains and keywords of
 * the generated logs ({@code make-logs.py}), as an administrator of those customers would configure them.
 */
public final class BenchCatalog {
  public static final List<String> CUSTOMERS = List.of("acme-corp", "contoso", "globex", "initech", "umbrella", "hooli",
      "wayne-ent", "stark-ind", "tyrell", "cyberdyne", "soylent", "vandelay");
  public static final List<String> KEYWORDS = List.of("acme", "contoso", "globex", "initech", "umbrella", "hooli", "wayne",
      "stark", "tyrell", "cyberdyne", "soylent", "vandelay");

  private BenchCatalog() {}

  public static Redactor redactor() {
    return Redactor.builder()
        .customerDomains(CUSTOMERS.stream().map(c -> c + ".com").toList())
        .keywords(KEYWORDS)
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .build();
  }
}
