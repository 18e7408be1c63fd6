package io.companyos.agent.redaction;

import static io.companyos.agent.redaction.DetectorCatalogTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes the held-out corpus ({@code corpus/heldout-s13.txt}) found surviving or wrongly changed, each with the
 * hard negatives that must stay: Vault's and Consul's secret ids, dotted key names, Redis MONITOR's AUTH, Vault's unseal keys, Elastic's user.name, surname particles, the placeholders of Terraform and the shell, systemd units and certificate serials, journald's sudo[pid], IAM users' ARNs.
 */
class HeldOutFixesTest {
  private static final Redactor MASK = DetectorCatalogTest.masking(Redactor.builder());

  static Stream<Arguments> redacted() {
    return Stream.of(
        p("consul acl bootstrap: SecretID: 7e8f9a0b-1c2d-4e3f-9a5b-6c7d8e9f0a1b",
            "consul acl bootstrap: SecretID: <secret>"),
        p("vault write auth/approle/login role_id=db-role secret_id=2c9e-77f1-a0b3",
            "vault write auth/approle/login role_id=db-role secret_id=<secret>"),
        p("{\"secret-id\": \"f00d-beef-cafe\"}", "{\"secret-id\": \"<secret>\"}"),
        p("app.encryption.key=A7f3K9mQ2xV8pLt4Rz6Wb1Yc5Hd0Jg3N", "app.encryption.key=<secret>"),
        p("jwt.signing.key: hs512-signing-value", "jwt.signing.key: <secret>"),
        p("rails master.key=0a1b2c3d4e5f", "rails master.key=<secret>"),
        p("1732612345.123456 [0 127.0.0.1:53122] \"AUTH\" \"r3d1s-pw\"",
            "1732612345.123456 [0 127.0.0.1:53122] \"AUTH\" \"<secret>\""),
        p("1732612345.123456 [0 127.0.0.1:53122] \"auth\" \"alice\" \"acl-pw-1\"",
            "1732612345.123456 [0 127.0.0.1:53122] \"auth\" \"<user>\" \"<secret>\""),
        p("Unseal Key 1: Xk2p9LmQ7rT4wZ8bN1cVyH3jF6dG0sAeU2iO4pK7lMn8", "Unseal Key 1: <secret>"),
        p("unseal key 12: q3Vx8M2nR7kLp4Tz9wYb6Hc1Jd5Fg0Se+/Ua3Wi8Xo==", "unseal key 12: <secret>"),
        p("{\"event.action\":\"authentication_failed\",\"user.name\":\"logstash_writer\"}",
            "{\"event.action\":\"authentication_failed\",\"user.name\":\"<user>\"}"),
        p("user.name=jdoe", "user.name=<user>"),
        p("password=(sensitiveData)Pw9x", "password=<secret>"),
        p("payout name=\"Jan de Vries\" ok", "payout name=\"<name>\" ok"),
        p("{\"name\": \"Ana Maria da Silva\"}", "{\"name\": \"<name>\"}"),
        p("Nov 26 11:03:02 bastion sudo[29001]:  jmorales : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls",
            "Nov 26 11:03:02 bastion sudo[29001]:  <user> : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls"),
        p("{\"arn\":\"arn:aws:iam::123456789012:user/c.dubois\"}", "{\"arn\":\"arn:aws:iam::123456789012:user/<user>\"}"),
        p("AccessDenied: arn:aws-us-gov:iam::210987654321:user/ops/alice is not authorized",
            "AccessDenied: arn:aws-us-gov:iam::210987654321:user/<user> is not authorized"));
  }

  @ParameterizedTest(name = "[{index}]") // indices: no value in a test's name
  @MethodSource("redacted")
  void redactsTheValue(String in, String expected) {
    assertThat(MASK.redact(in)).isEqualTo(expected);
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "secret_id_ttl=24h secret_id_num_uses=10",
        "ssl.key-store-type=PKCS12 encryption.keySize=256",
        "1732612345.123456 [0 127.0.0.1:53122] \"GET\" \"auth\"",
        "redis> AUTH",
        "Unseal Key 1: (hidden)",
        "Unseal Progress: 1/3 Unseal Nonce: 5e4d3c2b",
        "Unseal Key 1: short",
        "reseal key 1: Xk2p9LmQ7rT4wZ8bN1cVyH3jF6dG0sA",
        "user.name=root",
        "{\"user.name\": null}",
        "user.names=3 user.name_max=64",
        "name=\"Order of the Day\"",
        "name=\"Jan de\"",
        "name=\"de Vries\"",
        "      ~ password = (sensitive value)",
        "      + master_password = (sensitive)",
        "client_secret: ${OIDC_CLIENT_SECRET:?must be set}",
        "password: ${DB_PASSWORD?}",
        "Nov 26 15:01:02 node3 systemd[1]: postgresql@16-main.service: Consumed 2min CPU time.",
        "Started getty@tty1.service and openvpn@server.socket",
        "OID 1.2.840.113549.1.1.11, serial 04:3f:8a:22:91:0c:7e:55",
        "Nov 26 11:03:02 bastion sudo[29001]:  root : TTY=pts/1 ; COMMAND=/bin/ls",
        "pseudo[3]:  x : y",
        "arn:aws:iam::123456789012:role/deploy",
        "arn:aws:iam::aws:policy/ReadOnlyAccess /api/user/42",
        "GET /v1/user/settings HTTP/1.1");
  }

  @ParameterizedTest(name = "[{index}]") // indices: no value in a test's name
  @MethodSource("unchanged")
  void leavesTheLine(String line) {
    assertThat(MASK.redact(line)).isEqualTo(line);
  }
}
