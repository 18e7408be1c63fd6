package io.companyos.agent.config;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.Redactor;
import io.companyos.agent.redaction.Strategy;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the redaction engine treats as customer data beyond its built-in catalog, and how it replaces values.
 *
 * @param customerDomains DNS domains whose host names are customer data (default none)
 * @param keywords customer names, project code names: redacted wherever they occur, case-insensitively (default none)
 * @param rules the administrator's own rules, {@code [{name, pattern, replace}]}, RE2 syntax (default none)
 * @param strategies per detector label ({@code email}, {@code ipv4}, … see docs/redaction.md): {@code pseudonym},
 *     {@code mask} or {@code off} (default {@code pseudonym} for every detector)
 */
public record RedactionConfig(
    List<String> customerDomains, List<String> keywords, List<RedactionRuleConfig> rules,
    Map<String, String> strategies) {
  /**
   * A DNS domain as {@code customerDomains} takes it: labels of ASCII letters, digits, '-' and '_' (not a host name's,
   * but internal zones have them, and the host detector matches the domain as configured), a leading {@code *.}.
   */
  private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?";
  private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?\\.?" + LABEL + "(?:\\." + LABEL + ")*\\.?");

  public RedactionConfig {
    customerDomains = customerDomains == null ? List.of() : List.copyOf(customerDomains);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    rules = rules == null ? List.of() : List.copyOf(rules);
    strategies = strategies == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
    for (String k : keywords) {
      if (k == null || k.strip().length() < 2) {
        throw new InvalidValueException("keywords", "every keyword needs at least 2 characters");
      }
    }
    for (int i = 0; i < customerDomains.size(); i++) {
      // a domain no host name can be under (a URL, a port, a non-ASCII name) redacted nothing, without a word
      String d = customerDomains.get(i);
      if (d == null || !DOMAIN.matcher(d.strip()).matches()) {
        throw new InvalidValueException("customerDomains", "entry " + (i + 1) + " is not a DNS domain name:"
            + " ASCII letters, digits, '-', '_' and '.' only, such as acme.com or *.acme.com (no scheme, port or path;"
            + " an internationalised name in its xn-- form)");
      }
    }
    Set<String> names = new HashSet<>();
    for (RedactionRuleConfig r : rules) {
      if (!names.add(r.name())) {
        throw new InvalidValueException("rules", "rule name '" + r.name() + "' is used twice");
      }
      if (Arrays.stream(DetectorType.values()).anyMatch(t -> t.label().equals(r.name()))) {
        throw new InvalidValueException("rules", "rule name '" + r.name() + "' is the label of a built-in detector");
      }
    }
    for (Map.Entry<String, String> e : strategies.entrySet()) {
      try {
        DetectorType.fromName(e.getKey());
      } catch (IllegalArgumentException unknown) {
        throw new InvalidValueException("strategies", "unknown detector '" + e.getKey() + "' (expected one of: "
            + Arrays.stream(DetectorType.values()).map(DetectorType::label).collect(Collectors.joining(", ")) + ")");
      }
      try {
        Strategy.fromName(String.valueOf(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new InvalidValueException("strategies", "detector '" + e.getKey() + "': expected pseudonym, mask or off");
      }
    }
  }

  /** Only domains and keywords; no rules, every detector on {@code pseudonym}. */
  public RedactionConfig(List<String> customerDomains, List<String> keywords) {
    this(customerDomains, keywords, null, null);
  }

  /** Sets this configuration's domains, keywords, rules and strategies on {@code builder}. */
  public Redactor.Builder applyTo(Redactor.Builder builder) {
    builder.customerDomains(customerDomains).keywords(keywords).rules(rules.stream().map(RedactionRuleConfig::toRule).toList());
    strategies.forEach((k, v) -> builder.strategy(DetectorType.fromName(k), Strategy.fromName(v)));
    return builder;
  }
}
