package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 27: identity numbers other than US SSNs and bank account numbers (session 26's data-platform red team,
 * docs/redaction.md). Every redacted case left its number whole before: HR exports, payroll and KYC logs, onboarding
 * forms. The unchanged cases are the same keys with values that are no numbers, and shapes like a National Insurance
 * number's that are not one.
 */
class NationalIdAndAccountTest extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // national ids under their keys, in JSON, key=value, YAML-ish and camelCase
        Arguments.of("{\"employee_id\":4411,\"nino\":\"QQ123456C\",\"pesel\":\"44051401359\"}",
            "{\"employee_id\":4411,\"nino\":\"<national_id>\",\"pesel\":\"<national_id>\"}"),
        Arguments.of("national_insurance_number=AB 12 34 56 C", "national_insurance_number=<national_id>"),
        Arguments.of("bsn=111222333 burgerservicenummer: 123456782",
            "bsn=<national_id> burgerservicenummer: <national_id>"),
        Arguments.of("{\"steuer_id\":\"65929970489\",\"steuerId\":\"12345678995\"}",
            "{\"steuer_id\":\"<national_id>\",\"steuerId\":\"<national_id>\"}"),
        Arguments.of("onboarding: social_insurance_number: 046-454-286, province=ON",
            "onboarding: social_insurance_number: <national_id>, province=ON"),
        Arguments.of("personnummer=19811218-9876 status=verified", "personnummer=<national_id> status=verified"),
        Arguments.of("kyc check cpf=123.456.789-09 result=ok", "kyc check cpf=<national_id> result=ok"),
        Arguments.of("{\"codiceFiscale\":\"RSSMRA85T10A562S\"}", "{\"codiceFiscale\":\"<national_id>\"}"),
        Arguments.of("dni=12345678Z nie=X1234567L nif: 12345678Z",
            "dni=<national_id> nie=<national_id> nif: <national_id>"),
        Arguments.of("aadhaar=2345 6789 0123 name=x", "aadhaar=<national_id> name=x"),
        Arguments.of("INSERT ok nir=1 85 05 78 006 084 36", "INSERT ok nir=<national_id>"),
        Arguments.of("passport_number=C03005988 {\"passportNo\":\"X1234567\"}",
            "passport_number=<national_id> {\"passportNo\":\"<national_id>\"}"),
        Arguments.of("applicant driver_license=D1234-56789-01234 drivers_license_number: S530-4121-0987",
            "applicant driver_license=<national_id> drivers_license_number: <national_id>"),
        Arguments.of("vendor tax_id=12-3456789 {\"ein\":\"12-3456789\"}",
            "vendor tax_id=<national_id> {\"ein\":\"<national_id>\"}"),
        Arguments.of("  national_id: \"ID123456789\"", "  national_id: \"<national_id>\""),
        Arguments.of("Employee(id=7, nationalId=880101-1234567, team=ops)",
            "Employee(id=7, nationalId=<national_id>, team=ops)"),
        // a UK National Insurance number by its shape alone
        Arguments.of("HR import row 12: NI number JG103759A missing payroll id",
            "HR import row 12: NI number <national_id> missing payroll id"),
        Arguments.of("matched employee JG 10 37 59 A to record 42", "matched employee <national_id> to record 42"),
        // bank accounts other than IBANs
        Arguments.of("{\"account_number\":\"000123456789\",\"routing_number\":\"021000021\"}",
            "{\"account_number\":\"<bank_account>\",\"routing_number\":\"021000021\"}"),
        Arguments.of("ach payout accountNumber=12345678 amount=120.00", "ach payout accountNumber=<bank_account> amount=120.00"),
        Arguments.of("bank_account: 4111-2222-3333 holder verified", "bank_account: <bank_account> holder verified"),
        Arguments.of("{\"clabe\":\"032180000118359719\"}", "{\"clabe\":\"<bank_account>\"}"),
        // an id under its key is taken over a phone's reading of its digits (the phone would be kept in the map)
        Arguments.of("{\"aadhaar\":\"2345 6789 0123\"}", "{\"aadhaar\":\"<national_id>\"}"),
        Arguments.of("{\"account_number\":\"030 1234 5678\"}", "{\"account_number\":\"<bank_account>\"}"));
  }

  static Stream<Arguments> unchanged() {
    return Stream.of(
        // the keys with values that are no numbers
        Arguments.of("{\"passport\":null,\"nino\":\"unknown\",\"tax_id\":\"N/A\"}"),
        Arguments.of("passport: Unknown authentication strategy \"oidc\""),
        Arguments.of("account_number_format=IBAN account_number_masked=true"),
        Arguments.of("{\"national_id\":\"${NATIONAL_ID}\",\"bank_account\":\"pending\"}"),
        Arguments.of("driver_license: required, nif: 12 chars max"),
        // keys that end in other words, and words that hold a key word
        Arguments.of("passport_expiry=2031-05-04 nino_verified=true protein=1234567"),
        Arguments.of("routing_number=021000021 sort_code=12-34-56"),
        Arguments.of("setting tin=1234 using sin=12345 in the formula"),
        // National Insurance look-alikes: an example prefix, a part number, no suffix, a longer word, never issued
        Arguments.of("HMRC example QQ 12 34 56 C"),
        Arguments.of("part SKU123456A shipped"),
        Arguments.of("ticket AB1234567 closed"),
        Arguments.of("GB123456A prefix never issued"),
        Arguments.of("JG103759 no suffix, JG103759AB longer word"),
        Arguments.of("TN 12 34 56 B is not issued"),
        Arguments.of("XJG103759A inside a word"),
        Arguments.of("HTTP 200 OK, EU-West AB12 build, GC 12 ms"));
  }

  @Test
  void structuredDocumentsTakeTheSameKeys() throws Exception {
    StringWriter out = new StringWriter();
    MASK.redactStructured(StructuredFormat.YAML,
        new StringReader("employee:\n  passport_number: C03005988\n  bank_account: '000123456789'\n"
            + "  passport_expiry: 2031-05-04\n"), out, new RedactionCounter());
    assertThat(out.toString()).contains("passport_number: \"<national_id>\"", "bank_account: \"<bank_account>\"",
        "passport_expiry: \"2031-05-04\"").doesNotContain("C03005988", "000123456789");
  }
}
