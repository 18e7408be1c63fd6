package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Lines of real tools that the blind corpus ({@code corpus/blind-s13.txt}) found changed, and the values of the same
 * shapes that must still go. Display names are indices: no value appears in a test's name.
 */
class BlindFalsePositivesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("secret: \"s3cr3t-value\"", "secret: \"<secret>\""),
        // a quoted value after the word secret is a secret unless it is a Kubernetes name and what happened to it
        Arguments.of("client secret \"S3cr3t!Value\" rejected", "client secret \"<secret>\" rejected"),
        Arguments.of("using secret \"hunter2-prod\"", "using secret \"<secret>\""),
        Arguments.of("secret \"db-credentials\" notfound-yet", "secret \"<secret>\" notfound-yet"),
        Arguments.of("secret \"Db-Credentials\" created", "secret \"<secret>\" created"),
        Arguments.of("PASSWORD 'SqlPw-2026'", "PASSWORD '<secret>'"),
        Arguments.of("docker login --password DockerPw123 reg.example.org", "docker login --password <secret> reg.example.org"),
        Arguments.of("password: YES-it-is", "password: <secret>"),
        Arguments.of("fe80::1ff:fe23:4567:890a%eth0 up", "<ipv6> up"),
        Arguments.of("addr 2001:db8:1::7-", "addr <ipv6>-"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Secret \"db-credentials\" created",
        "MountVolume.SetUp failed for volume \"creds\" : secret \"db-credentials\" not found",
        "secret \"registry-pull.v2\" configured",
        "Secret \"tls-web\" already exists",
        "Access denied for user (using password: NO)",
        "Error: ER_ACCESS_DENIED_ERROR: Access denied (using password: YES)",
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.",
        "::add-mask::***",
        "::add-matcher::.github/matchers.json",
        "::debug::cache hit");
  }
}
