package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 24's third red team (network appliances, SNMP, configuration management, secret-storing CLIs, observability
 * agents, databases' own CLIs): each redacted case came out with the secret or the user in clear before; the unchanged
 * cases were replaced before.
 */
class ThirdRedTeamSession24Test extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // device configuration commands: FortiOS, Junos, F5
        Arguments.of("    edit \"to-branch\"\n        set psksecret ENC Zk3l9Qm2Xv8rT5yU1iO0pA7sD4fG6hJ2kL9zX1cVbN3mQ5wE7rT==\n    next",
            "    edit \"to-branch\"\n        set psksecret ENC <secret>\n    next"),
        Arguments.of("        set passwd PlainFortiPw1", "        set passwd <secret>"),
        Arguments.of("set security ike policy IKE-POL pre-shared-key ascii-text \"PlainIkePsk2024\"",
            "set security ike policy IKE-POL pre-shared-key ascii-text \"<secret>\""),
        Arguments.of("set system radius-server 10.1.1.5 secret RadPlain2024", "set system radius-server <ipv4> secret <secret>"),
        Arguments.of("set system login user jdoe authentication plain-text-password-value \"JunosPlain1\"",
            "set system login user jdoe authentication plain-text-password-value \"<secret>\""),
        Arguments.of("set snmp v3 usm local-engine user snmpmon privacy-aes128 privacy-password PrivPlain2024",
            "set snmp v3 usm local-engine user snmpmon privacy-aes128 privacy-password <secret>"),
        Arguments.of("ltm monitor http /Common/app_mon {\n    password $M$Xq$Zk2bWv9Lp3Yc7Fn1Qe==\n}",
            "ltm monitor http /Common/app_mon {\n    password <secret>\n}"),
        Arguments.of("sys crypto key /Common/app.key { passphrase $M$aB$Qw3rTy7UiOp== }",
            "sys crypto key /Common/app.key { passphrase <secret> }"),
        Arguments.of("tmsh modify auth user admin password Sup3rS3cret!", "tmsh modify auth user admin password <secret>"),
        // PAN-OS: API keys, encrypted values
        Arguments.of("curl -k -H 'X-PAN-KEY: LUFRPT1BZ3B2c3JqUVhPd0VGWVd5OHBzN2lndTU4QW89Q2N2ZXBWb3hxRWs5M0xGYmRRUjNpdz09'",
            "curl -k -H 'X-PAN-KEY: <secret>'"),
        Arguments.of("set network ike gateway GW1 authentication pre-shared-key key -AQ==9pUuXZ3n0TyCb/3uLH5W2tC8dHs=Vn1sb3BnK2h0Q1hJ",
            "set network ike gateway GW1 authentication pre-shared-key key <secret>"),
        // pre-shared and shared keys, run-together pwd keys
        Arguments.of("/interface wireless security-profiles add name=corp wpa2-pre-shared-key=WiFiCorpKey2024",
            "/interface wireless security-profiles add name=corp wpa2-pre-shared-key=<secret>"),
        Arguments.of("\t\t\t<ipsecpsk>IpsecUserPsk2024</ipsecpsk>", "\t\t\t<ipsecpsk><secret></ipsecpsk>"),
        Arguments.of("<tls>IwojIDIwNDggYml0IE9wZW5WUE4gc3RhdGljIGtleQojCi0tLS0tQkVHSU4gT3BlblZQTiBTdGF0aWMga2V5IFYxLS0tLS0K"
            + "NDEzYTkwMWJmNTliOGFkMzEyYmNmN2YyNDlmOTAyYjUKMzEwMzBjMjkxODM2OGYxM2RiYmRjZmQ2ZWFmODM3MWYK</tls>",
            "<tls><private_key></tls>"),
        Arguments.of("    Shared_Key  Q2hhbmdlTWVQbGVhc2VUaGlzSXNBRmFrZUxvZ0FuYWx5dGljc0tleTA=",
            "    Shared_Key  <secret>"),
        Arguments.of("authpwd=plainpw123\nsmtppwd=plainpw123", "authpwd=<secret>\nsmtppwd=<secret>"),
        // SNMP: net-snmp's createUser, a community under its key
        Arguments.of("createUser snmpmon SHA \"Auth#Pass2024\" AES \"Priv#Pass2024\"",
            "createUser <user> SHA \"<secret>\" AES \"<secret>\""),
        Arguments.of("  community = \"N0tPubl1c\"", "  community = \"<secret>\""),
        // agents and CLIs
        Arguments.of("splunk add forward-server idx1.example.com:9997 -auth admin:Splunk!Adm1n",
            "splunk add forward-server idx1.example.com:9997 -auth <secret>"),
        Arguments.of("pass4SymmKey = ClusterKeyPlain2024", "pass4SymmKey = <secret>"),
        Arguments.of("/usr/lib64/nagios/plugins/check_mysql -H db01 -u nagios -p N4gi0sDbPw!",
            "/usr/lib64/nagios/plugins/check_mysql -H db01 -u nagios -p <secret>"),
        Arguments.of("ansible-vault encrypt_string 'Sup3rS3cret' --name 'db_password'",
            "ansible-vault encrypt_string '<secret>' --name 'db_password'"),
        Arguments.of("aws ssm put-parameter --name /prod/db/password --type SecureString --value 'SsmPw2024!'",
            "aws ssm put-parameter --name /prod/db/password --type SecureString --value '<secret>'"),
        Arguments.of("gh secret set DB_PASSWORD --body 'GhSecretPw!'", "gh secret set DB_PASSWORD --body '<secret>'"),
        Arguments.of("  CLIENT SECRET    Zx9-Yw8_Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7Zx6Yw5Vu4Ts3Rq2Po1Nm0L",
            "  CLIENT SECRET    <secret>"),
        Arguments.of("  - url: https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue",
            "  - url: https://events.pagerduty.com/integration/<secret>/enqueue"),
        // databases' CLIs
        Arguments.of("db2 connect to SAMPLE user db2inst1 using Db2InstPw1", "db2 connect to SAMPLE user <user> using <secret>"),
        Arguments.of("rman target sys/0racleSys!2024@ORCL catalog rman/RmanCat1@RCAT",
            "rman target sys/<secret>@ORCL catalog <user>/<secret>@RCAT"),
        Arguments.of("cbq -e http://cb1:8091 -u Administrator -p CbAdm1nPw! -s \"SELECT 1\"",
            "cbq -e http://cb1:8091 -u Administrator -p <secret> -s \"SELECT 1\""),
        Arguments.of("knife ssh 'role:web' 'sudo chef-client' -x jdoe -P KnifePw2024", "knife ssh 'role:web' 'sudo chef-client' -x jdoe -P <secret>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "salt '*' test.ping",
        "salt 'web*' cmd.run 'uptime'",
        "  password \"#{ENV['ES_PASSWORD']}\"",
        "set system host-name fw01",
        "We are using the default community edition",
        "open a page in the browser, then reuse the queue");
  }
}
