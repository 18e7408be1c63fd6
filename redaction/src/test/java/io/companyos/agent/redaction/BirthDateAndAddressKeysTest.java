package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Dates of birth and street addresses under their keys (session 22: the application red team of session 21 found
 * both left whole in JSON logs, form dumps and {@code toString()} output): {@code <birthdate:…>} and
 * {@code <address:…>}; look-alike keys and values stay.
 */
class BirthDateAndAddressKeysTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("{\"dob\": \"1985-04-12\", \"email\": \"jane.doe@example.com\"}",
            "{\"dob\": \"<birthdate>\", \"email\": \"<email>\"}"),
        Arguments.of("{\"birthDate\":\"1985-04-12\",\"gender\":\"female\"}", "{\"birthDate\":\"<birthdate>\",\"gender\":\"female\"}"),
        Arguments.of("patient_dob=04/12/1985 mrn=A1234", "patient_dob=<birthdate> mrn=A1234"),
        Arguments.of("Person(id=7, dateOfBirth=1985-04-12, city=Lyon)", "Person(id=7, dateOfBirth=<birthdate>, city=Lyon)"),
        Arguments.of("date_of_birth: 12.04.1985", "date_of_birth: <birthdate>"),
        Arguments.of("  \"birthday\": \"April 12, 1985\",", "  \"birthday\": \"<birthdate>\","),
        Arguments.of("DOB: 1985-04-12", "DOB: <birthdate>"),
        Arguments.of("{\"street\": \"1600 Pennsylvania Ave NW\", \"city\": \"Washington\"}",
            "{\"street\": \"<address>\", \"city\": \"Washington\"}"),
        Arguments.of("streetAddress: 12 Rue de Rivoli", "streetAddress: <address>"),
        Arguments.of("INFO created customer street=12 Rue de Rivoli city=Paris", "INFO created customer street=<address> city=Paris"),
        Arguments.of("Address(street=1600 Pennsylvania Ave NW, zip=20500)", "Address(street=<address>, zip=20500)"),
        Arguments.of("\"address\":{\"line1\":\"510 Townsend St\",\"line2\":\"Apt 4\",\"postal_code\":\"94103\"}",
            "\"address\":{\"line1\":\"<address>\",\"line2\":\"<address>\",\"postal_code\":\"94103\"}"),
        Arguments.of("address_line1='221B Baker Street'", "address_line1='<address>'"),
        Arguments.of("mailing_address=\"42 Main St, Springfield\"", "mailing_address=\"<address>\""));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "{\"dob\": null}",
        "dob_format=yyyy-MM-dd",
        "adobe-reader 11.0 installed",
        "\"birthDate\": \"\"",
        "birthday_reminders_enabled=true",
        "street_view=false",
        "{\"street\": \"${STREET}\"}",
        "line1 of the config is empty",
        "bind_address=0.0.0.0 email_address_verified=true",
        "\"birthdate\": \"unknown\"");
  }

  @Test
  void structuredDocumentsRedactThemByKeyAndStayValid() {
    RedactionCounter counter = new RedactionCounter();
    String json = MASK.redactStructured(StructuredFormat.JSON,
        "{\"patient\":{\"dob\":\"1985-04-12\",\"address\":{\"line1\":\"510 Townsend St\",\"city\":\"SF\"}}}",
        counter);
    assertThat(json).isEqualTo(
        "{\"patient\":{\"dob\":\"<birthdate>\",\"address\":{\"line1\":\"<address>\",\"city\":\"SF\"}}}");
    String yaml = MASK.redactStructured(StructuredFormat.YAML, "person:\n  birthDate: 1985-04-12\n  street: 12 Rue de Rivoli\n",
        counter);
    assertThat(yaml).contains("birthDate: \"<birthdate>\"").contains("street: \"<address>\"").doesNotContain("Rivoli");
    assertThat(counter.count(DetectorType.BIRTH_DATE)).isEqualTo(2);
    assertThat(counter.count(DetectorType.STREET_ADDRESS)).isEqualTo(2);
  }
}
