package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26's red team of FHIR servers and integrations: FHIR resources logged whole (HAPI FHIR, Azure's and Google's
 * Healthcare APIs, Epic and Cerner integrations) left names under {@code family}, {@code given}, a name's
 * {@code text}, an address's {@code line} and a reference's {@code display} in clear, and so did FHIR searches by
 * name in access logs. The red team's lines verbatim, a pretty-printed resource, a Bundle, Google's alphabetical key
 * order, a resource JSON-escaped in a log's message; the unchanged cases are the same keys outside a person's
 * resource (Node's network interfaces, stack frames, codings, other APIs' query strings).
 */
class FhirResourcesTest extends RedactedAndKeptCases {
  private static final String HAPI = "2024-03-12 10:35:00.123 [http-nio-8080-exec-3] INFO  fhirtest.access - "
      + "Path[/fhir] Source[] Operation[search-type  ";

  /** A pretty-printed Patient (2-space indent), as HAPI's and Epic's integration logs write one at DEBUG. */
  private static final String PRETTY = String.join("\n",
      "2024-03-12 10:36:12,004 DEBUG [epic-sync-2] c.a.i.f.PatientSync - Upserting resource:",
      "{",
      "  \"resourceType\": \"Patient\",",
      "  \"id\": \"pat-002\",",
      "  \"meta\": {",
      "    \"versionId\": \"3\",",
      "    \"lastUpdated\": \"2024-03-12T10:36:11.873+00:00\"",
      "  },",
      "  \"identifier\": [",
      "    {",
      "      \"system\": \"urn:oid:2.16.840.1.113883.19.5\",",
      "      \"value\": \"MRN556677\"",
      "    }",
      "  ],",
      "  \"name\": [",
      "    {",
      "      \"use\": \"official\",",
      "      \"family\": \"%s\",",
      "      \"given\": [",
      "        \"%s\",",
      "        \"%s\"",
      "      ]",
      "    }",
      "  ],",
      "  \"gender\": \"male\",",
      "  \"address\": [",
      "    {",
      "      \"use\": \"home\",",
      "      \"line\": [",
      "        \"%s\",",
      "        \"%s\"",
      "      ],",
      "      \"city\": \"Portland\",",
      "      \"state\": \"OR\",",
      "      \"postalCode\": \"97209\"",
      "    }",
      "  ],",
      "  \"generalPractitioner\": [",
      "    {",
      "      \"reference\": \"Practitioner/pr-77\",",
      "      \"display\": \"%s\"",
      "    }",
      "  ],",
      "  \"managingOrganization\": {",
      "    \"reference\": \"Organization/org-1\",",
      "    \"display\": \"St Mary's Health\"",
      "  }",
      "}",
      "");

  static Stream<Arguments> redacted() {
    return Stream.of(
        // the red team's lines (the SSN, the phones, the e-mail addresses and the date of birth were caught before)
        Arguments.of("{\"resourceType\":\"Patient\",\"id\":\"pat-001\",\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\","
            + "\"value\":\"123-45-6780\"},{\"system\":\"urn:oid:2.16.840.1.113883.19.5\",\"value\":\"MRN12345\"}],"
            + "\"name\":[{\"use\":\"official\",\"family\":\"Nguyen\",\"given\":[\"Thi\",\"Lan\"]}],"
            + "\"telecom\":[{\"system\":\"phone\",\"value\":\"+1 503 555 0188\",\"use\":\"mobile\"},"
            + "{\"system\":\"email\",\"value\":\"lan.nguyen@example.net\"}],\"gender\":\"female\",\"birthDate\":\"1988-07-14\","
            + "\"address\":[{\"line\":[\"742 Evergreen Terrace\"],\"city\":\"Springfield\",\"state\":\"OR\",\"postalCode\":\"97477\"}]}",
            "{\"resourceType\":\"Patient\",\"id\":\"pat-001\",\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\","
            + "\"value\":\"<ssn>\"},{\"system\":\"urn:oid:2.16.840.1.113883.19.5\",\"value\":\"MRN12345\"}],"
            + "\"name\":[{\"use\":\"official\",\"family\":\"<name>\",\"given\":[\"<name>\",\"<name>\"]}],"
            + "\"telecom\":[{\"system\":\"phone\",\"value\":\"<phone>\",\"use\":\"mobile\"},"
            + "{\"system\":\"email\",\"value\":\"<email>\"}],\"gender\":\"female\",\"birthDate\":\"<birthdate>\","
            + "\"address\":[{\"line\":[\"<address>\"],\"city\":\"Springfield\",\"state\":\"OR\",\"postalCode\":\"97477\"}]}"),
        Arguments.of("{\"resourceType\":\"Practitioner\",\"id\":\"pr-77\",\"name\":[{\"text\":\"Amelia Watson\",\"family\":\"Watson\","
            + "\"given\":[\"Amelia\"],\"prefix\":[\"Dr.\"]}],\"telecom\":[{\"system\":\"email\",\"value\":\"a.watson@stmarys-health.org\"}]}",
            "{\"resourceType\":\"Practitioner\",\"id\":\"pr-77\",\"name\":[{\"text\":\"<name>\",\"family\":\"<name>\","
            + "\"given\":[\"<name>\"],\"prefix\":[\"Dr.\"]}],\"telecom\":[{\"system\":\"email\",\"value\":\"<email>\"}]}"),
        Arguments.of("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Emily Brown\"}],\"birthDate\":\"1992-03-15\"}",
            "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"<name>\"}],\"birthDate\":\"<birthdate>\"}"),
        Arguments.of("{\"resourceType\":\"RelatedPerson\",\"patient\":{\"reference\":\"Patient/pat-001\",\"display\":\"Lan Nguyen\"},"
            + "\"name\":[{\"family\":\"Tran\",\"given\":[\"Minh\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":\"503-555-0190\"}]}",
            "{\"resourceType\":\"RelatedPerson\",\"patient\":{\"reference\":\"Patient/pat-001\",\"display\":\"<name>\"},"
            + "\"name\":[{\"family\":\"<name>\",\"given\":[\"<name>\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":\"<phone>\"}]}"),
        Arguments.of(HAPI + "Patient] UA[Mozilla/5.0] Params[?family=Nguyen&given=Lan&birthdate=1988-07-14] ResponseEncoding[JSON]",
            HAPI + "Patient] UA[Mozilla/5.0] Params[?family=<name>&given=<name>&birthdate=<birthdate>] ResponseEncoding[JSON]"),
        Arguments.of("10.4.5.6 - - [12/Mar/2024:10:35:01 +0000] \"GET /fhir/Patient?name=okafor&birthdate=1979-02-28 HTTP/1.1\" 200 2211 "
            + "\"-\" \"python-requests/2.31.0\"",
            "<ipv4> - - [12/Mar/2024:10:35:01 +0000] \"GET /fhir/Patient?name=<name>&birthdate=<birthdate> HTTP/1.1\" 200 2211 "
            + "\"-\" \"python-requests/2.31.0\""),
        // the red team's pretty-printed resource
        Arguments.of(String.format(PRETTY, "Okafor", "Chinedu", "Emeka", "1200 NW Naito Pkwy", "Apt 4", "Amelia Watson"),
            String.format(PRETTY, "<name>", "<name>", "<name>", "<address>", "<address>", "<name>")),
        // a Bundle (a search's result: its self link holds the search too)
        Arguments.of("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":2,\"link\":[{\"relation\":\"self\","
            + "\"url\":\"http://hapi.fhir.org/baseR4/Patient?family=Okafor&_count=2\"}],\"entry\":[{\"fullUrl\":\"http://hapi.fhir.org/baseR4/Patient/p1\","
            + "\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Okafor\",\"given\":[\"Chinedu\"]}]}},"
            + "{\"resource\":{\"resourceType\":\"Observation\",\"code\":{\"text\":\"Body weight\"},"
            + "\"subject\":{\"reference\":\"Patient/p1\",\"display\":\"Chinedu Okafor\"},\"performer\":[{\"reference\":\"Organization/o1\","
            + "\"display\":\"Acme Lab\"}]}},{\"resource\":{\"resourceType\":\"Person\",\"name\":[{\"family\":\"Okafor\"}],"
            + "\"address\":[{\"line\":[\"88 River Rd\"],\"city\":\"Dayton\"}]}}]}",
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":2,\"link\":[{\"relation\":\"self\","
            + "\"url\":\"http://hapi.fhir.org/baseR4/Patient?family=<name>&_count=2\"}],\"entry\":[{\"fullUrl\":\"http://hapi.fhir.org/baseR4/Patient/p1\","
            + "\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"<name>\",\"given\":[\"<name>\"]}]}},"
            + "{\"resource\":{\"resourceType\":\"Observation\",\"code\":{\"text\":\"Body weight\"},"
            + "\"subject\":{\"reference\":\"Patient/p1\",\"display\":\"<name>\"},\"performer\":[{\"reference\":\"Organization/o1\","
            + "\"display\":\"Acme Lab\"}]}},{\"resource\":{\"resourceType\":\"Person\",\"name\":[{\"family\":\"<name>\"}],"
            + "\"address\":[{\"line\":[\"<address>\"],\"city\":\"Dayton\"}]}}]}"),
        // Google's Healthcare API sorts the keys: the resourceType last, a reference's display before its reference
        Arguments.of("{\"address\":[{\"city\":\"Austin\",\"line\":[\"9 Pine St\"]}],\"generalPractitioner\":[{\"display\":\"Amy Jones\","
            + "\"reference\":\"Practitioner/pr-9\"}],\"id\":\"p9\",\"name\":[{\"family\":\"Brown\",\"given\":[\"Emily\"]}],\"resourceType\":\"Patient\"}",
            "{\"address\":[{\"city\":\"Austin\",\"line\":[\"<address>\"]}],\"generalPractitioner\":[{\"display\":\"<name>\","
            + "\"reference\":\"Practitioner/pr-9\"}],\"id\":\"p9\",\"name\":[{\"family\":\"<name>\",\"given\":[\"<name>\"]}],\"resourceType\":\"Patient\"}"),
        // JSON-escaped in a log's message (blanks, a quote and a backslash in the values)
        Arguments.of("{\"level\":\"debug\",\"msg\":\"{\\\"resourceType\\\": \\\"Patient\\\", \\\"name\\\": [{\\\"family\\\": "
            + "\\\"O\\\\\\\"Brien\\\", \\\"given\\\": [\\\"Mary Ann\\\"]}], \\\"address\\\": [{\\\"line\\\": [\\\"1 Elm St\\\"]}],"
            + " \\\"subject\\\": {\\\"reference\\\": \\\"Patient/p1\\\", \\\"display\\\": \\\"Mary Ann O'Brien\\\"}}\",\"ts\":1710239700}",
            "{\"level\":\"debug\",\"msg\":\"{\\\"resourceType\\\": \\\"Patient\\\", \\\"name\\\": [{\\\"family\\\": "
            + "\\\"<name>\\\", \\\"given\\\": [\\\"<name>\\\"]}], \\\"address\\\": [{\\\"line\\\": [\\\"<address>\\\"]}],"
            + " \\\"subject\\\": {\\\"reference\\\": \\\"Patient/p1\\\", \\\"display\\\": \\\"<name>\\\"}}\",\"ts\":1710239700}"),
        // a contact's name and address (HumanName and Address objects), DSTU2's family as a list, an address's text
        Arguments.of("{\"resourceType\":\"Patient\",\"name\":[{\"family\":[\"Garcia\",\"Lopez\"],\"given\":[\"Maria\"],\"suffix\":[\"Jr\"]}],"
            + "\"address\":[{\"text\":\"4500 Oak Ave, Portland, OR 97201\",\"line\":[\"4500 Oak Ave\"]}],"
            + "\"contact\":[{\"relationship\":[{\"text\":\"Mother\"}],\"name\":{\"family\":\"Lopez\",\"given\":[\"Ana\"]},"
            + "\"address\":{\"line\":[\"12 Birch Ln\"]}}]}",
            "{\"resourceType\":\"Patient\",\"name\":[{\"family\":[\"<name>\",\"<name>\"],\"given\":[\"<name>\"],\"suffix\":[\"Jr\"]}],"
            + "\"address\":[{\"text\":\"<address>\",\"line\":[\"<address>\"]}],"
            + "\"contact\":[{\"relationship\":[{\"text\":\"Mother\"}],\"name\":{\"family\":\"<name>\",\"given\":[\"<name>\"]},"
            + "\"address\":{\"line\":[\"<address>\"]}}]}"),
        // pretty-printed in a log's JSON message (escaped line ends); a Patient contained in another resource (only
        // it: the Observation's own members stay); blanks everywhere, null and empty strings among the values
        Arguments.of("{\"msg\":\"{\\n  \\\"resourceType\\\": \\\"Patient\\\",\\n  \\\"name\\\": [\\n    {\\n"
            + "      \\\"family\\\": \\\"Okafor\\\",\\n      \\\"given\\\": [\\n        \\\"Chinedu\\\"\\n      ]\\n    }\\n  ]\\n}\"}",
            "{\"msg\":\"{\\n  \\\"resourceType\\\": \\\"Patient\\\",\\n  \\\"name\\\": [\\n    {\\n"
            + "      \\\"family\\\": \\\"<name>\\\",\\n      \\\"given\\\": [\\n        \\\"<name>\\\"\\n      ]\\n    }\\n  ]\\n}\"}"),
        Arguments.of("{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"Doe\"}]}],"
            + "\"code\":{\"text\":\"x\"},\"name\":[{\"family\":\"Keep\"}]}",
            "{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"<name>\"}]}],"
            + "\"code\":{\"text\":\"x\"},\"name\":[{\"family\":\"Keep\"}]}"),
        Arguments.of("{\"resourceType\" : \"Patient\" , \"name\" : [ { \"given\" : [ \"Ann\" , null , \"\" , \"Bo\" ] , \"family\" : null } ] }",
            "{\"resourceType\" : \"Patient\" , \"name\" : [ { \"given\" : [ \"<name>\" , null , \"\" , \"<name>\" ] , \"family\" : null } ] }"),
        // Node's os.networkInterfaces(): the IPv4 and MAC addresses are those detectors'; "family":"IPv4" stays
        Arguments.of("{\"eth0\":[{\"address\":\"10.0.0.5\",\"netmask\":\"255.255.255.0\",\"family\":\"IPv4\",\"mac\":\"02:42:ac:11:00:02\","
            + "\"internal\":false,\"cidr\":\"10.0.0.5/24\"}]}",
            "{\"eth0\":[{\"address\":\"<ipv4>\",\"netmask\":\"255.255.255.0\",\"family\":\"IPv4\",\"mac\":\"<mac>\","
            + "\"internal\":false,\"cidr\":\"<ipv4>/24\"}]}"),
        // searches: modifiers, the other person types, an absolute reference, a reference's display
        Arguments.of("GET /fhir/Practitioner?family:exact=Watson&given:contains=Ame HTTP/1.1",
            "GET /fhir/Practitioner?family:exact=<name>&given:contains=<name> HTTP/1.1"),
        Arguments.of("GET /baseR4/RelatedPerson?name=Tran&_format=json", "GET /baseR4/RelatedPerson?name=<name>&_format=json"),
        Arguments.of("GET /fhir/Person?address=742%20Evergreen%20Terrace&name=Nguyen",
            "GET /fhir/Person?address=<address>&name=<name>"),
        Arguments.of(HAPI + "Practitioner] UA[curl/8.4.0] Params[?name=Amelia%20Watson] ResponseEncoding[JSON]",
            HAPI + "Practitioner] UA[curl/8.4.0] Params[?name=<name>] ResponseEncoding[JSON]"),
        Arguments.of("{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"https://fhir.example.org/r4/Patient/p1/_history/2\","
            + "\"display\":\"Lan Nguyen\"},\"participant\":[{\"individual\":{\"reference\":\"Practitioner/pr-77\",\"display\":\"Dr. Amelia Watson\"}}]}",
            "{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"https://fhir.example.org/r4/Patient/p1/_history/2\","
            + "\"display\":\"<name>\"},\"participant\":[{\"individual\":{\"reference\":\"Practitioner/pr-77\",\"display\":\"<name>\"}}]}"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        // Node's os.networkInterfaces(), stack frames, codings, a FHIR Observation's code text
        "{\"eth0\":[{\"family\":\"IPv4\",\"internal\":false,\"scopeid\":0},{\"family\":\"IPv6\",\"internal\":false,\"scopeid\":2}]}",
        "{\"file\":\"app.js\",\"line\":42}",
        "{\"level\":\"error\",\"stack\":[{\"file\":\"app.js\",\"line\":42,\"column\":7,\"function\":\"handler\"}]}",
        "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\",\"display\":\"Body weight\"}]}}",
        "{\"resourceType\":\"Observation\",\"id\":\"obs-1\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
            + "\"code\":\"29463-7\",\"display\":\"Body weight\"}],\"text\":\"Body weight\"},\"subject\":{\"reference\":\"Patient/pat-001\"},"
            + "\"performer\":[{\"reference\":\"Organization/org-1\",\"display\":\"Acme Lab\"}],\"valueQuantity\":{\"value\":72.5,\"unit\":\"kg\"}}",
        // the keys outside a person's resource: other JSON, another resource, a Patient's other members
        "{\"rule\":\"r-12\",\"given\":[\"a precondition\"],\"then\":\"ok\"}",
        "{\"name\":[{\"text\":\"Build step\",\"family\":\"gcc\",\"given\":[\"x86\"]}],\"address\":[{\"line\":[\"L1\"]}]}",
        "{\"resourceType\":\"Organization\",\"id\":\"org-1\",\"address\":[{\"line\":[\"1 Main St\"],\"city\":\"Dayton\"}]}",
        "{\"resourceType\":\"Patient\",\"id\":\"pat-001\",\"text\":{\"status\":\"empty\"},\"maritalStatus\":{\"text\":\"Married\"},"
            + "\"communication\":[{\"language\":{\"text\":\"English\"}}],\"link\":[{\"other\":{\"reference\":\"Patient/p2\"},\"type\":\"seealso\"}]}",
        "{\"sourcetype\":\"Patient\",\"name\":[{\"family\":\"x\"}]}",
        // empty values, null, and an earlier redaction's tokens
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"\",\"given\":[null]}],\"address\":[{\"line\":[]}]}",
        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"<name>\",\"given\":[\"<name>\",\"<name>\"]}],\"address\":[{\"line\":[\"<address>\"]}]}",
        // searches: another path, another resource, no name parameter
        "GET /api/v2/devices?name=sensor-1 HTTP/1.1",
        "GET /api/patient?name=sensor-1 HTTP/1.1",
        "GET /fhir/Observation?code=29463-7&subject=Patient/pat-001 HTTP/1.1",
        "GET /fhir/Patient?_id=pat-001&_count=10 HTTP/1.1",
        "GET /fhir/Patient?name:missing=true HTTP/1.1",
        HAPI + "Observation] UA[Mozilla/5.0] Params[?code=29463-7&name=x] ResponseEncoding[JSON]",
        "Path[/fhir] Operation[read  Patient/pat-001] UA[Mozilla/5.0] Params[] ResponseEncoding[JSON]",
        "Params[?name=sensor-1]");
  }

  /** Real hashed tokens ({@code <name:1a2b3c4d>}) are passed over as masks are: redacting twice equals once. */
  @Test
  void tokensOfAnEarlierRedactionStay() {
    Redactor hashing = Redactor.builder().build();
    String once = hashing.redact(lines());
    assertThat(once).contains("<name:", "<address:").doesNotContain("Nguyen", "Okafor", "Naito", "Emeka");
    assertThat(hashing.redact(once)).isEqualTo(once);
  }

  /** All the cases in one stream, one after another (each alone is streamed by the base class). */
  @Test
  void streamedAsWhole() throws IOException {
    assertThat(streamed(lines()))
        .isEqualTo(redacted().map(a -> (String) a.get()[1]).collect(Collectors.joining("\n", "", "\n")));
  }

  /**
   * Each anchor reads back to its object's start and on to its end, up to 64 KiB: a repetition of anchors with no
   * object around them, or objects never closed, would read that again at each (seconds per MiB); the pass's budget
   * stops it. A MiB of real resources is read whole: every name goes.
   */
  @Test
  void repeatedAnchorsCostNoMoreThanALinearRead() {
    String resource = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Doe\",\"given\":[\"Jo\"]}],"
        + "\"generalPractitioner\":[{\"reference\":\"Practitioner/p\",\"display\":\"Amy Lee\"}]}\n";
    String many = resource.repeat((1 << 20) / resource.length());
    assertThat(MASK.redact(many)).doesNotContain("Doe", "Jo\"", "Amy Lee").contains("\"family\":\"<name>\"");
    assertTimeoutPreemptively(Duration.ofSeconds(6), () -> {
      for (String unit : List.of("\"reference\":\"x\"}", "\"resourceType\":\"Patient\"}", "\"resourceType\":\"Patient\",",
          "\\\"resourceType\\\":\\\"Patient\\\"}", "{\"resourceType\":\"Patient\",\"a\":", "Params[?name=a ")) {
        MASK.redact(unit.repeat((1 << 20) / unit.length()));
      }
    });
  }

  private static String lines() {
    return redacted().map(a -> (String) a.get()[0]).collect(Collectors.joining("\n", "", "\n"));
  }
}
