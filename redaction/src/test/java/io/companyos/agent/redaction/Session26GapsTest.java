package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26: what session 25's red teams left (docs/redaction.md, *Cloud CLIs, … brokers and observability agents*).
 * Each redacted case came out wrong before (a Kafka principal's type taken for a user and its name for a password);
 * the unchanged cases were replaced before (the clouds' fixed metadata addresses and host) or are look-alikes.
 */
class Session26GapsTest extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Kafka principals: the type stays, the name is a user (before: <user>:<secret>)
        Arguments.of("kafka-acls --bootstrap-server k:9092 --add --allow-principal User:alice --operation Read --topic t",
            "kafka-acls --bootstrap-server k:9092 --add --allow-principal User:<user> --operation Read --topic t"),
        Arguments.of("kafka-acls --remove --deny-principal=User:mallory --operation All --topic orders",
            "kafka-acls --remove --deny-principal=User:<user> --operation All --topic orders"),
        Arguments.of("kafka-acls --add --allow-principal Group:payments-team --operation Write --topic ledger",
            "kafka-acls --add --allow-principal Group:<user> --operation Write --topic ledger"),
        Arguments.of("Principal = User:bob is Allowed Operation = Read from host = *",
            "Principal = User:<user> is Allowed Operation = Read from host = *"),
        // curl's --user keeps its user:password reading
        Arguments.of("curl --user jdoe:Pa55w0rd! https://api.example.com/v1", "curl --user <user>:<secret> https://api.example.com/v1"),
        // a metadata address beside a customer's own address: only the customer's goes
        Arguments.of("route 169.254.169.254 via 10.20.0.1 dev eth0", "route 169.254.169.254 via <ipv4> dev eth0"),
        Arguments.of("curl http://metadata.google.internal/computeMetadata/v1/ -H 'Metadata-Flavor: Google' from db-1.prod.internal",
            "curl http://metadata.google.internal/computeMetadata/v1/ -H 'Metadata-Flavor: Google' from <host>"),
        Arguments.of("resolved metadata.google.internal.prod.internal", "resolved <host>"),
        Arguments.of("GET http://169.254.169.253/ from 169.254.169.2", "GET http://<ipv4>/ from <ipv4>"),
        // a user in an XML key and value pair, as the password beside it already was
        Arguments.of("<bean id=\"ds\" class=\"com.zaxxer.hikari.HikariDataSource\">\n  <property name=\"username\" value=\"app_rw\"/>\n"
            + "  <property name=\"password\" value=\"Hk!92xPq\"/>",
            "<bean id=\"ds\" class=\"com.zaxxer.hikari.HikariDataSource\">\n  <property name=\"username\" value=\"<user>\"/>\n"
            + "  <property name=\"password\" value=\"<secret>\"/>"),
        Arguments.of("<property name=\"userName\" value=\"jdoe\"/>", "<property name=\"userName\" value=\"<user>\"/>"),
        Arguments.of("<add key=\"DbUser\" value=\"svc_orders\" />", "<add key=\"DbUser\" value=\"<user>\" />"),
        // Fluentd's and Fluent Bit's blank-separated user keys, indented, beside their password keys
        Arguments.of("<match app.**>\n  @type elasticsearch\n  user fluentd_writer\n  password Fl0entdPw!\n</match>",
            "<match app.**>\n  @type elasticsearch\n  user <user>\n  password <secret>\n</match>"),
        Arguments.of("[OUTPUT]\n    Name  http\n    HTTP_User  fbuser\n    HTTP_Passwd fbpass99",
            "[OUTPUT]\n    Name  http\n    HTTP_User  <user>\n    HTTP_Passwd <secret>"),
        // a secret header set by a directive, blank-separated: Fluent Bit's Header, nginx's proxy_set_header, add_header
        Arguments.of("    Header X-API-Key 3f9a8b7c6d5e4f30", "    Header X-API-Key <secret>"),
        Arguments.of("    Header       X-Auth-Token tok_9f8e7d6c5b4a3210", "    Header       X-Auth-Token <secret>"),
        Arguments.of("        proxy_set_header X-Api-Key 8c1f5e2a9b7d4c30;", "        proxy_set_header X-Api-Key <secret>;"),
        Arguments.of("  add_header X-Secret-Token \"s3cr3t Value99\" always;", "  add_header X-Secret-Token \"<secret>\" always;"),
        // shadow's tools as commands: the login, a comment (the GECOS), a new login, a password hash
        Arguments.of("useradd -m -s /bin/bash -G sudo jdoe", "useradd -m -s /bin/bash -G sudo <user>"),
        Arguments.of("$ sudo useradd -m -c \"Jane Doe\" -p '$6$abcdefgh$0123456789abcdefghijABCDEFGHIJ0123456789abcdefghij' jdoe",
            "$ sudo useradd -m -c \"<name>\" -p '<password_hash>' <user>"),
        Arguments.of("usermod -l jsmith2 -aG docker jsmith", "usermod -l <user> -aG docker <user>"),
        Arguments.of("/usr/sbin/useradd --comment=\"Ops Bot\" --shell=/sbin/nologin svc_ops",
            "/usr/sbin/useradd --comment=\"<name>\" --shell=/sbin/nologin <user>"),
        Arguments.of("+ userdel -r jdoe", "+ userdel -r <user>"),
        Arguments.of("bin/elasticsearch-users useradd kibana_ops -p 'K1bana!Ops' -r kibana_admin",
            "bin/elasticsearch-users useradd <user> -p '<secret>' -r kibana_admin"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "kafka-acls --add --allow-principal User:* --operation Describe --group '*'",
        "Error retrieving credentials from the instance profile metadata service: connect to 169.254.169.254:80 timed out",
        "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "ECS_CONTAINER_METADATA_URI=http://169.254.170.2/v3/task",
        "<property name=\"username\" value=\"${db.username}\"/>",
        "  user jdoe not found in realm",
        "the useradd command failed",
        "userdel root",
        "useradd -D",
        "useradd $NEWUSER",
        "    Header X-Request-Id abc123",
        "    Header X-Api-Key ${API_KEY}",
        "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "the header X-Api-Key is missing",
        "    user ${FLUENT_USER}",
        "user nginx;",
        "    user root",
        "<property name=\"userDetailsService\" ref=\"userService\"/>",
        "<property name=\"userCacheSeconds\" value=\"300\"/>",
        "WALinuxAgent: Wire server endpoint:168.63.129.16",
        "Get \"http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token\": dial tcp: i/o timeout");
  }
}
