package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A payment card's security code under its keys ({@code cvv}, {@code cvc}, {@code security_code}), and international
 * phone numbers written with the national trunk prefix in parentheses ({@code +49 (0)30 …}, common in European
 * signatures and contact records) and a bare number under a phone key, which session 20's probes found left whole;
 * with the shapes that stay.
 */
class CardCodeAndTrunkPhoneTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("cvv=123", "cvv=<secret>"),
        Arguments.of("\"cvv\": \"123\"", "\"cvv\": \"<secret>\""),
        Arguments.of("cvc: 456", "cvc: <secret>"),
        Arguments.of("card_cvv=789", "card_cvv=<secret>"),
        Arguments.of("cardCvv2=4321", "cardCvv2=<secret>"),
        Arguments.of("security_code=882", "security_code=<secret>"),
        Arguments.of("{\"card\":{\"number\":\"4111111111111111\",\"cvc\":\"314\",\"exp\":\"12/29\"}}",
            "{\"card\":{\"number\":\"<card>\",\"cvc\":\"<secret>\",\"exp\":\"12/29\"}}"),
        Arguments.of("Telefon: +49 (0)30 12345678", "Telefon: <phone>"),
        Arguments.of("Tel +44 (0)20 7946 0958", "Tel <phone>"),
        Arguments.of("+41 (0)44 668 18 00", "<phone>"),
        Arguments.of("+49(0)89 1234 5678", "<phone>"),
        Arguments.of("call +1(415)555-0132 now", "call <phone> now"),
        // a phone key names a bare digit run, which the shape detector leaves
        Arguments.of("{\"name\":\"Alice Smith\",\"phone\":\"0301234567\",\"mobile\":\"+4915112345678\"}",
            "{\"name\":\"<name>\",\"phone\":\"<phone>\",\"mobile\":\"<phone>\"}"),
        Arguments.of("customer.phoneNumber=4155550100", "customer.phoneNumber=<phone>"),
        Arguments.of("fax=030-1234567", "fax=<phone>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "cvv_length=3",
        "cvv_required: true",
        "cvv: ${CARD_CVV}",
        "v1.2.3 (0)1",
        "+1 (0)",
        "score +3 (0)12",
        "phone_verified=true",
        "phone: none",
        "phone=12345",
        "mobile=iPhone 12");
  }
}
