package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 28: the artifacts a vendor's support asks a customer for when a web application misbehaves (browser HAR
 * exports, API clients' collections and traces) and web applications' telemetry, error trackers and login flows.
 * Each redacted case left a value whole (or broke its line) before; the unchanged cases are look-alikes of the same
 * shapes.
 */
class SupportArtifactsSession28Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // a cookie header as a HAR file's name/value pair, on one line and pretty-printed over two
        Arguments.of("{\"name\":\"Cookie\",\"value\":\"JSESSIONID=9D1E2F3A4B5C6D7E8F90A1B2C3D4E5F6; "
            + "remember_me=eyJ1c2VyIjoiamFuZSJ9; theme=dark\"}",
            "{\"name\":\"Cookie\",\"value\":\"JSESSIONID=<secret>; remember_me=<secret>; theme=dark\"}"),
        Arguments.of("            {\n              \"name\": \"Cookie\",\n              \"value\": "
            + "\"connect.sid=s%3AQx7vB2nM9kL4pR8tW1yZ.abcDEF123; lang=en\"\n            },",
            "            {\n              \"name\": \"Cookie\",\n              \"value\": "
            + "\"connect.sid=<secret>; lang=en\"\n            },"),
        Arguments.of("{\"name\":\"Set-Cookie\",\"value\":\"sid=s%3Aab12Cd34Ef56Gh78.Xy9z; Path=/; HttpOnly\"}",
            "{\"name\":\"Set-Cookie\",\"value\":\"sid=<secret>; Path=/; HttpOnly\"}"),
        Arguments.of("{\"name\": \"set-cookie\",\n \"value\": \"__Host-session=8c1f2e3d4a5b6c7d8e9f; Secure\"}",
            "{\"name\": \"set-cookie\",\n \"value\": \"__Host-session=<secret>; Secure\"}"),
        // a HAR file's cookies list, whatever the cookies' names, and an error tracker's map and string of them
        Arguments.of("\"cookies\":[{\"name\":\"remember_me\",\"value\":\"eyJ1c2VyIjoiamFuZSJ9\",\"path\":\"/\","
            + "\"httpOnly\":true},{\"name\":\"theme\",\"value\":\"dark\"},{\"path\":\"/\",\"value\":\"Qm9iYnlUYWJsZXM\","
            + "\"name\":\"ajs_uid\"}]",
            "\"cookies\":[{\"name\":\"remember_me\",\"value\":\"<secret>\",\"path\":\"/\","
            + "\"httpOnly\":true},{\"name\":\"theme\",\"value\":\"dark\"},{\"path\":\"/\",\"value\":\"<secret>\","
            + "\"name\":\"ajs_uid\"}]"),
        Arguments.of("          \"cookies\": [\n            {\n              \"name\": \"rememberMe\",\n"
            + "              \"value\": \"a81b2c3d4e5f60718293\",\n              \"expires\": null,\n"
            + "              \"httpOnly\": false\n            }\n          ],",
            "          \"cookies\": [\n            {\n              \"name\": \"rememberMe\",\n"
            + "              \"value\": \"<secret>\",\n              \"expires\": null,\n"
            + "              \"httpOnly\": false\n            }\n          ],"),
        Arguments.of("\"request\":{\"cookies\":{\"sessionid\":\"q8w7e6r5t4y3u2i1\",\"theme\":\"dark\",\"n\":3,"
            + "\"csrftoken\":\"Zk3J9xQ2mP7vL1nR8tY4wZ6b\"}}",
            "\"request\":{\"cookies\":{\"sessionid\":\"<secret>\",\"theme\":\"dark\",\"n\":3,"
            + "\"csrftoken\":\"<secret>\"}}"),
        Arguments.of("\"cookies\": \"_app_session=9f8e7d6c5b4a39281706; locale=de\"",
            "\"cookies\": \"_app_session=<secret>; locale=de\""),
        // the value of a cookie pair that starts a line (a shell's X=a; cmd): the semicolon separates, it stays
        Arguments.of("JSESSIONID=9D1E2F3A4B5C6D7E8F90A1B2C3D4E5F6; _ga=GA1.2.12345.67890",
            "JSESSIONID=<secret>; _ga=GA1.2.12345.67890"),
        Arguments.of("PGPASSWORD=Tr0ub4dor3x; psql -h db -U app", "PGPASSWORD=<secret>; psql -h db -U app"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "{\"name\":\"Cookie\",\"value\":\"theme=dark; lang=en\"}",
        "{\"name\":\"Accept-Cookies\",\"value\":\"a81b2c3d4e5f60718293\"}",
        "\"cookies\": [],\n\"headersSize\": 512,",
        "\"cookies\":[{\"name\":\"theme\",\"value\":\"dark\"}],\"headers\":[{\"name\":\"X-Request-Id\","
            + "\"value\":\"3f2a9c1d-7e6b-4a5f-9c1d-7e6b5a4f3f2a\"}]",
        "cookiesEnabled=true cookies: 3 accepted",
        "\"cookies\": {\"count\": 3, \"blocked\": false}",
        // a framework's cookies settings: the attributes' values are no cookies
        "{\"cookies\": {\"domain\": \"portal.example.com\", \"sameSite\": \"Strict\", \"path\": \"/account/\"}}");
  }
}
