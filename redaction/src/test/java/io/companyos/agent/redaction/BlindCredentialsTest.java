package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Credentials the blind corpus ({@code corpus/blind-s13.txt}) found surviving, each with the hard negatives of its
 * shape. Display names are indices: no value appears in a test's name.
 */
class BlindCredentialsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // SMTP/IMAP SASL initial responses: PLAIN is authzid NUL user NUL password, XOAUTH2 user=…^Aauth=…
        Arguments.of("C: AUTH PLAIN AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg==", "C: AUTH PLAIN <auth>"),
        Arguments.of("auth plain AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg==\r\n", "auth plain <auth>\r\n"),
        Arguments.of("a1 AUTHENTICATE PLAIN AGJvYgBJbWFwUHcxMg==", "a1 AUTHENTICATE PLAIN <auth>"),
        Arguments.of("C: AUTH XOAUTH2 dXNlcj1ib2JAZXhhbXBsZS5vcmcBYXV0aD1CZWFyZXIgeWEyOS5hYmNkZWYBAQ==",
            "C: AUTH XOAUTH2 <auth>"),
        // a kubeconfig's client key (client-key alone must end its key)
        Arguments.of("    client-key-data: TFMwdExTMUNSVWRKVGlCU1UwRWdVRkpKVmtGVVJTQkxSVmt0TFMwdExRbz0=\n",
            "    client-key-data: <secret>\n"),
        // OAuth 2.0 authorization codes in a redirect and a token request
        Arguments.of("GET /cb?state=x1&code=4f1c7a9e-3b1d-4c5e-9f8a-1b2c3d4e5f60.0b1c2d3e HTTP/1.1",
            "GET /cb?state=x1&code=<secret> HTTP/1.1"),
        Arguments.of("GET /cb?code=4%2F0AeaYSHBexampleCodeValue123&scope=email HTTP/1.1",
            "GET /cb?code=<secret>&scope=email HTTP/1.1"),
        Arguments.of("grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA9f&redirect_uri=x",
            "grant_type=authorization_code&code=<secret>&redirect_uri=x"),
        // Oracle's thin URL: user/password@
        Arguments.of("url=jdbc:oracle:thin:app_ro/OraPw2026x@//ora1.example.org:1521/PDB1",
            "url=jdbc:oracle:thin:<user>/<secret>@//ora1.example.org:1521/PDB1"),
        Arguments.of("jdbc:oracle:thin:app_ro/OraPw2026x@(DESCRIPTION=(ADDRESS=(HOST=h)))",
            "jdbc:oracle:thin:<user>/<secret>@(DESCRIPTION=(ADDRESS=(HOST=h)))"),
        // auditd's EXECVE record of mysql -px
        Arguments.of("type=EXECVE msg=audit(1732612600.789:4700): argc=3 a0=\"mysql\" a1=\"-uroot\" a2=\"-pAuditPw-1\"",
            "type=EXECVE msg=audit(1732612600.789:4700): argc=3 a0=\"mysql\" a1=\"-uroot\" a2=\"-p<secret>\""),
        // neo4j-admin's initial password
        Arguments.of("neo4j-admin dbms set-initial-password GraphPw2026\n", "neo4j-admin dbms set-initial-password <secret>\n"),
        Arguments.of("$ neo4j-admin set-initial-password 'Graph Pw'", "$ neo4j-admin set-initial-password '<secret>'"));

  }

  static Stream<String> unchanged() {
    return Stream.of(
        "C: AUTH PLAIN",
        "S: 334 VXNlcm5hbWU6",
        "C: AUTH PLAIN dXNlcjpwYXNz", // base64 of user:pass, no NUL: not PLAIN's shape
        "C: AUTH XOAUTH2 YWJjZGVmZ2hpamtsbW5vcA==", // not user=…
        "REAUTH PLAIN AGJvYkBleGFtcGxlLm9yZwBTbXRwUHcxMg==",
        "    client-certificate-data: TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0Q2c9PQ==",
        "GET /api?status=1&code=200 HTTP/1.1",
        "GET /err?code=INVALID_REQUEST_PARAMETERS HTTP/1.1",
        "GET /x?code=${CODE} HTTP/1.1",
        "exit code=137 reason=OOMKilled",
        "jdbc:oracle:thin:@//ora1.example.org:1521/PDB1",
        "jdbc:oracle:thin:@ora1:1521:ORCL",
        "neo4j-admin dbms set-initial-password",
        "type=EXECVE msg=audit(1732612600.789:4701): argc=3 a0=\"docker\" a1=\"run\" a2=\"-p8080:80\"",
        "type=EXECVE msg=audit(1732612600.789:4702): argc=2 a0=\"mysql\" a1=\"-p\"",
        "type=EXECVE msg=audit(1732612600.789:4703): argc=3 a0=\"mysql\" a1=\"-p\" a2=\"billing\"");
  }
}
