package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Attribute lists whose {@code value} is typed by a sibling that names it (session 22; session 21's application red
 * team): Cognito's and AWS tags' {@code {"Name"|"Key": "given_name", "Value": "Jane"}}, SCIM PATCH operations'
 * {@code {"path": "name.familyName", "value": "Doe"}}, HubSpot's {@code {"property": "firstname", "value": "Jane"}}
 * — any type a key names, not only secrets; an attribute that names nothing stays.
 */
class NamedAttributeValuesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("\"UserAttributes\": [{\"Name\": \"given_name\", \"Value\": \"Jane\"}, {\"Name\": \"family_name\", \"Value\": \"Doe\"}, {\"Name\": \"email_verified\", \"Value\": \"true\"}]",
            "\"UserAttributes\": [{\"Name\": \"given_name\", \"Value\": \"<name>\"}, {\"Name\": \"family_name\", \"Value\": \"<name>\"}, {\"Name\": \"email_verified\", \"Value\": \"true\"}]"),
        Arguments.of("{\"Operations\":[{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Doe\"},{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
            "{\"Operations\":[{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"<name>\"},{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"),
        Arguments.of("{\"properties\":[{\"property\":\"firstname\",\"value\":\"Jane\"},{\"property\":\"lifecyclestage\",\"value\":\"lead\"}]}",
            "{\"properties\":[{\"property\":\"firstname\",\"value\":\"<name>\"},{\"property\":\"lifecyclestage\",\"value\":\"lead\"}]}"),
        Arguments.of("\"Tags\": [{\"Key\": \"Owner\", \"Value\": \"Jane Doe\"}, {\"Key\": \"env\", \"Value\": \"prod\"}]",
            "\"Tags\": [{\"Key\": \"Owner\", \"Value\": \"<name>\"}, {\"Key\": \"env\", \"Value\": \"prod\"}]"),
        Arguments.of("{\n  \"Name\": \"custom:dob\",\n  \"Value\": \"1985-04-12\"\n}", "{\n  \"Name\": \"custom:dob\",\n  \"Value\": \"<birthdate>\"\n}"),
        Arguments.of("      - name: DB_PASSWORD\n        value: Hunter2pass\n", "      - name: DB_PASSWORD\n        value: <secret>\n"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "{\"Name\": \"email_verified\", \"Value\": \"true\"}",
        "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}",
        "{\"Key\": \"Owner\", \"Value\": \"platform-team\"}",
        "{\"name\": \"LOG_LEVEL\", \"value\": \"debug\"}",
        "{\"type\": \"name\", \"value\": \"Ops\"}");
  }

  @Test
  void theStructuredPathTypesTheValueByItsNamingSiblingToo() {
    String doc = "{\"UserAttributes\":[{\"Name\":\"given_name\",\"Value\":\"Jane\"},{\"Name\":\"locale\",\"Value\":\"fr\"}],"
        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"name.familyName\",\"value\":\"Doe\"}]}";
    assertThat(MASK.redactStructured(StructuredFormat.JSON, doc, new RedactionCounter()))
        .isEqualTo(doc.replace("\"Jane\"", "\"<name>\"").replace("\"Doe\"", "\"<name>\""));
  }
}
