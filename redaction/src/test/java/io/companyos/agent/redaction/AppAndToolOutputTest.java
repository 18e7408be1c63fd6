package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Secrets and users in application and tool output that session 20's second red team found left whole, each in the
 * program's own format: Terraform's plan (keys padded to line up their {@code =}), Python's bytes literals in
 * botocore's and http.client's debug dumps, Vault's table output, Elasticsearch's generated passwords and
 * enrollment tokens, session ids (Spring, Tomcat, a log's MDC, Keycloak's cookie), Grafana's {@code uname=},
 * Jenkins' build cause, Windows accounts in quotes; and error messages whose words are no user.
 */
class AppAndToolOutputTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("      + master_password         = \"S3cretPw\"", "      + master_password         = \"<secret>\""),
        Arguments.of("          + \"DB_PASSWORD\"                     = \"S3cretPw\"",
            "          + \"DB_PASSWORD\"                     = \"<secret>\""),
        Arguments.of("db_password          = \"S3cretPw\"", "db_password          = \"<secret>\""),
        Arguments.of("headers={'x-api-key': b'0123456789abcdef0123456789abcdef', 'password': b'Hunter2Secret'}",
            "headers={'x-api-key': b'<secret>', 'password': b'<secret>'}"),
        Arguments.of("password           SsnoaA-8Tv4t34f41baD", "password           <secret>"),
        Arguments.of("username           v-vaultuser-my-role-x7Qp2", "username           <user>"),
        Arguments.of("secret_id               841771dc-11c9-bbc7-bcac-6a3945a69cd9", "secret_id               <secret>"),
        Arguments.of("ℹ️  Password for the elastic user (reset with `bin/elasticsearch-reset-password -u elastic`):\n"
                + "  yWyB3q5Ab+CdEfGhIjKl\n",
            "ℹ️  Password for the elastic user (reset with `bin/elasticsearch-reset-password -u elastic`):\n"
                + "  <secret>\n"),
        Arguments.of("• Copy the following enrollment token and paste it into Kibana in your browser:\n"
                + "  eyJ2ZXIiOiI4LjAuMCIsImFkciI6WyIxOTIuMC4yLjEwOjkyMDAiXX0=\n",
            "• Copy the following enrollment token and paste it into Kibana in your browser:\n  <secret>\n"),
        Arguments.of("Password for the [elastic] user successfully reset.\nNew value: aB3dEf9hIjKlMn0p",
            "Password for the [elastic] user successfully reset.\nNew value: <secret>"),
        Arguments.of("Details=WebAuthenticationDetails [RemoteIpAddress=192.0.2.10, SessionId=8F2A6C1D3B9E4F5A7C0D1E2F3A4B5C6D]",
            "Details=WebAuthenticationDetails [RemoteIpAddress=<ipv4>, SessionId=<secret>]"),
        Arguments.of("\"GET /app/cart;jsessionid=8F2A6C1D3B9E4F5A7C0D1E2F3A4B5C6D HTTP/1.1\" 200 512",
            "\"GET /app/cart;jsessionid=<secret> HTTP/1.1\" 200 512"),
        Arguments.of("{\"mdc\":{\"sessionId\":\"8F2A6C1D3B9E4F5A7C0D1E2F3A4B5C6D\"}}", "{\"mdc\":{\"sessionId\":\"<secret>\"}}"),
        Arguments.of("(executor-thread-1) Set AUTH_SESSION_ID cookie with value 4f3c2a1e-9b8d-7c6f-5e4d-3c2b1a0f9e8d.node1",
            "(executor-thread-1) Set AUTH_SESSION_ID cookie with value <secret>"),
        Arguments.of("logger=context userId=3 orgId=1 uname=alice t=2024-05-01T10:00:00Z method=GET",
            "logger=context userId=3 orgId=1 uname=<user> t=2024-05-01T10:00:00Z method=GET"),
        Arguments.of("Started by user Alice Smith\nRunning as SYSTEM", "Started by user <user>\nRunning as SYSTEM"),
        Arguments.of("com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'CORP\\alice'.",
            "com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user '<user>'."),
        Arguments.of("sshd[1]: Invalid user name from 192.0.2.1 port 22", "sshd[1]: Invalid user <user> from <ipv4> port 22"),
        // values in brackets (Spring's request details, Go's header maps, JSON lists) and one level down (actuator)
        Arguments.of("POST \"/login\", parameters={username:[alice], password:[Hunter2Secret]}, headers={x-api-key:[0123456789abcdef0123]}",
            "POST \"/login\", parameters={username:[<user>], password:[<secret>]}, headers={x-api-key:[<secret>]}"),
        Arguments.of("request headers: map[Accept:[*/*] Cookie:[session=9f8e7d6c5b4a3f2e1d0c] X-Api-Key:[0123456789abcdef0123]]",
            "request headers: map[Accept:[*/*] Cookie:[session=<secret>] X-Api-Key:[<secret>]]"),
        Arguments.of("{\"headers\":{\"X-Auth-Token\":[\"abc123def456ghi789\"],\"X-Api-Key\":[\"k1\", \"k2\"]}}",
            "{\"headers\":{\"X-Auth-Token\":[\"<secret>\"],\"X-Api-Key\":[\"<secret>\", \"<secret>\"]}}"),
        Arguments.of("{\"DB_PASSWORD\":{\"value\":\"S3cretPw\",\"origin\":\"System Environment Property\"}}",
            "{\"DB_PASSWORD\":{\"value\":\"<secret>\",\"origin\":\"System Environment Property\"}}"),
        // signed URLs and SAML responses in a query; Elasticsearch's security log
        Arguments.of("GET /key.txt?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1714644672&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D",
            "GET /key.txt?AWSAccessKeyId=<aws_key>&Expires=1714644672&Signature=<secret>"),
        Arguments.of("GET /sso?SAMLResponse=PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxw&RelayState=abc",
            "GET /sso?SAMLResponse=<secret>&RelayState=abc"),
        Arguments.of("[node1] Authentication of [alice] was terminated by realm [ldap1] - authenticate failed",
            "[node1] Authentication of [<user>] was terminated by realm [ldap1] - authenticate failed"),
        // docker login's user (its -p was already the password; a piped password is still found behind the user)
        Arguments.of("+ docker login -u alice -p Passw0rd! registry.example.com",
            "+ docker login -u <user> -p <secret> registry.example.com"),
        Arguments.of("printf '%s\\n' 'printfPw1' | docker login -u ci --password-stdin ghcr.io",
            "printf '%s\\n' '<secret>' | docker login -u <user> --password-stdin ghcr.io"),
        // HikariCP's configuration dump, RabbitMQ's definitions, Azure API Management's key header
        Arguments.of("com.zaxxer.hikari.HikariConfig : username........................\"appuser\"",
            "com.zaxxer.hikari.HikariConfig : username........................\"<user>\""),
        Arguments.of("{\"users\":[{\"password_hash\":\"kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR\"}]}",
            "{\"users\":[{\"password_hash\":\"<password_hash>\"}]}"),
        Arguments.of("{\"headers\":{\"Ocp-Apim-Subscription-Key\":\"0123456789abcdef0123456789abcdef\"}}",
            "{\"headers\":{\"Ocp-Apim-Subscription-Key\":\"<secret>\"}}"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "      + password_length         = 16",
        "password expired",
        "password  expired yesterday",
        "lease_duration     1h",
        "    password           indented is no table",
        "SessionId=null",
        "AuthenticationFlowException: Invalid user credentials",
        "error: invalid user or password",
        "Invalid user name or password",
        "Generate an enrollment token with the tool.\nThen paste it into Kibana.",
        "Password for the report is due.\nok",
        "Authentication=UsernamePasswordAuthenticationToken [Principal=x, Credentials=[PROTECTED], Authenticated=true]",
        "\"password\": [], \"secret\": {\"x\": 1}",
        "signature: ok",
        "git push -u origin main",
        "docker run -u 1000:1000 image",
        "com.zaxxer.hikari.HikariConfig : password........................<masked>",
        "com.zaxxer.hikari.HikariConfig : maximumPoolSize.................10");
  }
}
