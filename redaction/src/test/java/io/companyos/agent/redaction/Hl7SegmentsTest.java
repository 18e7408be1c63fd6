package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26's red team of hospital interface engines: HL7 v2 segments logged whole (Mirth, Rhapsody, Cloverleaf,
 * an MLLP listener's {@code Received message:}) left names, dates of birth, addresses and bare SSNs in clear, being
 * marked by position only. The red team's lines verbatim, each segment also after a real carriage return and after a
 * logger's {@code \r}; the unchanged cases are pipe-separated look-alikes and segments that hold no such data.
 */
class Hl7SegmentsTest extends RedactedAndKeptCases {
  private static final String MLLP = "2024-03-12 10:30:01,234 INFO  [MLLP-Listener-6661] c.m.s.c.MllpReceiver - "
      + "Received message: MSH|^~\\&|CERNER|STMARYS|RIS|STMARYS|20240312103001||ORM^O01|MSG4411|P|2.3\\r";
  private static final String MSH = "MSH|^~\\&|CERNER|STMARYS|RIS|STMARYS|20240312103001||ORM^O01|MSG4411|P|2.3";

  static Stream<Arguments> redacted() {
    return Stream.of(
        // the red team's lines: PID (name, date of birth, address, phones, SSN; an SS identifier of PID-3)
        Arguments.of("PID|1||12345678^^^ACMEHOSP^MR||DOE^JANE^Q^^MRS||19800101|F|||123 MAIN ST^^SPRINGFIELD^IL^62701^USA"
            + "||(217)555-0123^PRN^PH^^1^217^5550123|(217)555-0199|EN|M|CAT|40012345^^^ACMEHOSP^AN|123-45-6789|||N",
            "PID|1||12345678^^^ACMEHOSP^MR||<name>||<birthdate>|F|||<address>"
            + "||<phone>|<phone>|EN|M|CAT|40012345^^^ACMEHOSP^AN|<ssn>|||N"),
        Arguments.of("PID|1||MRN00042^^^GLOBEXMC^MR~412556789^^^USSSA^SS||GARCIA^MARIA^ELENA||19751123|F||2106-3^White^CDCREC"
            + "|4500 OAK AVE^APT 12B^PORTLAND^OR^97201||503-555-0142|||S||ACCT998877|287-65-4321",
            "PID|1||MRN00042^^^GLOBEXMC^MR~<ssn>^^^USSSA^SS||<name>||<birthdate>|F||2106-3^White^CDCREC"
            + "|<address>||<phone>|||S||ACCT998877|<ssn>"),
        // NK1, PV1 (the doctors' ids stay), GT1
        Arguments.of("NK1|1|DOE^JOHN^A|SPO^Spouse^HL70063|123 MAIN ST^^SPRINGFIELD^IL^62701|(217)555-0124",
            "NK1|1|<name>|SPO^Spouse^HL70063|<address>|<phone>"),
        Arguments.of("PV1|1|I|4W^401^A^ACMEHOSP||||1234567890^SMITH^ROBERT^J^^DR^MD|||MED||||1|||1234567890^SMITH^ROBERT^J^^DR^MD"
            + "|IN||||||||||||||||||||||||||20240312103001",
            "PV1|1|I|4W^401^A^ACMEHOSP||||1234567890^<name>|||MED||||1|||1234567890^<name>"
            + "|IN||||||||||||||||||||||||||20240312103001"),
        Arguments.of("GT1|1||DOE^JANE^Q||123 MAIN ST^^SPRINGFIELD^IL^62701|(217)555-0123||19800101|F||SEL|123-45-6789",
            "GT1|1||<name>||<address>|<phone>||<birthdate>|F||SEL|<ssn>"),
        // IN1: this sender's insured block is one field early (IN1-15, 17, 18: found by the date of birth)
        Arguments.of("IN1|1|BCBS001|60054^^^BCBS|BLUE CROSS IL|PO BOX 805107^^CHICAGO^IL^60680||||||||||DOE^JANE^Q|SEL|19800101"
            + "|123 MAIN ST^^SPRINGFIELD^IL^62701|||||||||||||||||XYZ123456789",
            "IN1|1|BCBS001|60054^^^BCBS|BLUE CROSS IL|PO BOX 805107^^CHICAGO^IL^60680||||||||||<name>|SEL|<birthdate>"
            + "|<address>|||||||||||||||||XYZ123456789"),
        // and where the standard has it (IN1-16, 18, 19)
        Arguments.of("IN1|1|BCBS001|60054^^^BCBS|BLUE CROSS IL|PO BOX 805107^^CHICAGO^IL^60680|||||||||||DOE^JANE^Q|SEL|19800101"
            + "|123 MAIN ST^^SPRINGFIELD^IL^62701",
            "IN1|1|BCBS001|60054^^^BCBS|BLUE CROSS IL|PO BOX 805107^^CHICAGO^IL^60680|||||||||||<name>|SEL|<birthdate>"
            + "|<address>"),
        // an MLLP listener's log line: segments separated by the logger's \r (the SSN, in PID-20, is the SSN detector's)
        Arguments.of(MLLP + "PID|1||556677^^^STM^MR||OKAFOR^CHINEDU||19790228|M|||88 RIVER RD^^DAYTON^OH^45402||937-555-0163"
            + "|||||||321-54-9876\\rORC|NW|ORD1234",
            MLLP + "PID|1||556677^^^STM^MR||<name>||<birthdate>|M|||<address>||<phone>|||||||<ssn>\\rORC|NW|ORD1234"),
        Arguments.of("PID|1||MRN7788^^^STM^MR||BROWN^EMILY||19920315|F|||9 PINE ST^^AUSTIN^TX^78701||512-555-0101|||||||412-55-6789",
            "PID|1||MRN7788^^^STM^MR||<name>||<birthdate>|F|||<address>||<phone>|||||||<ssn>"),
        // a file's or MLLP frame's real carriage returns, a newline, a JSON string's escaped ones
        Arguments.of(MSH + "\rPID|1||556677^^^STM^MR||OKAFOR^CHINEDU||19790228|M\rPV1|1|I|||||1234^JONES^AMY~5678^LEE^TOM\r",
            MSH + "\rPID|1||556677^^^STM^MR||<name>||<birthdate>|M\rPV1|1|I|||||1234^<name>~5678^<name>\r"),
        Arguments.of(MSH + "\nNK1|1|DOE^JOHN^A|SPO\nGT1|1||DOE^JANE^Q\n", MSH + "\nNK1|1|<name>|SPO\nGT1|1||<name>\n"),
        Arguments.of("{\"message\":\"" + MSH.replace("\\", "\\\\") + "\\rPID|1||556677^^^STM^MR||OKAFOR^CHINEDU||19790228\","
            + "\"level\":\"INFO\"}",
            "{\"message\":\"" + MSH.replace("\\", "\\\\") + "\\rPID|1||556677^^^STM^MR||<name>||<birthdate>\","
            + "\"level\":\"INFO\"}"),
        Arguments.of("{\"segment\":\"NK1|1|DOE^JOHN^A\",\"level\":\"INFO\"}", "{\"segment\":\"NK1|1|<name>\",\"level\":\"INFO\"}"),
        // a v2.5 phone (no formatted number), a mother's maiden name and an alias, HL7's null "" and empty fields
        Arguments.of("PID|||12345^^^H^MR||\"\"|KOWALSKI^ANNA|19800101^D||DOE^J||||^PRN^PH^^1^217^5550123",
            "PID|||12345^^^H^MR||\"\"|<name>|<birthdate>||<name>||||<phone>"),
        // next of kin's and a guarantor's other fields
        Arguments.of("NK1|1|DOE^JOHN||||||||||||||19781231||||||||||||||ROE^RICHARD|555-0100^WPN|1 ELM ST^^X^IL^60000|||||412556789",
            "NK1|1|<name>||||||||||||||<birthdate>||||||||||||||<name>|<phone>|<address>|||||<ssn>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        MSH,
        "ORC|NW|ORD1234",
        "OBX|1|NM|8302-2^Body height^LN||170|cm",
        "PID|1||",
        "PID|1||||||||||||||||||||||",
        "PID|1||MRN7788^^^STM^MR|||||||||||||||ACCT998877",
        "PV1|1|I|4W^401^A^ACMEHOSP||||1234567890|||MED",
        // pipe tables and process lists
        "| PID | user | cmd |",
        "|PID|USER|COMMAND|",
        "| PID | NK1 | GT1 | IN1 | PV1 |\n|---|---|---|---|---|\n| 4242 | a | b | c | d |",
        "  PID TTY          TIME CMD\n 4242 pts/0    00:00:00 bash",
        "PID|PPID|USER|%CPU|%MEM|VSZ|RSS|TTY|STAT|START|TIME|COMMAND",
        "PID|4242|root|0.0|0.1|16984|9216|?|Ss|10:30|0:01|/sbin/init splash",
        // shell pipelines and lower case
        "echo $PID|grep 1",
        "ps -o pid|tail -1",
        "kill $(cat app.pid|head -1)",
        "pid|1||x||doe^jane||19800101",
        "LOGIN1|1||x||DOE^JANE||19800101",
        // redacted already
        "PID|1||12345678^^^ACMEHOSP^MR||<name>||<birthdate>|F|||<address>||<phone>|<phone>|EN|M|CAT||<ssn>|||N");
  }

  /** Real hashed tokens ({@code <name:1a2b3c4d>}) are passed over as masks are: redacting twice equals once. */
  @Test
  void tokensOfAnEarlierRedactionStay() {
    Redactor hashing = Redactor.builder().build();
    String once = hashing.redact(lines());
    assertThat(once).contains("<name:", "<birthdate:", "<address:", "<ssn:").doesNotContain("DOE^JANE", "19800101");
    assertThat(hashing.redact(once)).isEqualTo(once);
  }

  /** All the cases in one stream, one after another (each alone is streamed by the base class). */
  @Test
  void streamedAsWhole() throws IOException {
    assertThat(streamed(lines()))
        .isEqualTo(redacted().map(a -> (String) a.get()[1]).collect(Collectors.joining("\n", "", "\n")));
  }

  private static String lines() {
    return redacted().map(a -> (String) a.get()[0]).collect(Collectors.joining("\n", "", "\n"));
  }
}
