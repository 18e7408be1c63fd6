package io.companyos.agent.config;

import java.util.List;

/**
 * What the redaction engine treats as customer data beyond its built-in catalog.
 *
 * @param customerDomains DNS domains whose host names are customer data (default none)
 * @param keywords customer names, project code names: redacted wherever they occur, case-insensitively (default none)
 */
public record RedactionConfig(List<String> customerDomains, List<String> keywords) {
  public RedactionConfig {
    customerDomains = customerDomains == null ? List.of() : List.copyOf(customerDomains);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
