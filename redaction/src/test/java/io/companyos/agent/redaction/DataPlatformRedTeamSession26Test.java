package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26's red team of data platforms, configuration management and personal-data records (545 lines; report in
 * docs/redaction.md). Each redacted case leaked or was mislabelled before; the unchanged cases were replaced before
 * (tools' own masks) or are look-alikes.
 */
class DataPlatformRedTeamSession26Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Oracle's mkstore: the password was labelled a user (and so kept in clear in the reverse map)
        Arguments.of("mkstore -wrl /u01/app/oracle/wallet -createCredential PRODDB app_user 'W@llet99'",
            "mkstore -wrl /u01/app/oracle/wallet -createCredential PRODDB <user> '<secret>'"),
        Arguments.of("mkstore -wrl /u01/app/oracle/wallet -modifyCredential PRODDB app_user W@llet99",
            "mkstore -wrl /u01/app/oracle/wallet -modifyCredential PRODDB <user> <secret>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "spark.hadoop.fs.s3a.secret.key=*********(redacted)",
        "spark.ssl.keyStorePassword=*****(redacted)",
        "24/03/12 11:12:02 INFO Client: \t client token: N/A",
        "24/03/12 11:12:02 INFO Client: \t client token: Token { kind: YARN_CLIENT_TOKEN, service:  }",
        "        \"password\": \"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\",",
        "mkstore -wrl /u01/app/oracle/wallet -listCredential");
  }
}
