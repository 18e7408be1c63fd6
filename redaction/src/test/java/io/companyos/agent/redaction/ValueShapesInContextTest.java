package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Values of a detectable shape that a neighbouring byte defeated (session 21's application-log red team): a card
 * number followed by a comma, dot or dash and more digits (a CSV row's next field, {@code card,exp}), an e-mail
 * address followed by MyBatis's {@code (String)}, the first value of PostgreSQL's composite {@code Key (email,
 * username)=(…)} once a later value was matched; with the shapes that stay (a method call on an object reference).
 */
class ValueShapesInContextTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("1,Jane,jane.doe@example.com,4111111111111111,078-05-1120,192.0.2.10",
            "1,Jane,<email>,<card>,<ssn>,<ipv4>"),
        Arguments.of("4111111111111111,5555555555554444,378282246310005", "<card>,<card>,<card>"),
        Arguments.of("card 4111111111111111,12/27 cvv 123", "card <card>,12/27 cvv <secret>"),
        Arguments.of("4111-1111-1111-1111,12 and 4111111111111111.12 and 4111111111111111-12",
            "<card>,12 and <card>.12 and <card>-12"),
        Arguments.of("==> Parameters: 42(Long), jane.doe@example.com(String), true(Boolean)",
            "==> Parameters: 42(Long), <email>(String), true(Boolean)"),
        Arguments.of("DETAIL:  Key (email, username)=(jane.doe@example.com, jdoe) already exists.",
            "DETAIL:  Key (email, username)=(<email>, <user>) already exists."),
        Arguments.of("DETAIL:  Key (email, name)=(jane.doe@example.com, Jane Doe) already exists.",
            "DETAIL:  Key (email, name)=(<email>, <name>) already exists."),
        Arguments.of("{\"from\":\"Jane Doe <jane.doe@example.com>\",\"to\":[\"John Smith <john.smith@example.org>\"]}",
            "{\"from\":\"<name> <<email>>\",\"to\":[\"<name> <<email>>\"]}"),
        Arguments.of("recipients=[Jane Doe <jane.doe@example.com>, John Smith <john.smith@example.org>]",
            "recipients=[<name> <<email>>, <name> <<email>>]"),
        Arguments.of("client rappel au 01 23 45 67 89, mobile 06\u00a012\u00a034\u00a056\u00a078",
            "client rappel au <phone>, mobile <phone>"),
        Arguments.of("Tel. 030 901820 (Zentrale)", "Tel. <phone> (Zentrale)"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Task@1f2e.getId() returned null",
        "com.example.Job@6d06d69c.run(Job.java:42)",
        "4111111111111112,12",
        "order 1234567890123456,7 shipped",
        "00000010  01 23 45 67 89 ab cd ef 01 02 03 04 05 06 07 08  |.#Eg............|",
        "bytes: 01 02 03 04 05 06 07 08",
        "time 01 23 45 67 89 10",
        "offset 030 90182");
  }
}
