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
            "mkstore -wrl /u01/app/oracle/wallet -modifyCredential PRODDB <user> <secret>"),
        // Azure storage account keys in Spark's configuration, named by the account's host after the key word
        Arguments.of("    \"spark.hadoop.fs.azure.account.key.globexlake.dfs.core.windows.net\": \"" + AZURE_KEY + "\",",
            "    \"spark.hadoop.fs.azure.account.key.globexlake.dfs.core.windows.net\": \"<secret>\","),
        Arguments.of("  --conf spark.hadoop.fs.azure.account.key.contosolake.dfs.core.windows.net=" + AZURE_KEY + " \\",
            "  --conf spark.hadoop.fs.azure.account.key.contosolake.dfs.core.windows.net=<secret> \\"),
        Arguments.of("spark.hadoop.fs.azure.account.key.acmeprodlake.dfs.core.windows.net  " + AZURE_KEY,
            "spark.hadoop.fs.azure.account.key.acmeprodlake.dfs.core.windows.net  <secret>"),
        Arguments.of("fs.gs.auth.service.account.private.key=NotADerButASecretValue12345",
            "fs.gs.auth.service.account.private.key=<secret>"),
        // a flag of one tool's line; SQL*Plus' CONNECT
        Arguments.of("beeline -u jdbc:hive2://hive.example.com:10000/sales -n etl_user2 -p 'HiveP@ss99'",
            "beeline -u jdbc:hive2://hive.example.com:10000/sales -n <user> -p '<secret>'"),
        Arguments.of("kadmin -p admin/admin -w AdminKrb#9 -q \"listprincs\"", "kadmin -p admin/admin -w <secret> -q \"listprincs\""),
        Arguments.of("databricks secrets put --scope prod --key sf_password --string-value H0rizon#Blue56",
            "databricks secrets put --scope prod --key sf_password --string-value <secret>"),
        Arguments.of("airflow connections add 'wh' --conn-type postgres --conn-login airflow_etl --conn-password 'P@ss-77'",
            "airflow connections add 'wh' --conn-type postgres --conn-login <user> --conn-password '<secret>'"),
        Arguments.of("SQL> CONNECT hr_app/Hr!App2024@PRODDB", "SQL> CONNECT <user>/<secret>@PRODDB"),
        Arguments.of("SQL> conn fin_ro/F1nR0pw", "SQL> conn <user>/<secret>"),
        // SQL Server's logins; roles given a password or LOGIN
        Arguments.of("CREATE LOGIN etl_loader2 WITH PASSWORD = 'L0ader!2024', CHECK_POLICY = OFF;",
            "CREATE LOGIN <user> WITH PASSWORD = '<secret>', CHECK_POLICY = OFF;"),
        Arguments.of("CREATE ROLE analytics WITH PASSWORD = 'An@lytics1' AND LOGIN = true;",
            "CREATE ROLE <user> WITH PASSWORD = '<secret>' AND LOGIN = true;"),
        Arguments.of("ALTER ROLE app_rw5 ENCRYPTED PASSWORD 'PgEncr!pt1';", "ALTER ROLE <user> ENCRYPTED PASSWORD '<secret>';"),
        // Spark's and Hadoop's users
        Arguments.of("INFO SecurityManager: ui acls disabled; users  with view permissions: Set(lwang); groups with view permissions: Set(ops); users  with modify permissions: Set(lwang, hdfs_etl)",
            "INFO SecurityManager: ui acls disabled; users  with view permissions: Set(<user>); groups with view permissions: Set(ops); users  with modify permissions: Set(<user>, <user>)"),
        Arguments.of("24/03/12 11:12:00 INFO SecurityManager: Changing modify acls to: lwang,etl_svc",
            "24/03/12 11:12:00 INFO SecurityManager: Changing modify acls to: <user>,<user>"),
        Arguments.of("INFO FSNamesystem.audit: allowed=false\tugi=mgonzalez (auth:SIMPLE)\tip=/10.1.2.7\tcmd=delete",
            "INFO FSNamesystem.audit: allowed=false\tugi=<user> (auth:SIMPLE)\tip=/<ipv4>\tcmd=delete"),
        // Puppet's users, Ansible -vvv's echo ~user, its loop items, Terraform's plan of a change
        Arguments.of("Notice: /Stage[main]/Profile::Users/User[mthompson]/comment: comment changed '' to 'Mary Thompson'",
            "Notice: /Stage[main]/Profile::Users/User[<user>]/comment: comment changed '' to '<name>'"),
        Arguments.of("<host> SSH: EXEC /bin/sh -c 'echo ~deploy && sleep 0'", "<host> SSH: EXEC /bin/sh -c 'echo ~<user> && sleep 0'"),
        Arguments.of("ok: [db01] => (item={'key': 'db_password', 'value': 'LoopPw!55'})",
            "ok: [db01] => (item={'key': 'db_password', 'value': '<secret>'})"),
        Arguments.of("  ~ password = \"OldTfPw1\" -> \"NewTfPw2\"", "  ~ password = \"<secret>\" -> \"<secret>\""),
        // addresses and names under their keys
        Arguments.of("{\"shipping_address\":{\"address1\":\"Hauptstraße 12\",\"address2\":\"Hinterhaus 3. OG\",\"city\":\"Berlin\"}}",
            "{\"shipping_address\":{\"address1\":\"<address>\",\"address2\":\"<address>\",\"city\":\"Berlin\"}}"),
        Arguments.of("{\"customerId\":42,\"shippingAddress\":\"1600 Pennsylvania Ave NW\"}",
            "{\"customerId\":42,\"shippingAddress\":\"<address>\"}"),
        Arguments.of("payee_name=Max Mustermann amount=1200.00", "payee_name=<name> amount=1200.00"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "spark.hadoop.fs.s3a.secret.key=*********(redacted)",
        "spark.ssl.keyStorePassword=*****(redacted)",
        "24/03/12 11:12:02 INFO Client: \t client token: N/A",
        "24/03/12 11:12:02 INFO Client: \t client token: Token { kind: YARN_CLIENT_TOKEN, service:  }",
        "        \"password\": \"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\",",
        "mkstore -wrl /u01/app/oracle/wallet -listCredential",
        "CREATE ROLE readonly;",
        "ALTER ROLE readonly SET search_path = app;",
        "SQL> conn / as sysdba",
        "SQL> CONNECT scott@orcl",
        "ls -n /var/log | head -w 20",
        "echo ~ && echo ~/bin",
        "INFO SecurityManager: Changing view acls groups to: ",
        "Notice: /Stage[main]/Profile::Users/Group[admins]/ensure: created",
        "fs.azure.account.key.provider=org.apache.hadoop.fs.azure.SimpleKeyProvider",
        "  ~ instance_type = \"t3.small\" -> \"t3.large\"",
        "{\"address1\":\"\",\"address2\":null}");
  }

  private static final String AZURE_KEY =
      "Xq3vR8tY2uW5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3tU5vW7xY9zA1bC3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA==";
}
