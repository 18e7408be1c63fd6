package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 25: formats session 24's red team of platform tools left (docs/redaction.md, *Known gaps*). Each redacted
 * case came out with the secret, hash or user in clear before; the unchanged cases are their look-alikes.
 */
class Session25GapsTest extends RedactedAndKeptCases {
  private static final String TFC = "sB8hT1bHwtd3Ng.atlasv1.mdSflCOGxfznAqUGwdRW0FFIh8aMSkFzkiE3e6ZcMBJUOIYS9tfIMk5TObkAbO6txXw";
  private static final String NUGET = "oy2ljbf7ao6uvyxpt6zsxk4b2m6cq3ehemv3wu4pkkqurq";

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Terraform Cloud / Enterprise API tokens: the .atlasv1. sits after a 14-character id
        Arguments.of("Authenticating to app.terraform.io with " + TFC + " for workspace prod",
            "Authenticating to app.terraform.io with <token> for workspace prod"),
        Arguments.of("{\"name\":\"ci-runner\",\"value\":\"" + TFC + "\"}",
            "{\"name\":\"ci-runner\",\"value\":\"<token>\"}"),
        // NuGet: nuget.org's key shape anywhere, and any key after nuget's -k or setapikey
        Arguments.of("dotnet nuget push pkg.1.0.0.nupkg -s https://api.nuget.org/v3/index.json " + NUGET,
            "dotnet nuget push pkg.1.0.0.nupkg -s https://api.nuget.org/v3/index.json <token>"),
        Arguments.of("nuget push Acme.Lib.2.1.0.nupkg -k PrivateFeedKey2024 -src https://feed.example.com/nuget",
            "nuget push Acme.Lib.2.1.0.nupkg -k <secret> -src https://feed.example.com/nuget"),
        Arguments.of("nuget setapikey PrivateFeedKey2024 -source https://feed.example.com/nuget",
            "nuget setapikey <secret> -source https://feed.example.com/nuget"),
        // ZooKeeper digest ACLs: setAcl and getAcl's output
        Arguments.of("setAcl /app/config digest:appuser:x1nq8J5GOJVPY6zgBh3JjLc7vps=:cdrwa",
            "setAcl /app/config digest:<user>:<password_hash>:cdrwa"),
        Arguments.of("'digest,'appuser:x1nq8J5GOJVPY6zgBh3JjLc7vps=\n: cdrwa",
            "'digest,'<user>:<password_hash>\n: cdrwa"),
        // Jetty's realm.properties
        Arguments.of("jdoe: MD5:164c88b302622e17050af52c89945d44,server-administrator,content-administrator",
            "<user>: MD5:<password_hash>,server-administrator,content-administrator"),
        Arguments.of("guest: CRYPT:adpexzg3FUZAk,user", "guest: CRYPT:<password_hash>,user"),
        // Nagios / Icinga resource.cfg
        Arguments.of("$USER1$=/usr/lib64/nagios/plugins\n$USER3$=N4gi0sDbPw!\n$USER4$=monitor",
            "$USER1$=/usr/lib64/nagios/plugins\n$USER3$=<secret>\n$USER4$=<secret>"),
        // Grafana's data source headers, provisioning YAML and the HTTP API's JSON
        Arguments.of("    secureJsonData:\n      httpHeaderValue1: 'ApiKey 9f8e7d6c5b4a'",
            "    secureJsonData:\n      httpHeaderValue1: '<secret>'"),
        Arguments.of("{\"httpHeaderName2\":\"X-Api-Key\",\"secureJsonData\":{\"httpHeaderValue2\":\"k3yV4lue\"}}",
            "{\"httpHeaderName2\":\"X-Api-Key\",\"secureJsonData\":{\"httpHeaderValue2\":\"<secret>\"}}"),
        // IPv6 addresses in tcpdump's and tshark's output, a port after a dot
        Arguments.of("10:00:00.000000 IP6 2001:db8::10.50000 > 2001:db8::20.443: Flags [S], seq 1, win 64800",
            "10:00:00.000000 IP6 <ipv6>.50000 > <ipv6>.443: Flags [S], seq 1, win 64800"),
        Arguments.of("10:00:00.000000 IP6 fe80::1c2d:3eff:fe4f:5a6b.546 > ff02::1:2.547: dhcp6 solicit",
            "10:00:00.000000 IP6 <ipv6>.546 > <ipv6>.547: dhcp6 solicit"),
        // users: Cassandra's audit log, ClickHouse's authentication failures, RabbitMQ's definitions export
        Arguments.of("INFO  [audit] LogMessage: user:jdoe|host:db-1:7000|source:/db-2|port:54321|type:LOGIN_SUCCESS",
            "INFO  [audit] LogMessage: user:<user>|host:db-1:7000|source:/db-2|port:54321|type:LOGIN_SUCCESS"),
        Arguments.of("<Error> TCPHandler: Code: 516. DB::Exception: jdoe: Authentication failed: password is incorrect,"
            + " or there is no user with such name. (AUTHENTICATION_FAILED)",
            "<Error> TCPHandler: Code: 516. DB::Exception: <user>: Authentication failed: password is incorrect,"
            + " or there is no user with such name. (AUTHENTICATION_FAILED)"),
        Arguments.of("{\"users\":[{\"name\":\"app_writer\",\"password_hash\":\"kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR\","
            + "\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[\"administrator\"],\"limits\":{}}]}",
            "{\"users\":[{\"name\":\"<user>\",\"password_hash\":\"<password_hash>\","
            + "\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":[\"administrator\"],\"limits\":{}}]}"),
        Arguments.of("  {\n    \"name\": \"ops\",\n    \"tags\": [\"monitoring\"],\n    \"hashing_algorithm\": \"rabbit_password_hashing_sha512\"\n  }",
            "  {\n    \"name\": \"<user>\",\n    \"tags\": [\"monitoring\"],\n    \"hashing_algorithm\": \"rabbit_password_hashing_sha512\"\n  }"),
        // Aruba's password plaintext/ciphertext, anywhere on a line
        Arguments.of("user admin group administrators password plaintext Aruba$ecret1",
            "user admin group administrators password plaintext <secret>"),
        Arguments.of("mgmt-user ops root password ciphertext AQBapXmU8bT2c4Pz9vQ==",
            "mgmt-user ops root password ciphertext <secret>"),
        // PPP's chap-secrets (tabs, as pppd's template has them; or blanks), the JDK's jmxremote.password
        Arguments.of("# client\tserver\tsecret\t\t\tIP addresses\njdoe\t*\t\"Chap$ecret99\"\t*",
            "# client\tserver\tsecret\t\t\tIP addresses\n<user>\t*\t\"<secret>\"\t*"),
        Arguments.of("\"vpn user\" * \"Pap Secret 7\" 10.8.0.0/24", "\"<user>\" * \"<secret>\" <ipv4>/24"),
        Arguments.of("monitorRole  QED\ncontrolRole   R&D2024pw", "monitorRole  <secret>\ncontrolRole   <secret>"),
        // MinIO's mc admin user add; Windows' net user NAME
        Arguments.of("mc admin user add myminio jdoe Minio$ecret42", "mc admin user add myminio <user> <secret>"),
        Arguments.of("User name                    jdoe\nFull Name                    Jane Doe\nComment",
            "User name                    <user>\nFull Name                    <name>\nComment"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Digest: sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
        "Status: Downloaded newer image for nginx:latest digest: sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31",
        "curl -k https://localhost:8443/healthz -o /dev/null",
        "setAcl /app/config world:anyone:r",
        "md5: 164c88b302622e17050af52c89945d44  backup.tar.gz",
        "check_command check_nrpe!-H $HOSTADDRESS$ -c check_disk -a $USER3$",
        "deploy2 employ2 toy2x",
        "release-v1.atlasv1.notes.txt",
        "      httpHeaderName1: 'X-Api-Key'",
        "secureJsonFields: {httpHeaderValue1: true}",
        "python3.11 requests==2.31.0 version 1.2.3.4567 released",
        "2001:db8::1.2 is no port without tcpdump's arrow",
        "DB::Exception: default: Authentication failed: password is incorrect",
        "Authentication failed: invalid credentials",
        "{\"vhosts\":[{\"name\":\"/\"}],\"permissions\":[]}",
        "monitorRole   readonly\ncontrolRole   readwrite \\\n              create javax.management.monitor.*",
        "SELECT * FROM t WHERE a = 1 * \"factor\" + 2",
        "the plaintext password policy is enforced",
        "mc admin user add --help",
        "Full Name                    \nComment  Built-in account for administering the computer");
  }
}
