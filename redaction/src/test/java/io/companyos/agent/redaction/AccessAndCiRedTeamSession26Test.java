package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26's third and fourth red teams: identity, VPN, backup and OS credential commands (528 lines); CI/CD,
 * Kubernetes operators and meshes, mail and messaging (566 lines). Each redacted case leaked or was mislabelled
 * before (a password as a user, kept in the reverse map); the unchanged cases were replaced before.
 */
class AccessAndCiRedTeamSession26Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // OpenVPN's own log file and its status file: the client's common name and username
        Arguments.of("Tue Mar 12 10:20:02 2024 jpetrov-laptop/198.51.100.88:41822 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)",
            "Tue Mar 12 10:20:02 2024 <user>/<ipv4>:41822 MULTI_sva: pool returned IPv4=<ipv4>, IPv6=(Not enabled)"),
        Arguments.of("Tue Mar 12 10:20:02 2024 MULTI: Learn: 10.8.0.6 -> jpetrov-laptop/198.51.100.88:41822",
            "Tue Mar 12 10:20:02 2024 MULTI: Learn: <ipv4> -> <user>/<ipv4>:41822"),
        Arguments.of("Tue Mar 12 10:20:02 2024 jpetrov-laptop/198.51.100.88:41822 SENT CONTROL [jpetrov-laptop]: 'PUSH_REPLY,ping 10' (status=1)",
            "Tue Mar 12 10:20:02 2024 <user>/<ipv4>:41822 SENT CONTROL [<user>]: 'PUSH_REPLY,ping 10' (status=1)"),
        Arguments.of("2024-03-12 10:25:42 us=123456 rkhan/198.51.100.91:50233 MULTI_sva: pool returned IPv4=10.8.0.10",
            "2024-03-12 10:25:42 us=123456 <user>/<ipv4>:50233 MULTI_sva: pool returned IPv4=<ipv4>"),
        Arguments.of("CLIENT_LIST,jpetrov-laptop,198.51.100.88:41822,10.8.0.6,,2841203,1873321,2024-03-12 10:20:02,1710238802,jpetrov,0,0,AES-256-GCM",
            "CLIENT_LIST,<user>,<ipv4>:41822,<ipv4>,,2841203,1873321,2024-03-12 10:20:02,1710238802,<user>,0,0,AES-256-GCM"),
        Arguments.of("ROUTING_TABLE,10.8.0.6,jpetrov-laptop,198.51.100.88:41822,2024-03-12 10:25:40,1710239140",
            "ROUTING_TABLE,<ipv4>,<user>,<ipv4>:41822,2024-03-12 10:25:40,1710239140"),
        // sudo's refusal, usermod's group log
        Arguments.of("Mar 12 10:13:30 bastion sudo[20460]: Sorry, user mweber may not run sudo on bastion.",
            "Mar 12 10:13:30 bastion sudo[20460]: Sorry, user <user> may not run sudo on bastion."),
        Arguments.of("Mar 12 10:41:03 app01 usermod[21014]: add 'tlee' to group 'docker'",
            "Mar 12 10:41:03 app01 usermod[21014]: add '<user>' to group 'docker'"),
        // a login's -p="x" / -u="x" (Quay's robot accounts), jenkins-cli's -auth
        Arguments.of("docker login -u=\"acme+buildbot\" -p=\"QY7ZMLP2VB7TR4KWNS8YHJ3DF6GK1PO5RT0XACZQW7E8RU9IO0P\" quay.io",
            "docker login -u=\"<user>\" -p=\"<secret>\" quay.io"),
        Arguments.of("java -jar jenkins-cli.jar -s http://localhost:8080/ -auth admin:11a7f3c9e2b4d6f8a0c1e3b5d7f9a2c4e6 install-plugin git",
            "java -jar jenkins-cli.jar -s http://localhost:8080/ -auth admin:<secret> install-plugin git"),
        // Mattermost's and Rocket.Chat's incoming webhooks
        Arguments.of("MATTERMOST_WEBHOOK_URL=https://chat.example.org/hooks/k3m9zq7xbtf8dr1pwy5nc4ua2e",
            "MATTERMOST_WEBHOOK_URL=https://chat.example.org/hooks/<token>"),
        Arguments.of("{\"msg\":\"Received HTTP request\",\"method\":\"POST\",\"url\":\"/hooks/k3m9zq7xbtf8dr1pwy5nc4ua2e\",\"status_code\":\"200\"}",
            "{\"msg\":\"Received HTTP request\",\"method\":\"POST\",\"url\":\"/hooks/<token>\",\"status_code\":\"200\"}"),
        Arguments.of("Error: Incoming webhook https://rocket.example.com/hooks/6Zq9mLp2Vb7Tr4Kw/Ns8YHj3Df6Gk1Po5Rt0XaCzQw7E8rU9iO0pZq9mLp failed",
            "Error: Incoming webhook https://rocket.example.com/hooks/<token> failed"),
        // AWS's private EC2 names spell the address
        Arguments.of("2024-03-11T09:20:08.8901234Z Machine name: 'ip-10-20-3-44'", "2024-03-11T09:20:08.8901234Z Machine name: 'ip-<ipv4>'"),
        Arguments.of("Mar 11 10:01:00 ip-10-20-3-44 kubelet[1234]: I0311 10:01:00.000000 1234 kubelet.go:100] \"Node ready\"",
            "Mar 11 10:01:00 ip-<ipv4> kubelet[1234]: I0311 10:01:00.000000 1234 kubelet.go:100] \"Node ready\""),
        // Postfix's static map: the password was labelled a user (kept in the reverse map)
        Arguments.of("smtp_sasl_password_maps = static:relay-user:Rl7mQ2xLp9VbTr4K", "smtp_sasl_password_maps = static:<user>:<secret>"),
        // Matrix user ids (Synapse's access log's requester, its handlers, a client's user_id)
        Arguments.of("2024-03-11 10:22:00,123 - synapse.access.http.8008 - 460 - INFO - PUT-99 - 8008 - {@kfischer:matrix.example.org} Processed request: 0.012sec/0.000sec 312B 200",
            "2024-03-11 10:22:00,123 - synapse.access.http.8008 - 460 - INFO - PUT-99 - 8008 - {@<user>:matrix.example.org} Processed request: 0.012sec/0.000sec 312B 200"),
        Arguments.of("INFO - POST-1236 - Registering user @jmartinez:example.org with display name",
            "INFO - POST-1236 - Registering user @<user>:example.org with display name"),
        // Firebase Cloud Messaging's server keys and device tokens
        Arguments.of("FCM_SERVER_KEY=" + FCM_KEY, "FCM_SERVER_KEY=<token>"),
        Arguments.of("Authorization: key=" + FCM_KEY, "Authorization: key=<token>"),
        Arguments.of("INFO  FcmSender - Sending to token dXq9ZmLp2Vb7:" + FCM_BODY, "INFO  FcmSender - Sending to token <token>"),
        // XMPP's SASL PLAIN response (base64 of NUL user NUL password)
        Arguments.of("Mar 11 10:23:04 c2s55d2 debug\tReceived[c2s]: <auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGpsYXVyZW50AFhwN21RMnhMcDlWYlRy</auth>",
            "Mar 11 10:23:04 c2s55d2 debug\tReceived[c2s]: <auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'><auth></auth>"),
        // expect's answers to a password's and a user's prompt (before: the bytes between took the token)
        Arguments.of("expect \"Password:\" { send \"N3tOps!2024\\r\" }", "expect \"Password:\" { send \"<secret>\\r\" }"),
        Arguments.of("expect -re \"Username:\" { send \"netops\\r\" }", "expect -re \"Username:\" { send \"<user>\\r\" }"),
        Arguments.of("expect \"assword:\"\nsend -- \"Exp3ct!Pass\\r\"", "expect \"assword:\"\nsend -- \"<secret>\\r\""),
        // a SAML assertion's attribute values, typed by the attribute's name (a claim URI's last part, a key name)
        Arguments.of("<saml2:Attribute Name=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname\"><saml2:AttributeValue xsi:type=\"xs:string\">Adebayo</saml2:AttributeValue></saml2:Attribute>"
            + "<saml2:Attribute Name=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname\"><saml2:AttributeValue xsi:type=\"xs:string\">Ogunleye</saml2:AttributeValue></saml2:Attribute>",
            "<saml2:Attribute Name=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname\"><saml2:AttributeValue xsi:type=\"xs:string\"><name></saml2:AttributeValue></saml2:Attribute>"
            + "<saml2:Attribute Name=\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname\"><saml2:AttributeValue xsi:type=\"xs:string\"><name></saml2:AttributeValue></saml2:Attribute>"),
        Arguments.of("<saml:Attribute Name=\"uid\"><saml:AttributeValue>aogunleye</saml:AttributeValue></saml:Attribute><saml:Attribute Name=\"displayName\"><saml:AttributeValue>Adebayo Ogunleye</saml:AttributeValue></saml:Attribute>",
            "<saml:Attribute Name=\"uid\"><saml:AttributeValue><user></saml:AttributeValue></saml:Attribute><saml:Attribute Name=\"displayName\"><saml:AttributeValue><name></saml:AttributeValue></saml:Attribute>"),
        Arguments.of("<Attribute Name=\"urn:oid:2.5.4.4\" FriendlyName=\"sn\"><AttributeValue>Ogunleye</AttributeValue></Attribute>",
            "<Attribute Name=\"urn:oid:2.5.4.4\" FriendlyName=\"sn\"><AttributeValue><name></AttributeValue></Attribute>"),
        // Envoy's header dump: the cookies (oauth2-proxy's grants SSO access)
        Arguments.of("'cookie', 'session=Zq9mLp2Vb7Tr4KwNs8YHj3Df6Gk1Po5R; _oauth2_proxy=Xq9ZmLp2Vb7Tr4KwNs8YHj3Df6Gk1Po5Rt0XaCzQ'",
            "'cookie', 'session=<secret>; _oauth2_proxy=<secret>'"),
        // a password fed to a command's input: here-strings, gpg's --passphrase-fd 0, cryptsetup
        Arguments.of("chpasswd <<< \"deploy:D3pl0y!Chpasswd\"", "chpasswd <<< \"<user>:<secret>\""),
        Arguments.of("smbpasswd -a jwalsh <<< $'Smbpw!One\\nSmbpw!One'", "smbpasswd -a jwalsh <<< $'<secret>\\n<secret>'"),
        Arguments.of("openssl passwd -6 -stdin <<< 'OpenSslStdin!66'", "openssl passwd -6 -stdin <<< '<secret>'"),
        Arguments.of("echo \"GpgFd!Pass77\" | gpg --batch --passphrase-fd 0 -d creds.gpg",
            "echo \"<secret>\" | gpg --batch --passphrase-fd 0 -d creds.gpg"),
        Arguments.of("echo -n \"KeyFileP4ss!\" | cryptsetup luksOpen /dev/sdb1 data -",
            "echo -n \"<secret>\" | cryptsetup luksOpen /dev/sdb1 data -"),
        // curl's -uuser:pw glued to its flag; a network device's username line
        Arguments.of("curl -ujenkins-bot:Cu7mQ2xLp9VbTr4K https://nexus.example.org/service/rest/v1/status",
            "curl -u<user>:<secret> https://nexus.example.org/service/rest/v1/status"),
        Arguments.of("username vpnuser1 password Vpn!User0ne privilege 0", "username <user> password <secret> privilege 0"),
        Arguments.of("username jdoe password 0 PlainPw99 privilege 15", "username <user> password 0 <secret> privilege 15"),
        // iSCSI's CHAP secrets: iscsiadm's -n SETTING -v VALUE, iscsid.conf's mutual _in keys
        Arguments.of("iscsiadm -m node -T iqn.2024-03.com.example:lun1 --op=update -n node.session.auth.password -v Ch4pS3cret!12",
            "iscsiadm -m node -T iqn.2024-03.com.example:lun1 --op=update -n node.session.auth.password -v <secret>"),
        Arguments.of("iscsiadm -m node --op=update -n node.session.auth.username -v iscsi_init01",
            "iscsiadm -m node --op=update -n node.session.auth.username -v <user>"),
        Arguments.of("node.session.auth.password_in = MutualCh4p!34", "node.session.auth.password_in = <secret>"),
        // Buildkite's build authors
        Arguments.of("BUILDKITE_BUILD_CREATOR=Sofia Marchetti", "BUILDKITE_BUILD_CREATOR=<name>"),
        Arguments.of("BUILDKITE_BUILD_AUTHOR=Sofia Marchetti", "BUILDKITE_BUILD_AUTHOR=<name>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "fatal: [web03.example.org]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Invalid/incorrect password: Permission denied, please try again.\", \"unreachable\": true}",
        "level=error msg=\"failed to get token\" error=\"oauth2: cannot fetch token: 400 Bad Request\"",
        "Mar 11 10:10:09 mx1 postfix/smtp[2221]: 4V1XqL3kP7z2V: orig_to=<postmaster>, relay=local",
        "Mar 12 10:21:00 gw charon: 05[CFG] loading secrets from '/etc/ipsec.secrets'",
        "sudo mount.cifs //fs01.example.com/hr /mnt/hr -o credentials=/root/.smbcredentials,vers=3.1.1",
        "openvpn --config client.ovpn --auth-user-pass /etc/openvpn/creds.txt",
        "%ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = localhost : user = root",
        "HEADER,CLIENT_LIST,Common Name,Real Address,Virtual Address,Virtual IPv6 Address,Bytes Received,Username",
        "git config core.hooksPath .githooks && ls .git/hooks/pre-commit-sample-hook-file",
        "vip-10-1-2-3 ship-10-20-30-40 ip-10-20-3-44-extra ip-300-1-1-1",
        "java -jar jenkins-cli.jar -s http://localhost:8080/ -auth @/var/lib/jenkins/cli-creds list-jobs",
        "docker login -u=\"$QUAY_USER\" -p=\"${QUAY_TOKEN}\" quay.io",
        "@timestamp: 2024-01-01 @Override: x @param:value npm i @types/node:latest",
        "expect \"Are you sure*\"\nsend -- \"yes\\r\"",
        "expect \"Password:\"\nsend \"$password\\r\"",
        "send \"hello\" to the queue",
        "<saml:Attribute Name=\"Role\"><saml:AttributeValue>admin</saml:AttributeValue></saml:Attribute>",
        "<saml2:AttributeValue xsi:type=\"xs:string\">engineering</saml2:AttributeValue>",
        "'content-type', 'application/json'",
        "grep -u foo <<< \"hello world\"",
        "cat <<< \"$PASSWORD\" | chpasswd",
        "sort -u file.txt && uniq -u list.txt",
        "username is required",
        "the username jdoe password reset",
        "iscsiadm -m node --op=update -n node.session.auth.authmethod -v CHAP",
        "git log -v --author=x");
  }

  private static final String FCM_BODY = "APA91bHZq9mLp2Vb7Tr4KwNs8YHj3Df6Gk1Po5Rt0XaCzQw7E8rU9iO0pZq9mLp2Vb7Tr4KwNs8YHj3Df6Gk1"
      + "Po5Rt0XaCzQw7E8rU9iO0pZq9mLp2Vb7Tr4KwNs8YHj3Df";
  private static final String FCM_KEY = "AAAAZq9mLp2:" + FCM_BODY;
}
