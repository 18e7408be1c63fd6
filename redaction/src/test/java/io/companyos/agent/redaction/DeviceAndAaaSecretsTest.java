package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Secrets and users of network devices, AAA servers and Windows that session 20's third red team found left whole:
 * Cisco-style configurations (type 7 passwords are reversible, types 5, 8, 9 hashes), SNMP communities and SNMPv3
 * passphrases, RADIUS and TACACS+ keys, pre-shared keys, FreeRADIUS's authentication log (with auth_goodpass the
 * password in clear) and users file ({@code :=}), PowerShell's {@code ConvertTo-SecureString}, Windows' event XML,
 * WireGuard's preshared key, keepalived's {@code auth_pass}; with the prose of the same words that stays.
 */
class DeviceAndAaaSecretsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("enable password 7 0822455D0A16", "enable password 7 <secret>"),
        Arguments.of("username bob privilege 15 password 7 0822455D0A16", "username <user> privilege 15 password 7 <secret>"),
        Arguments.of("username bob privilege 15 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
            "username <user> privilege 15 secret 9 <password_hash>"),
        Arguments.of("snmp-server community Xyz789comm RO", "snmp-server community <secret> RO"),
        Arguments.of("snmp-server user snmpadmin v3group v3 auth sha AuthPass123 priv aes 128 PrivPass456",
            "snmp-server user snmpadmin v3group v3 auth sha <secret> priv aes 128 <secret>"),
        Arguments.of("tacacs-server key TacKey0secret", "tacacs-server key <secret>"),
        Arguments.of("radius-server host 10.1.1.2 auth-port 1812 key RadKey0secret",
            "radius-server host <ipv4> auth-port 1812 key <secret>"),
        Arguments.of(" key 7 070C285F4D06", " key 7 <secret>"),
        Arguments.of(" ip ospf message-digest-key 1 md5 OspfKey0", " ip ospf message-digest-key 1 md5 <secret>"),
        Arguments.of(" key-string KeyChain0secret", " key-string <secret>"),
        Arguments.of(" wpa-psk ascii 0 WifiPass0word", " wpa-psk ascii 0 <secret>"),
        Arguments.of(" ikev1 pre-shared-key IkePsk0secret", " ikev1 pre-shared-key <secret>"),
        Arguments.of("Auth: (0) Login OK: [alice/Hunter2pass] (from client localhost port 0)",
            "Auth: (0) Login OK: [<user>/<secret>] (from client localhost port 0)"),
        Arguments.of("Auth: (1) Login incorrect (pap: Cleartext password does not match): [alice/WrongPass1] (from client nas01 port 0)",
            "Auth: (1) Login incorrect (pap: Cleartext password does not match): [<user>/<secret>] (from client nas01 port 0)"),
        Arguments.of("Auth: (2) Login OK: [bob/<via Auth-Type = eap>] (from client ap01 port 1)",
            "Auth: (2) Login OK: [<user>/<via Auth-Type = eap>] (from client ap01 port 1)"),
        Arguments.of("alice   Cleartext-Password := \"Hunter2pass\"", "<user>   Cleartext-Password := \"<secret>\""),
        Arguments.of("DEFAULT Auth-Type := Reject\nDEFAULT Cleartext-Password := \"x1y2z3\"", "DEFAULT Auth-Type := Reject\nDEFAULT Cleartext-Password := \"<secret>\""),
        Arguments.of("$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force",
            "$pw = ConvertTo-SecureString '<secret>' -AsPlainText -Force"),
        Arguments.of("$cred = ConvertTo-SecureString -String \"P@ssw0rd!\" -AsPlainText -Force",
            "$cred = ConvertTo-SecureString -String \"<secret>\" -AsPlainText -Force"),
        Arguments.of("<Data Name=\"TargetUserName\">alice</Data>", "<Data Name=\"TargetUserName\"><user></Data>"),
        Arguments.of("[Peer]\nPresharedKey = /UwcSPg38hW/D9Y3tcS1FOV0K1wuURMbS0sesJEP5ak=",
            "[Peer]\nPresharedKey = <secret>"),
        Arguments.of("vrrp_instance VI_1 {\n    auth_pass 1111secret\n}", "vrrp_instance VI_1 {\n    auth_pass <secret>\n}"),
        // OpenSSL's text dump of a private key (its secret fields; the modulus and public exponent stay), OpenVPN's
        // static key, a password dump's LM and NT hashes and account
        Arguments.of("Private-Key: (2048 bit, 2 primes)\nmodulus:\n    00:c5:a1:b2\npublicExponent: 65537 (0x10001)\n"
                + "privateExponent:\n    12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:\n    f0:11:22\nprime1:\n    00:f1:e2\n",
            "Private-Key: (2048 bit, 2 primes)\nmodulus:\n    00:c5:a1:b2\npublicExponent: 65537 (0x10001)\n"
                + "privateExponent:\n    <private_key>\nprime1:\n    <private_key>\n"),
        Arguments.of("-----BEGIN OpenVPN Static key V1-----\ne5f7a1b2c3d4e5f6a7b8c9d0e1f2a3b4\n-----END OpenVPN Static key V1-----",
            "<private_key>"),
        Arguments.of("CORP\\alice:1103:aad3b435b51404eeaad3b435b51404ee:e19ccf75ee54e06b06a5907af13cef42:::",
            "<user>:1103:<password_hash>:<password_hash>:::"),
        // users: Cisco ASA's VPN sessions, FortiGate's messages, IOS's configuration notice, Winlogbeat, SamAccountName
        Arguments.of("%ASA-6-716001: Group <GroupPolicy_VPN> User <alice> IP <192.0.2.10> WebVPN session started.",
            "%ASA-6-716001: Group <GroupPolicy_VPN> User <<user>> IP <<ipv4>> WebVPN session started."),
        Arguments.of("type=\"event\" user=\"alice\" msg=\"Administrator alice login failed from ssh(192.0.2.10)\"",
            "type=\"event\" user=\"<user>\" msg=\"Administrator <user> login failed from ssh(<ipv4>)\""),
        Arguments.of("subtype=\"user\" msg=\"User bob failed in authentication\"",
            "subtype=\"user\" msg=\"User <user> failed in authentication\""),
        Arguments.of("%SYS-5-CONFIG_I: Configured from console by alice on vty0 (192.0.2.10)",
            "%SYS-5-CONFIG_I: Configured from console by <user> on vty0 (<ipv4>)"),
        Arguments.of("{\"winlog\":{\"event_data\":{\"SamAccountName\":\"alice\"}},\"user\":{\"name\":\"alice\",\"domain\":\"CORP\"}}",
            "{\"winlog\":{\"event_data\":{\"SamAccountName\":\"<user>\"}},\"user\":{\"name\":\"<user>\",\"domain\":\"CORP\"}}"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "the key is missing, the password is wrong, the secret of success",
        "the server key was rotated",
        "password 1 of 3 attempts failed",
        "$s = $plain | ConvertTo-SecureString -AsPlainText -Force",
        "<Data Name=\"SubjectUserName\">-</Data>",
        // a host that starts like a SendGrid key (SG.) is no key: the key is 66 characters after it
        "SG.A.AAAAAA-AAAAAAA.EXAMPLE.NET is up",
        "%SYS-5-CONFIG_I: Configured from console by vty2 (127.0.0.1)",
        "fe80:::1 and a::: b");
  }
}
