package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any host name under a configured customer domain (or the domain itself), in any case, wherever it stands in a line (first, last, alone,
 * between punctuation), is redacted whole, and every spelling of it gets one token.
 */
class CustomerHostPropertiesTest {
  @Provide
  Arbitrary<String> labels() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1)
        .ofMaxLength(10);
    Arbitrary<String> hyphenated = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("-", l));
    return hyphenated.list().ofMinSize(0).ofMaxSize(3).map(l -> String.join(".", l));
  }

  @Provide
  Arbitrary<String> domains() {
    return Arbitraries.of("acme.com", "acme-corp.net", "plant-east.example.com", "globex.co.uk");
  }

  @Provide
  Arbitrary<String> contexts() {
    return Arbitraries.of("%s", "connect to %s", "%s refused", "host=%s port=5432", "(%s)", "\"%s\"", "[%s]:8443",
        "https://%s/api", "%s,%s", "at %s.", "%s:", "upstream: %s\n");
  }

  @Property(tries = 400)
  void aHostUnderACustomerDomainIsRedactedWholeInAnyCaseAndPlace(@ForAll("labels") String sub,
      @ForAll("domains") String domain, @ForAll("contexts") String context, @ForAll boolean upper) {
    String host = sub.isEmpty() ? domain : sub + "." + domain; // the domain itself is a host name too
    String written = upper ? host.toUpperCase(Locale.ROOT) : host;
    Redactor masking = DetectorCatalogTest.masking(Redactor.builder().customerDomains(List.of(domain)));
    String line = context.replace("%s", written);
    String out = masking.redact(line);
    assertThat(out).as(line).isEqualTo(context.replace("%s", "<host>"));
    Redactor pseudonyms = Redactor.builder().customerDomains(List.of(domain)).build();
    assertThat(pseudonyms.redact(written)).isEqualTo(pseudonyms.redact(host.toUpperCase(Locale.ROOT)))
        .startsWith("<host:");
  }
}
