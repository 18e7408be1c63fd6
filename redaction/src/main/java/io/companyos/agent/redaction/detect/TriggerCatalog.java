package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;
import io.companyos.agent.redaction.detect.Trigger.Action;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** The keyword-automaton patterns of the default catalog plus the configured domains and keywords. */
final class TriggerCatalog {
  static final List<String> INTERNAL_SUFFIXES =
      List.of(".internal", ".local", ".lan", ".corp", ".intra", ".intern", ".home.arpa");

  /**
   * Parents whose {@code key} is a secret: {@code encryption:} then {@code key: x}, {@code encryption.key},
   * {@code jwt.key} (a key elsewhere names a map entry, a Kubernetes Secret's key, a sort key).
   */
  static final List<String> KEY_PARENTS =
      List.of("encrypt", "encryption", "signing", "jwt", "hmac", "aes", "cipher", "crypto", "license");

  private TriggerCatalog() {}

  static List<Trigger> build(List<String> customerDomains, List<String> keywords) {
    List<Trigger> t = new ArrayList<>();
    secretKeys(t);
    indexed(t, Action.TOKEN_PREFIX, TokenPrefixDetector.PREFIXES.size(), i -> DetectorType.API_TOKEN,
        i -> TokenPrefixDetector.PREFIXES.get(i).trigger());
    t.add(new Trigger(Action.JWT, DetectorType.JWT, "eyj", 0));
    t.add(new Trigger(Action.PEM, DetectorType.PRIVATE_KEY, "-----begin ", 0));
    t.add(new Trigger(Action.PUTTY_PRIVATE_LINES, DetectorType.PRIVATE_KEY, "private-lines: ", 0));
    indexed(t, Action.PEM_URL_ENCODED, PemDetector.URL_ENCODED_TRIGGERS.size(), i -> DetectorType.PRIVATE_KEY,
        PemDetector::urlEncodedTrigger);
    indexed(t, Action.BASE64_SECRET, Base64SecretDetector.MAGICS.size(),
        i -> Base64SecretDetector.MAGICS.get(i).kind() == Base64SecretDetector.Kind.AWS_SESSION
            ? DetectorType.AWS_SECRET_KEY : DetectorType.PRIVATE_KEY,
        i -> Base64SecretDetector.MAGICS.get(i).text());
    indexed(t, Action.PASSWORD_HASH, PasswordHashDetector.SCHEMES.size(), i -> DetectorType.PASSWORD_HASH,
        i -> PasswordHashDetector.SCHEMES.get(i).trigger());
    t.add(new Trigger(Action.WEBHOOK_SLACK, DetectorType.API_TOKEN, "hooks.slack.com/", 0));
    t.add(new Trigger(Action.WEBHOOK_SLACK, DetectorType.API_TOKEN, "hooks.slack.com\\/", 0)); // JSON-escaped
    t.add(new Trigger(Action.WEBHOOK, DetectorType.API_TOKEN, "bhook", 0));
    t.add(new Trigger(Action.TELEGRAM_BOT_TOKEN, DetectorType.API_TOKEN, ":aa", 0));
    t.add(new Trigger(Action.BEARER, DetectorType.AUTH_HEADER, "bearer", 0));
    t.add(new Trigger(Action.BASIC, DetectorType.AUTH_HEADER, "basic", 0));
    t.add(new Trigger(Action.DIGEST_USER_PASSWORD, DetectorType.SECRET, ": digest ", 0)); // (": d" 659)
    // SMTP/IMAP AUTH with an initial response (RFC 4954, RFC 4616, Google's XOAUTH2): "aut" stops the scan already
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "auth plain ", 0));
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "auth xoauth2 ", 1));
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "authenticate plain ", 0));
    // AUTH LOGIN's responses, after the fixed challenges 334 "Password:" and 334 "Username:" (base64; "334" itself
    // is in ~3,300 numbers per 64 MiB, so the patterns start at the challenge, "334 " checked)
    t.add(new Trigger(Action.SMTP_LOGIN_RESPONSE, DetectorType.SECRET, "ugfzc3dvcmq6", 0));
    t.add(new Trigger(Action.SMTP_LOGIN_RESPONSE, DetectorType.USERNAME, "vxnlcm5hbwu6", 0));
    t.add(new Trigger(Action.URL_USERINFO, DetectorType.SECRET, "://", 0));
    // the same with JSON's escaped slashes, as PHP's json_encode and others write URLs by default
    t.add(new Trigger(Action.URL_USERINFO, DetectorType.SECRET, ":\\/\\/", UrlUserinfoDetector.ESCAPED_SLASHES));
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, "?code=", 0));
    t.add(new Trigger(Action.ORACLE_THIN, DetectorType.SECRET, ":thin:", 0)); // jdbc:oracle:thin:user/pw@host
    // (session 24) Go's MySQL driver's DSN, user:pw@tcp(host:3306)/db, @unix(/path)/db (Grafana's connection_string,
    // Gitea, mysqld_exporter's DATA_SOURCE_NAME): no scheme, so no ://
    t.add(new Trigger(Action.GO_DSN, DetectorType.SECRET, "@tcp(", 0));
    // Hadoop's configuration files (core-site.xml, hive-site.xml, …): <name>KEY</name> then <value>x</value>
    t.add(new Trigger(Action.XML_NAME_VALUE, DetectorType.SECRET, "</name>", 0));
    // ZooKeeper's digest authentication: zkCli's addauth digest u:x, the Java client's addAuthInfo("digest", "u:x"),
    // the super user's digest flag (a password hash); Consul's and Nomad's gossip keys in keyring commands and after
    // consul keygen; Jetty's reversibly obfuscated passwords (realm.properties, jetty.xml: OBF:1v2j1uum…)
    t.add(new Trigger(Action.ZK_DIGEST_AUTH, DetectorType.SECRET, "addauth digest ", 0));
    t.add(new Trigger(Action.ZK_DIGEST_AUTH, DetectorType.SECRET, "addauthinfo(\"digest\", \"", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PASSWORD_HASH, "superdigest", 0));
    for (String w : List.of("keyring -install=", "keyring -use=", "keyring install ", "keyring use ")) {
      t.add(new Trigger(Action.GOSSIP_KEY, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.NEXT_LINE_SECRET, DetectorType.SECRET, "consul keygen", 0));
    t.add(new Trigger(Action.NEXT_LINE_SECRET, DetectorType.SECRET, "keyring generate", 0));
    t.add(new Trigger(Action.JETTY_OBFUSCATED, DetectorType.SECRET, "obf:", 0));
    // Vault: vault operator unseal KEY, the sys/unseal request's {"key": …}, a transit key export's "keys" map
    t.add(new Trigger(Action.VAULT_UNSEAL_CLI, DetectorType.SECRET, "operator unseal ", 0));
    t.add(new Trigger(Action.VAULT_UNSEAL_BODY, DetectorType.SECRET, "/sys/unseal", 0));
    t.add(new Trigger(Action.TRANSIT_EXPORT, DetectorType.SECRET, "transit/export/", 0));
    // users: kafka-configs' --entity-type users --entity-name x, Boundary's -login-name x, ClickHouse's
    // "DB::Exception: x: Authentication failed", MongoDB 4.2's "authentication failed for x on db"
    t.add(new Trigger(Action.KAFKA_ENTITY_USER, DetectorType.USERNAME, "--entity-name ", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "login-name", Trigger.NAME_ID)); // ("login_name": "ogi")
    // (MongoDB's SCRAM mechanisms by name: PostgreSQL's "password authentication failed for user \"x\"" has its own rule)
    for (String w : List.of("sha-1 authentication failed for ", "sha-256 authentication failed for ")) {
      t.add(new Trigger(Action.USER_SLOT_FOR, DetectorType.USERNAME, w, 0));
    }
    // a public address spelled in AWS's EC2 host names, ec2-54-12-34-56.compute-1.amazonaws.com
    t.add(new Trigger(Action.EC2_PUBLIC_NAME, DetectorType.IPV4, "ec2-", 0));
    // (session 24's second red team) a CephX key in a keyring (ceph auth get: "key = AQ…==") or after rbd's --key;
    // Windows' auto-logon password (reg add …\Winlogon /v DefaultPassword … /d x); Spring Boot's messages that print
    // an invalid property's value; the domain tools' passwords: netdom's /passwordd:x and /passwordo:x, winrs's -p:x,
    // ktpass's /pass x, ksetup's /setcomputerpassword x; JBoss' vault.sh --sec-attr x
    t.add(new Trigger(Action.CEPH_KEY, DetectorType.SECRET, "key = aq", 0));
    t.add(new Trigger(Action.CEPH_KEY, DetectorType.SECRET, "--key aq", 0));
    t.add(new Trigger(Action.WINLOGON_PASSWORD, DetectorType.SECRET, "/v defaultpassword ", 0));
    t.add(new Trigger(Action.SPRING_INVALID_PROPERTY, DetectorType.SECRET, " with value '", 0));
    t.add(new Trigger(Action.SPRING_INVALID_PROPERTY, DetectorType.SECRET, "invalid value '", 1));
    for (String w : List.of("/passwordd:", "/passwordo:", "-p:")) {
      t.add(new Trigger(Action.WINDOWS_DOMAIN_TOOL, DetectorType.SECRET, w, CommandLineDetector.GLUED));
    }
    for (String w : List.of(" /pass ", "/setcomputerpassword ", "sec-attr ")) { // ("--s" starts ~3,500 per 64 MiB)
      t.add(new Trigger(Action.WINDOWS_DOMAIN_TOOL, DetectorType.SECRET, w, 0));
    }
    // users: an AD home share \\fs\home$\jdoe, radosgw-admin's --uid=, Spring Security's OIDC principal
    // "Principal=Name: [jdoe]", net user's "User name    jdoe" row, odbc.ini's and a
    // connection string's UID at a line's start
    t.add(new Trigger(Action.HOME_SHARE, DetectorType.USERNAME, "\\home$\\", 0));
    t.add(new Trigger(Action.RADOSGW_UID, DetectorType.USERNAME, "--uid=", 0));
    t.add(new Trigger(Action.SPRING_OIDC_NAME, DetectorType.USERNAME, "principal=name: [", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "user name", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.ODBC_UID, DetectorType.USERNAME, "\nuid", 0));
    // WebLogic's WLST connect('u', 'pw', 't3://…'); SQL Server's sp_addlogin 'u', 'pw' and sp_password old, 'pw',
    // 'u'; PowerShell's and Exchange's cmdlet identities (-Identity x, Get-ADUser x, -MailNickName x)
    t.add(new Trigger(Action.WLST_CONNECT, DetectorType.SECRET, "connect(", 0));
    t.add(new Trigger(Action.SQL_SERVER_LOGIN_PROC, DetectorType.SECRET, "sp_addlogin ", 0));
    t.add(new Trigger(Action.SQL_SERVER_LOGIN_PROC, DetectorType.SECRET, "sp_password ", 1));
    for (String w : List.of("-identity ", "get-aduser ", "-mailnickname ")) {
      t.add(new Trigger(Action.POWERSHELL_IDENTITY, DetectorType.USERNAME, w, 0));
    }
    // (session 24's third red team) the value of the secret-storing CLIs (ansible-vault encrypt_string 'x', eyaml
    // encrypt -s 'x', conjur variable set -v x, akeyless/aws ssm/az keyvault --value x, gh secret set --body x),
    // Splunk's -auth u:pw; DB2's connect … user u using pw; RMAN's target u/pw@db; net-snmp's createUser u SHA "a" AES
    // "p"; a PagerDuty Events v1 URL's integration key
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, "encrypt_string ", CommandLineDetector.CLI_ANSIBLE));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, "encrypt -s ", CommandLineDetector.CLI_EYAML));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, " -v ", CommandLineDetector.CLI_CONJUR));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, "--value ", CommandLineDetector.CLI_VALUE));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, "--body ", CommandLineDetector.CLI_GH));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, " -auth ", CommandLineDetector.CLI_SPLUNK));
    // (session 25) NuGet's API key: nuget push -k x, nuget setapikey x (dotnet nuget push --api-key: the key word)
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, " -k ", CommandLineDetector.CLI_NUGET));
    t.add(new Trigger(Action.SECRET_CLI_VALUE, DetectorType.SECRET, "setapikey ", CommandLineDetector.CLI_NUGET));
    // (session 25) ZooKeeper's digest ACLs (setAcl's digest:u:hash:perms, getAcl's 'digest,'u:hash), Jetty's
    // realm.properties hashes (u: MD5:hash,role), Nagios' and Icinga's resource.cfg macros ($USER3$=x)
    t.add(new Trigger(Action.ZK_DIGEST_ACL, DetectorType.PASSWORD_HASH, "setacl ", CommandLineDetector.ZK_SET_ACL));
    t.add(new Trigger(Action.ZK_DIGEST_ACL, DetectorType.PASSWORD_HASH, "'digest,'", 0));
    t.add(new Trigger(Action.JETTY_REALM_HASH, DetectorType.PASSWORD_HASH, ": md5:", CommandLineDetector.JETTY_MD5));
    t.add(new Trigger(Action.JETTY_REALM_HASH, DetectorType.PASSWORD_HASH, "crypt:", CommandLineDetector.JETTY_CRYPT));
    t.add(new Trigger(Action.NAGIOS_USER_MACRO, DetectorType.SECRET, "\n$user", 0));
    // (session 25) users: Cassandra's audit log (LogMessage: user:x|host:…), ClickHouse's DB::Exception: x:
    // Authentication failed, a RabbitMQ definitions export's users (the name beside rabbit_password_hashing_…)
    t.add(new Trigger(Action.CASSANDRA_AUDIT_USER, DetectorType.USERNAME, "logmessage: user:", 0));
    t.add(new Trigger(Action.CLICKHOUSE_AUTH_FAILED, DetectorType.USERNAME, "b::exception: ", 0)); // (": a": 7,438)
    t.add(new Trigger(Action.RABBITMQ_USER, DetectorType.USERNAME, "\"rabbit_password_hashing_", 0));
    // (session 25) PPP's chap-secrets and pap-secrets (client, server *, "secret", addresses), the JDK's JMX password
    // file (jmxremote.password: monitorRole pw, controlRole pw)
    t.add(new Trigger(Action.PPP_SECRETS, DetectorType.SECRET, "\t*\t\"", 0));
    t.add(new Trigger(Action.PPP_SECRETS, DetectorType.SECRET, "* \"", 0)); // (" * " is in 13,757 places, "* \"" in none)
    t.add(new Trigger(Action.JMX_PASSWORD, DetectorType.SECRET, "\nmonitorrole ", 0));
    t.add(new Trigger(Action.JMX_PASSWORD, DetectorType.SECRET, "\ncontrolrole ", 0));
    // (session 25's red team of cloud CLIs) OCI's pass_phrase, a GCP key's privateKeyData, AWS Secrets Manager's
    // SecretBinary, KMS' decrypted "Plaintext", an IAM MFA device's :mfa/NAME, Azure
    // storage and Service Bus keys ({"keyName": "key1", …, "value": "x"}), numbered password names (ACR's password2),
    // pulumi config set --secret, gh's "✓ Logged in to github.com as|account USER", IBM Cloud's "API Key   x" row, a GCP secret
    // version's "payload": {"data": "x"}. Each entered at three bytes that are rare in logs (counted in 64 MiB of
    // make-logs: "eyn" 192, "ylo" 826 against "\"ke" 4,140 and "\"pa" 16,423; "hub" of github.com against "gge", the
    // "logged" and "logger" of 50,033 places), the bytes before it checked by the handler
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "pass_phrase", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PRIVATE_KEY, "privatekeydata", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "secretbinary", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "plaintext\"", Trigger.SUFFIXED | Trigger.EXACT_KEY));
    t.add(new Trigger(Action.IAM_USER_ARN, DetectorType.USERNAME, ":mfa/", 0));
    t.add(new Trigger(Action.AZURE_KEY_NAME, DetectorType.SECRET, "eyname\"", 0));
    t.add(new Trigger(Action.PULUMI_CONFIG_SET, DetectorType.SECRET, "umi config set ", 0)); // ("ig " of config: 1,518)
    t.add(new Trigger(Action.LOGGED_IN_AS, DetectorType.USERNAME, "in to github.com ", 0));
    t.add(new Trigger(Action.API_KEY_ROW, DetectorType.SECRET, "\napi key ", 0));
    t.add(new Trigger(Action.PAYLOAD_DATA, DetectorType.SECRET, "yload\"", 0));
    // (session 25's red team of brokers and observability agents) Fluentd's aws_sec_key, New Relic's license keys
    // (license_key, X-License-Key, the …NRAL shape, NRII- insert keys: token prefixes), Datadog's DD-APPLICATION-KEY,
    // an api: parent's key: (the OTel Collector's datadog exporter), Confluent's API secret (the create table's row,
    // api-key store KEY SECRET), InfluxDB 1.x's ?u=…&p=…, mosquitto's -P and ksql's -p, Redis' AUTH [user] pw at a
    // prompt or a line's start, RabbitMQ's advanced.config ({default_pass, <<"x">>}), mosquitto_passwd -b and
    // mosquitto_ctrl's setClientPassword
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "sec_key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "license_key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "license-key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "application-key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "application_key", 0));
    // Azure's storage account key (AZURE_STORAGE_KEY, az storage's --account-key is account_key's)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "storage_key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "storagekey", 0));
    // (api: alone on its line, entered at "i:\n": "api:" is in 2,332 places per 64 MiB, most of them no YAML parent)
    t.add(new Trigger(Action.YAML_NESTED_KEY, DetectorType.SECRET, "api:\n", 0));
    t.add(new Trigger(Action.CONFLUENT_SECRET, DetectorType.SECRET, "| api secret |", CommandLineDetector.CONFLUENT_TABLE));
    t.add(new Trigger(Action.CONFLUENT_SECRET, DetectorType.SECRET, "api-key store ", 0));
    t.add(new Trigger(Action.INFLUX_QUERY_PASSWORD, DetectorType.SECRET, "&p=", 0));
    t.add(new Trigger(Action.DASH_P, DetectorType.SECRET, " -p ", 0));
    t.add(new Trigger(Action.REDIS_AUTH, DetectorType.SECRET, ":6379> auth ", 0));
    t.add(new Trigger(Action.REDIS_AUTH, DetectorType.SECRET, "\nauth ", 0));
    t.add(new Trigger(Action.ERLANG_SECRET, DetectorType.SECRET, "{default_pass,", 0));
    t.add(new Trigger(Action.ERLANG_SECRET, DetectorType.SECRET, "{password,", 0));
    t.add(new Trigger(Action.MOSQUITTO_PASSWORD, DetectorType.SECRET, "mosquitto_passwd -b ", CommandLineDetector.MOSQUITTO_FILE));
    t.add(new Trigger(Action.MOSQUITTO_PASSWORD, DetectorType.SECRET, "tclientpassword ", 0));
    // (session 26's red team of hospital interface engines) HL7 v2 segments with a patient's, a relative's, a
    // guarantor's, an insured's or a doctor's personal data, by field position (Mirth, Rhapsody, Cloverleaf log
    // whole messages): the segment's id and its field separator, in none of 64 MiB of make-logs ("pid" is in 6,570
    // places, a trie step each); the capitals and where the segment starts are checked by Hl7Detector
    for (String segment : List.of("pid|", "nk1|", "gt1|", "in1|", "pv1|")) {
      t.add(new Trigger(Action.HL7_SEGMENT, DetectorType.PERSON_NAME, segment, 0));
    }
    // (session 26's red team of FHIR servers) FHIR resources and searches: a person's names and street address under
    // FHIR's generic keys (family, given, text, line, display), found only in a Patient's, Practitioner's,
    // RelatedPerson's or Person's resource, beside a reference to one, in a search of one (see FhirDetector). From
    // rare bytes: "cetype" of "resourceType" (its "typ", 524 places per 64 MiB of make-logs, would cost a trie step
    // each; "cet" is in 37, "cetype" and "resourcetype" in none), "eference" of "reference" ("ref" of referer and
    // refresh is in 9,113; "efe" in 1,670, "reference" in none); the searches' "/Patient?", "/Practitioner?",
    // "/Person?" (and "/RelatedPerson?") entered at "nt?", "pra" and "on?", in 0, 62 and 0 places; HAPI's
    // "Params[?" at "s[?", in none; none of the patterns whole is in the corpus, and the keyword filter passes there
    // 1,038,353 times instead of 1,036,584
    t.add(new Trigger(Action.FHIR, DetectorType.PERSON_NAME, "cetype", FhirDetector.RESOURCE));
    t.add(new Trigger(Action.FHIR, DetectorType.PERSON_NAME, "eference", FhirDetector.REFERENCE));
    for (String type : List.of("patient?", "practitioner?", "person?")) {
      t.add(new Trigger(Action.FHIR, DetectorType.PERSON_NAME, type, FhirDetector.SEARCH));
    }
    t.add(new Trigger(Action.FHIR, DetectorType.PERSON_NAME, "params[?", FhirDetector.HAPI_PARAMS));
    // Grafana's data source headers (secureJsonData: httpHeaderValue1: x; the name is httpHeaderName1)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "httpheadervalue", Trigger.NUMBERED));
    t.add(new Trigger(Action.DB2_USING, DetectorType.SECRET, " using ", 0));
    t.add(new Trigger(Action.RMAN_TARGET, DetectorType.SECRET, "rman target ", 0));
    t.add(new Trigger(Action.SNMP_CREATE_USER, DetectorType.SECRET, "\ncreateuser ", 0)); // (snmpd.conf's lines)
    t.add(new Trigger(Action.PAGERDUTY_INTEGRATION, DetectorType.SECRET, "pagerduty.com/integration/", 0));
    // HTTPie's --auth user:pw (its -a is redis-cli's pattern's), ngrok's agent token
    t.add(new Trigger(Action.HTTPIE_AUTH, DetectorType.SECRET, "--auth ", 0)); // (" --" starts 7,000 per 64 MiB)
    t.add(new Trigger(Action.NGROK_AUTHTOKEN, DetectorType.SECRET, "add-authtoken ", 0));
    // Ansible's recipe for the user module: password: "{{ 'x' | password_hash('sha512') }}" (the literal piped in)
    t.add(new Trigger(Action.JINJA_PASSWORD_HASH, DetectorType.SECRET, "| password_hash(", 0));
    // aws configure's prompt as a transcript shows it: "AWS Secret Access Key [None]: x"
    t.add(new Trigger(Action.AWS_CONFIGURE_PROMPT, DetectorType.AWS_SECRET_KEY, "secret access key [", 0));
    t.add(new Trigger(Action.GO_DSN, DetectorType.SECRET, "@unix(", 0));
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, "&code=", 0));
    t.add(new Trigger(Action.MYSQL_PASSWORD, DetectorType.SECRET, " -p", 0));
    t.add(new Trigger(Action.MYSQL_PASSWORD, DetectorType.SECRET, "=\"-p", 0)); // auditd EXECVE: a2="-px"
    t.add(new Trigger(Action.REDIS_CLI_PASSWORD, DetectorType.SECRET, " -a ", 0));
    t.add(new Trigger(Action.IDENTIFIED_BY, DetectorType.SECRET, "identified by ", 0));
    t.add(new Trigger(Action.VAULT_UNSEAL_KEY, DetectorType.SECRET, "seal key ", 0)); // vault's Unseal Key 1: <b64>
    t.add(new Trigger(Action.VAULT_UNSEAL_KEY, DetectorType.SECRET, "recovery key ", 0)); // Recovery Key 1: (auto-unseal)
    t.add(new Trigger(Action.REDIS_MONITOR_AUTH, DetectorType.SECRET, "\"auth\" ", 0)); // redis MONITOR's "AUTH" "pw"
    t.add(new Trigger(Action.REDIS_MONITOR_AUTH, DetectorType.SECRET, "\"auth2\" ", 0)); // MIGRATE's "AUTH2" "u" "pw"
    t.add(new Trigger(Action.REDIS_MONITOR_AUTH, DetectorType.SECRET, "requirepass\" ", 0)); // "CONFIG" "SET" …
    t.add(new Trigger(Action.REDIS_MONITOR_AUTH, DetectorType.SECRET, "masterauth\" ", 0));
    // (session 27) an environment variable named *_KEY in capitals with a generated value (JWT_KEY, SENDGRID_KEY);
    // "_ke" is in 3,080 places per 64 MiB of make-logs (users_email_key of PostgreSQL's unique violations)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "_key", Trigger.ENV_NAME | Trigger.RANDOM_VALUE));
    // (session 27) FreeIPA's user commands (the login, the person's names), openssl passwd's password arguments,
    // PowerShell's PSCredential's user; none of their first bytes' places in make-logs is one of these
    for (String w : List.of("ipa user-add ", "ipa user-mod ", "ipa user-del ", "ipa user-show ", "ipa user-enable ",
        "ipa user-disable ", "ipa user-unlock ", "ipa passwd ")) {
      t.add(new Trigger(Action.IPA_USER, DetectorType.USERNAME, w, 0));
    }
    t.add(new Trigger(Action.OPENSSL_PASSWD, DetectorType.SECRET, "openssl passwd ", 0));
    for (String w : List.of("pscredential(", "pscredential (", "pscredential -argumentlist ", "pscredential]::new(")) {
      t.add(new Trigger(Action.PS_CREDENTIAL, DetectorType.USERNAME, w, 0));
    }
    // (session 27) rclone's config create/update KEY VALUE pairs; a user as the word after a fixed phrase and before
    // a fixed text (sshd's Kerberos "Authorized to x, krb5 principal", doas' "doas: x ran command", pluto's
    // "XAUTH: User x:"); auditd's ADD_USER/DEL_USER records' enriched ID="x"; a WireGuard private key piped to
    // wg pubkey. None of these bytes are in make-logs
    t.add(new Trigger(Action.RCLONE_CONFIG, DetectorType.SECRET, "rclone config create ", 0));
    t.add(new Trigger(Action.RCLONE_CONFIG, DetectorType.SECRET, "rclone config update ", 0));
    for (String w : List.of("authorized to ", "doas: ", "xauth: user ")) {
      t.add(new Trigger(Action.WORD_USER, DetectorType.USERNAME, w, 0));
    }
    t.add(new Trigger(Action.AUDIT_ID, DetectorType.USERNAME, "id=\"", 0)); // (anchored at d=": " id" is in 22,681)
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "| wg pubkey", 0));
    // (session 27) a user in Elasticsearch's security API paths and in MongoDB's shell helpers; Chef's user-create
    // positional arguments; a password piped to elasticsearch-keystore; Jetty's realm hash without a blank after
    // the user's colon (Rundeck's realm.properties, jdoe:MD5:…); ISO 20022's (SEPA's) party names and street
    // names; none of these in make-logs
    for (String w : List.of("/_security/user/", "/_xpack/security/user/")) {
      t.add(new Trigger(Action.ES_USER_PATH, DetectorType.USERNAME, w, 0));
    }
    for (String w : List.of("db.updateuser(", "db.dropuser(", "db.getuser(", "db.grantrolestouser(",
        "db.revokerolesfromuser(", "db.changeuserpassword(")) { // (from "db.": 643 places; ".re" 36,016)
      t.add(new Trigger(Action.MONGO_USER_CALL, DetectorType.USERNAME, w, 0));
    }
    t.add(new Trigger(Action.CHEF_USER_CREATE, DetectorType.USERNAME, "knife user create ", 0));
    t.add(new Trigger(Action.CHEF_USER_CREATE, DetectorType.USERNAME, "chef-server-ctl user-create ", 0));
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "keystore add", 0)); // ("ela": 12,892)
    t.add(new Trigger(Action.JETTY_REALM_HASH, DetectorType.PASSWORD_HASH, ":md5:", CommandLineDetector.JETTY_MD5));
    t.add(new Trigger(Action.XML_TEXT, DetectorType.PERSON_NAME, "<nm>", 0));
    t.add(new Trigger(Action.XML_TEXT, DetectorType.STREET_ADDRESS, "<strtnm>", 0));
    t.add(new Trigger(Action.XML_TEXT, DetectorType.STREET_ADDRESS, "<adrline>", 0));
    // (session 27's red team of SaaS and AI applications) Fastly's API header, LaunchDarkly's SDK keys, Segment's
    // write keys; Slack's normalized names, Microsoft Graph's mentions, a vector store's employee or candidate
    // (not Segment's writeKey, Slack's *_normalized, Graph's mentionText, candidate, applicant: they would enter the
    // filter at "wri", "liz", "nti", "can", 5,000-19,000 places per 64 MiB of make-logs)
    for (String w : List.of("fastly-key", "sdkkey", "sdk_key", "sdk-key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, "employee", Trigger.EXACT_KEY));
    // (session 27) Salesforce's supplied name (a case's web form); not requester_name or caller_name, whose every
    // trigram is common (they would enter the filter at "req" and "cal": 136,255 and 18,020 places)
    for (String w : List.of("suppliedname", "supplied_name")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, 0));
    }
    // (session 27) loguru's and better_exceptions' values under a traceback's source line (box-drawing bytes: none
    // in make-logs)
    t.add(new Trigger(Action.TRACEBACK_ANNOTATION, DetectorType.SECRET, "\u2514 '", 0));
    t.add(new Trigger(Action.TRACEBACK_ANNOTATION, DetectorType.SECRET, "\u2514 \"", 0));
    // (session 27's red team of payments) track 1 of a swiped card after its format code, %B… (POS) and B… in
    // ISO 8583's field 45 as a quoted or assigned value (these 16 patterns pass ~5,000 places per 64 MiB of
    // make-logs: "b4 of hex strings); PIN blocks and clear PINs under their keys
    for (String lead : List.of("%", "\"", "'", "=")) {
      for (char digit : new char[] {'3', '4', '5', '6'}) {
        t.add(new Trigger(Action.TRACK1, DetectorType.CREDIT_CARD, lead + "b" + digit, 0));
      }
    }
    for (String w : List.of("pin_block", "pinblock", "pin-block", "card_pin", "cardpin", "card-pin")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    // (session 27's red team of telephony) the display name before a SIP or tel: URI or a bare extension in angle
    // brackets ("John Smith" <sip:…>, From: Jane Doe <tel:…>, "Jane Doe" <4471>); Asterisk's voicemail.conf
    // boxes (2045 => PIN,Full Name,e-mail); FreeSWITCH's caller id names. None of these bytes in make-logs
    for (String w : List.of(" <sip:", " <sips:", " <tel:")) {
      t.add(new Trigger(Action.SIP_DISPLAY_NAME, DetectorType.PERSON_NAME, w, 0));
    }
    for (char digit = '0'; digit <= '9'; digit++) {
      t.add(new Trigger(Action.SIP_DISPLAY_NAME, DetectorType.PERSON_NAME, "\" <" + digit, 0));
    }
    t.add(new Trigger(Action.SIP_DISPLAY_NAME, DetectorType.PERSON_NAME, "\" <+", 0));
    t.add(new Trigger(Action.VOICEMAIL_BOX, DetectorType.SECRET, " => ", 0));
    for (String w : List.of("caller_id_name", "callerid_name", "calleridname", "cid_name", "sip_from_display",
        "callerid(name)")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, 0));
    }
    // FreeSWITCH's and Asterisk's numbers of a call, digits alone as they write them ("num": 743 places, "des": 179)
    for (String w : List.of("caller_id_number", "callerid_number", "callee_id_number", "destination_number", "cid_num")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PHONE, w, 0));
    }
    // (session 27's red team of network access) a MAC address under its key, also without separators; a device's
    // own name under a firewall's, a proxy's or an MDM's key ("mac" joins the common trigrams: these enter past it)
    for (String w : List.of("mac=", "mac:", "mac\"")) { // (a three-byte "mac" would stop at every machine: 16,419)
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.MAC, w, Trigger.NEEDS_BOUNDARY | Trigger.SUFFIXED));
    }
    for (String w : List.of("macaddress", "mac_address", "mac-address", "macaddr", "mac_addr")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.MAC, w, 0));
    }
    for (String w : List.of("srcname", "devicehostname", "device_hostname", "client-hostname", "clienthostname",
        "client_hostname", "devicename", "device_name", "machinename", "machine_name")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.HOSTNAME, w, 0));
    }
    // (session 27's red team of payments) SWIFT MT fields at a line's start: the parties of MT103/MT202, MT940's
    // account and information (no line of make-logs starts with a colon)
    for (String tag : List.of("50k", "50f", "59", "59f", "25", "86")) {
      t.add(new Trigger(Action.SWIFT_FIELD, DetectorType.PERSON_NAME, "\n:" + tag + ":", 0));
    }
    // (session 27's red team of network access) a phone's and a subscriber's identity under its key (MDM, mobile
    // cores, modems), Open5GS' imsi-<digits>; DICOM's patient attributes in dcmdump's text and in DICOM JSON
    for (String w : List.of("imei", "imsi", "iccid", "meid", "imeisv")) { // (not udid: "udi" of audit, 29,965)
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.DEVICE_ID, w, Trigger.NEEDS_BOUNDARY));
    }
    t.add(new Trigger(Action.IMSI_PREFIXED, DetectorType.DEVICE_ID, "imsi-", 0));
    for (String tag : DicomDetector.TAGS) {
      t.add(new Trigger(Action.DICOM_TAG, DetectorType.PERSON_NAME, "(" + tag.substring(0, 4) + "," + tag.substring(4)
          + ") ", 0));
      t.add(new Trigger(Action.DICOM_JSON, DetectorType.PERSON_NAME, "\"" + tag + "\":{", 0));
    }
    // (session 27's red team of payments) NACHA's entry detail records: a line of 94 characters from "6" and a
    // transaction code (lines of make-logs that start with 62-65: 1,369 per 64 MiB, none of 94 such characters)
    for (String code : List.of("2", "3", "4", "5")) {
      t.add(new Trigger(Action.NACHA_ENTRY, DetectorType.BANK_ACCOUNT, "\n6" + code, 0));
    }
    // (session 27) MONITOR's hash writes: "HSET" "user:42" "first_name" "Anna" "ssn" "…" (no "hs, "hm in make-logs)
    for (String w : List.of("\"hset\" ", "\"hmset\" ", "\"hsetnx\" ")) {
      t.add(new Trigger(Action.REDIS_HASH_FIELDS, DetectorType.SECRET, w, 0));
    }
    webSupportArtifacts(t);
    LocalizedKeys.add(t);
    commandLineAndHeaders(t);
    t.add(new Trigger(Action.USER_SLOT_INVALID, DetectorType.USERNAME, "invalid user ", 0));
    // OpenSSH's PAM failures: "PAM: Authentication failure for [illegal user ]USER from HOST". Patterns from the
    // phrase's rarer bytes on (the scan tests every position against the first three bytes of every pattern):
    // "gal user " of "illegal user ", "lure for " of "failure for "
    t.add(new Trigger(Action.USER_SLOT_INVALID, DetectorType.USERNAME, "gal user ", 0));
    t.add(new Trigger(Action.USER_SLOT_FOR_FROM, DetectorType.USERNAME, "lure for ", 0));
    t.add(new Trigger(Action.USER_SLOT_FOR_FROM, DetectorType.USERNAME, "password for ", 0));
    t.add(new Trigger(Action.USER_SLOT_FOR_FROM, DetectorType.USERNAME, "publickey for ", 0));
    // MongoDB's "Successfully authenticated as principal USER on DB": the longer phrase is tried first; pam_unix's
    // "password changed for USER"
    for (String phrase : List.of("for user ", "of user ", "authenticating user ", "by user ", "authenticated as ",
        "authenticated as principal ", "user '", "user \"", "account name:", "password changed for ", "username '",
        // Windows' event 4776 (NTLM validation on a domain controller), "Logon Account: jdoe"
        "logon account:",
        // Apache's mod_auth_basic (AH01617 failure, AH01618 unknown user), Tomcat's realms, PostgreSQL's peer and
        // ident failures ("provided user name (X) and authenticated user name (Y)")
        "ah01617: user ", "ah01618: user ", "ocked user ", "authenticate user ", "username [", "user name (",
        // Elasticsearch's security log: "Authentication of [alice] was terminated by realm [ldap1]"
        "authentication of [",
        // shadow's user management, from the phrases' rarer bytes on (userdel's "owned by 'X'", chage's "changed
        // password expiry for X", not a card's "invalid expiry for card"; usermod's "change user name 'X' to 'Y'": USER_RENAME; passwd's "password for 'X'
        // changed by": SET_PASSWORD_FOR), PostgreSQL 14's "connection authenticated: identity=\"X\"", a backquoted
        // name (MySQL's and Cypher's identifiers)
        "wned by '", "password expiry for ", "identity=\"", "user `",
        // (session 23's red team) Cassandra's "Provided username X and/or password are incorrect", JBoss/PicketBox's
        // "Bad password for username X", ActiveMQ's "User name [X] or password is invalid", strongSwan's
        // "EAP-Identity 'X' received", "XAuth authentication of 'X' successful", "received XAuth user name: X",
        // OpenVPN's client certificate "VERIFY OK: depth=0, CN=X", Kubernetes RBAC's reason in an audit event,
        // "… to User \"X\"" (JSON-escaped; also "granted to user X")
        "ed username ", "d for username ", "user name [", "identity '", "xauth authentication of '",
        "xauth user name: ", "h=0, cn=", "to user ",
        // (session 26) sudo's "Sorry, user X may not run sudo on H." (from "rry": rare)
        "rry, user ")) {
      t.add(new Trigger(Action.USER_SLOT_FOR, DetectorType.USERNAME, phrase, 0));
    }
    t.add(new Trigger(Action.USER_SLOT_FOR, DetectorType.USERNAME, "d from user ", UserSlotDetector.NEEDS_PORT));
    t.add(new Trigger(Action.USER_RENAME, DetectorType.USERNAME, "user name '", 0)); // usermod's "… 'X' to 'Y'"
    // Elasticsearch's generated passwords and enrollment tokens, alone on the line after their announcement
    t.add(new Trigger(Action.ELASTIC_PASSWORD, DetectorType.SECRET, "password for the ", 0));
    // (the same shape: a secret alone on the line after one ending in ':') kubeadm init --upload-certs prints the key
    // that decrypts the control plane's certificates and keys in the kubeadm-certs Secret
    t.add(new Trigger(Action.ELASTIC_PASSWORD, DetectorType.SECRET, "certificate key:", 0));
    // ... and takes it as kubeadm join's --certificate-key; SonarQube's scanner took its token as -Dsonar.login= (the
    // user when sonar.password is given: a user as a secret then); from "nar.": "son" of json, person, reason
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "certificate-key", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "nar.login", 0));
    t.add(new Trigger(Action.ENROLLMENT_TOKEN, DetectorType.SECRET, "enrollment token", 0));
    t.add(new Trigger(Action.JENKINS_STARTED_BY, DetectorType.USERNAME, "d by user ", 0)); // "Started by user X"
    t.add(new Trigger(Action.JENKINS_STARTED_BY, DetectorType.USERNAME, "d by github push by ", 0)); // (session 24)
    // Keycloak's "Set AUTH_SESSION_ID cookie with value X" (from "ook": "coo" is too common a start)
    t.add(new Trigger(Action.COOKIE_WITH_VALUE, DetectorType.SECRET, "ookie with value ", 0));
    // (session 26) the value a validation error repeats, typed by its field: Spring's "on field 'password': rejected
    // value [x]" ("rej": 788 places per 64 MiB of logs), FastAPI's "input":"x" beside "loc":[…,"password"] (from
    // 'ut":', none), Pydantic's input_value='x' under the field's line ("ut_", none)
    t.add(new Trigger(Action.SPRING_REJECTED_VALUE, DetectorType.SECRET, "rejected value [", 0));
    t.add(new Trigger(Action.FASTAPI_INPUT, DetectorType.SECRET, "ut\":", 0));
    t.add(new Trigger(Action.PYDANTIC_INPUT, DetectorType.SECRET, "ut_value=", 0));
    // (session 27) Joi's and class-validator's errors as Node prints them: the value before its field's name
    // (context: { limit: 8, value: 'x', label: 'password', key: 'password' }; ValidationError { …, value: 'x',
    // property: 'password', … }), and Joi's context in a JSON log line; none of these in make-logs
    for (String w : List.of("key: '", "key: \"", "property: '", "property: \"")) {
      t.add(new Trigger(Action.JS_VALIDATION_FIELD, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.JOI_CONTEXT, DetectorType.SECRET, "\"label\":\"", 0)); // ("co of "context": 53,389)
    // (session 26's red team of data platforms; none of these in 64 MiB of make-logs, counted for each pattern and
    // its first three bytes) a flag of one tool's line: beeline's -n, kadmin's -w, databricks' --string-value,
    // airflow's --conn-login; SQL*Plus' SQL> CONNECT u/p@db; Spark's SecurityManager lists of users, Hadoop's
    // audit ugi= (HDFS, the Hive metastore); Puppet's User[x] resources; Ansible -vvv's echo ~user
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " -n ", CommandLineDetector.BEELINE_USER));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.SECRET, " -w ", CommandLineDetector.KADMIN_PASSWORD));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.SECRET, " --string-value ", CommandLineDetector.DATABRICKS_VALUE));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " --conn-login ", CommandLineDetector.AIRFLOW_LOGIN));
    t.add(new Trigger(Action.SQLPLUS_CONNECT, DetectorType.SECRET, "l> conn", 0));
    t.add(new Trigger(Action.SPARK_ACL_USERS, DetectorType.USERNAME, "h view permissions: set(", 0));
    t.add(new Trigger(Action.SPARK_ACL_USERS, DetectorType.USERNAME, "h modify permissions: set(", 0));
    t.add(new Trigger(Action.SPARK_ACL_USERS, DetectorType.USERNAME, "acls to: ", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "ugi", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.PUPPET_USER, DetectorType.USERNAME, "user[", 0));
    t.add(new Trigger(Action.ECHO_HOME, DetectorType.USERNAME, "o ~", 0));
    // Azure storage account keys in Spark's configuration outside XML ("zur": 50 places per 64 MiB of make-logs)
    t.add(new Trigger(Action.AZURE_ACCOUNT_KEY, DetectorType.SECRET, "zure.account.key.", 0));
    // Werkzeug's "* Debugger PIN: 142-857-309" ("pin": 60 places)
    t.add(new Trigger(Action.DEBUGGER_PIN, DetectorType.SECRET, "pin: ", 0));
    // a PHP stack trace's frame, File.php(65): PDO->__construct('dsn', 'user', 'pw', Array) ("php(": none)
    t.add(new Trigger(Action.PHP_FRAME, DetectorType.SECRET, "php(", 0));
    // an ORM's bound parameters, typed by their statement's columns: TypeORM's "-- PARAMETERS: [" ("-- ": 1,422
    // places), MyBatis' "==> Parameters: " after "==>  Preparing: …" ("> p": none)
    t.add(new Trigger(Action.TYPEORM_PARAMETERS, DetectorType.SECRET, "-- parameters: [", 0));
    // (session 27) knex's query object, Prisma's query event as printed: none of either in make-logs
    t.add(new Trigger(Action.KNEX_BINDINGS, DetectorType.SECRET, "bindings: [", 0));
    t.add(new Trigger(Action.PRISMA_PARAMS, DetectorType.SECRET, "params: [", 0));
    t.add(new Trigger(Action.MYBATIS_PARAMETERS, DetectorType.SECRET, "> parameters: ", 0));
    // shadow's tools as commands (shell histories, CI and Ansible output): useradd/usermod/userdel's login, comment
    // (a name), new login and password hash ("use": the first bytes of the user key words already)
    for (String tool : List.of("useradd ", "usermod ", "userdel ")) {
      t.add(new Trigger(Action.SHADOW_TOOL, DetectorType.USERNAME, tool, 0));
    }
    // (session 26's third and fourth red teams) Mattermost's and Rocket.Chat's /hooks/ ("/ho": /home/'s first
    // bytes already), AWS's private EC2 names ip-10-1-2-3 ("ip-": 18 places per 64 MiB), a login's -p="x"/-u="x"
    // (Quay's robot accounts; " -p="/" -u=": none), jenkins-cli's -auth user:token (" -a": the -a of redis-cli's)
    t.add(new Trigger(Action.HOOKS_PATH, DetectorType.API_TOKEN, "/hooks/", 0));
    t.add(new Trigger(Action.EC2_PRIVATE_NAME, DetectorType.IPV4, "ip-", 0));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.SECRET, " -p=", CommandLineDetector.LOGIN_PASSWORD_EQ));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " -u=", CommandLineDetector.LOGIN_USER_EQ));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " -l ", CommandLineDetector.SSH_LOGIN));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " --as=", CommandLineDetector.KUBECTL_AS));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, " --as ", CommandLineDetector.KUBECTL_AS));
    t.add(new Trigger(Action.TOOL_FLAG, DetectorType.USERNAME, "su - ", CommandLineDetector.SU_LOGIN));
    t.add(new Trigger(Action.JENKINS_CLI_AUTH, DetectorType.SECRET, " -auth ", 0));
    // OpenVPN's status file, CLIENT_LIST,name,…,username and ROUTING_TABLE,vip,name,… (none in 64 MiB); usermod's
    // "usermod[pid]: add 'x' to group 'g'" ("use": the user key words' first bytes)
    t.add(new Trigger(Action.OPENVPN_STATUS, DetectorType.USERNAME, "client_list,", 0));
    t.add(new Trigger(Action.OPENVPN_STATUS, DetectorType.USERNAME, "routing_table,", 0));
    t.add(new Trigger(Action.USERMOD_GROUP_ADD, DetectorType.USERNAME, "usermod[", 0));
    // Firebase Cloud Messaging's server keys and device tokens, ID:APA91b… (":ap": 750 places per 64 MiB); XMPP's
    // SASL PLAIN response, <auth … mechanism='PLAIN'>base64</auth> (Prosody's and ejabberd's debug logs; "mec": 65)
    t.add(new Trigger(Action.FCM_TOKEN, DetectorType.API_TOKEN, ":apa91b", 0));
    // expect's answers, send "x\r" after an expect of a password's or a user's prompt ("nd ": none)
    t.add(new Trigger(Action.EXPECT_SEND, DetectorType.SECRET, "nd \"", 0));
    t.add(new Trigger(Action.EXPECT_SEND, DetectorType.SECRET, "nd -- \"", 0));
    // a SAML assertion's <AttributeValue> typed by its Attribute's Name ("rib": 61 places per 64 MiB); the trigger
    // stays on for any of its types, checked by the detector (UserSlotDetector.samlAttributeValue)
    t.add(new Trigger(Action.SAML_ATTRIBUTE_VALUE, DetectorType.PERSON_NAME, "ributevalue", 0));
    // a password fed to a command's input: a here-string ("<<<": none in 64 MiB), echo … | gpg --passphrase-fd 0,
    // echo … | cryptsetup ("| c", "--p": none, or the first bytes of --password's); curl's -uuser:pw (" -u": the
    // first bytes of " -u "'s)
    t.add(new Trigger(Action.HERE_STRING, DetectorType.SECRET, "<<< ", 0));
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "--passphrase-fd 0", 0));
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "| cryptsetup", 0));
    t.add(new Trigger(Action.CURL_GLUED_USER, DetectorType.SECRET, " -u", 0));
    // a network device's username line (Cisco IOS, ASA, NX-OS; "use": the user key words' first bytes)
    t.add(new Trigger(Action.DEVICE_USERNAME, DetectorType.USERNAME, "username ", 0));
    // iscsiadm's -n SETTING -v VALUE (" -v": none in 64 MiB of make-logs); iSCSI's mutual CHAP keys of iscsid.conf
    // (password_in, username_in: the first bytes of password's and username's); Buildkite's build authors
    // (BUILD_CREATOR, BUILD_AUTHOR: "ld_" 23 places; a commit's author is the author key's, name and e-mail)
    t.add(new Trigger(Action.ISCSIADM_VALUE, DetectorType.SECRET, " -v ", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "password_in", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "username_in", 0));
    for (String w : List.of("ld_creator", "ld_author")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, 0));
    }
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "mechanism='plain'>", 0));
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "mechanism=\"plain\">", 0));
    // network devices' configurations (LoginLogDetector.deviceSecret); each from its rarer bytes on (Anchors). A
    // general word needs the encryption type after it (password 7 …); a device's own keyword does not
    int typed = LoginLogDetector.DEVICE_NEEDS_TYPE;
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, "password ", typed));
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, "secret ", typed | LoginLogDetector.DEVICE_HASH));
    for (String w : List.of("key 0 ", "key 6 ", "key 7 ")) { // (" key " alone passed the filter at every " ke")
      t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, w, LoginLogDetector.DEVICE_TYPED_PATTERN));
    }
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, "-key ", typed)); // authentication-key 7 …
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, "-server key ", LoginLogDetector.DEVICE_SERVER));
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, "-server host ", LoginLogDetector.DEVICE_AAA_HOST));
    for (String w : List.of("key-string ", "snmp-server community ", "pre-shared-key ", "wpa-psk ascii ",
        " auth sha ", " auth md5 ", " priv des ")) {
      t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.DEVICE_SECRET, DetectorType.SECRET, " priv aes ", LoginLogDetector.DEVICE_KEY_SIZE));
    t.add(new Trigger(Action.RADIUS_LOGIN, DetectorType.USERNAME, "login ok: [", 0)); // FreeRADIUS's auth log
    t.add(new Trigger(Action.RADIUS_LOGIN, DetectorType.USERNAME, "login incorrect", 0));
    t.add(new Trigger(Action.SECURE_STRING, DetectorType.SECRET, "securestring ", 0)); // PowerShell
    t.add(new Trigger(Action.ASA_GROUP_USER, DetectorType.USERNAME, "> user <", 0)); // ASA's Group <g> User <u>
    t.add(new Trigger(Action.FORTI_MSG_USER, DetectorType.USERNAME, "sg=\"user ", 0)); // FortiGate's msg="User u …"
    t.add(new Trigger(Action.FORTI_MSG_USER, DetectorType.USERNAME, "sg=\"administrator ", 0));
    t.add(new Trigger(Action.CONFIGURED_BY, DetectorType.USERNAME, "console by ", 0)); // IOS's CONFIG_I
    // OpenSSL's text dump of a private key, its secret fields; a password dump's LM:NT::: line
    for (String f : List.of("privateexponent:", "prime1:", "prime2:", "exponent1:", "exponent2:", "coefficient:",
        "priv:")) {
      t.add(new Trigger(Action.KEY_DUMP_FIELD, DetectorType.PRIVATE_KEY, f, 0));
    }
    t.add(new Trigger(Action.NTLM_DUMP, DetectorType.PASSWORD_HASH, ":::", 0));
    // syslog's own slots: sudo's "sudo:  USER : TTY=", pam's "by USER(uid=", su's "(to root) USER on", pam's
    // "; logname=USER … ruser=USER", an LDAP DN's "uid=USER,ou=…"
    t.add(new Trigger(Action.SUDO_USER, DetectorType.USERNAME, "sudo: ", 0));
    t.add(new Trigger(Action.SUDO_USER, DetectorType.USERNAME, "sudo[", 1)); // journald: sudo[29001]:  USER : TTY=
    t.add(new Trigger(Action.IAM_USER_ARN, DetectorType.USERNAME, ":user/", 0)); // arn:aws:iam::123456789012:user/X
    t.add(new Trigger(Action.ROLE_SESSION, DetectorType.USERNAME, "assumed-role/", 0)); // …:assumed-role/Role/X
    t.add(new Trigger(Action.ROLE_SESSION, DetectorType.USERNAME, "aroa", 0)); // "principalId":"AROA…:X"
    t.add(new Trigger(Action.USER_BEFORE_UID, DetectorType.USERNAME, "(uid=", 0));
    t.add(new Trigger(Action.SU_USERS, DetectorType.USERNAME, "(to ", 0));
    t.add(new Trigger(Action.PAM_LOGNAME, DetectorType.USERNAME, "; logname=", 0));
    // the lines of login programs, cron, OpenSSH, PostgreSQL, MySQL, OpenVPN and Neo4j's security log
    // (LoginLogDetector), and SQL's and Cypher's users; each pattern from a rare three bytes of its phrase on
    t.add(new Trigger(Action.SSHD_NOT_ALLOWED, DetectorType.USERNAME, "owed because", 0)); // "not allowed because"
    t.add(new Trigger(Action.SSHD_AUTH_LOG, DetectorType.USERNAME, "sh2", 0)); // "… for USER from HOST port N ssh2"
    t.add(new Trigger(Action.LOGIN_FAILURE, DetectorType.USERNAME, "d login ", 0)); // "FAILED LOGIN "
    t.add(new Trigger(Action.LOGIN_FAILURE, DetectorType.USERNAME, "y login tries (", 0)); // "TOO MANY LOGIN TRIES ("
    t.add(new Trigger(Action.LOGIN_ON, DetectorType.USERNAME, "ogin on ", 0)); // "LOGIN ON "
    t.add(new Trigger(Action.LOGIN_ON, DetectorType.USERNAME, "dialup at ", 0));
    for (String cmd : List.of("md (", "mdout (", "mdend (")) { // cron's ") CMD (", cronie's CMDOUT, CMDEND
      t.add(new Trigger(Action.CRON_COMMAND, DetectorType.USERNAME, cmd, 0));
    }
    t.add(new Trigger(Action.NEO4J_SECURITY, DetectorType.USERNAME, ": logged in", 0)); // "]: logged in"
    t.add(new Trigger(Action.NEO4J_SECURITY, DetectorType.USERNAME, ": failed to log in", 0));
    t.add(new Trigger(Action.OPENVPN_PEER, DetectorType.USERNAME, "] peer connection initiated", 0));
    t.add(new Trigger(Action.PG_ROLE, DetectorType.USERNAME, "le \"", 0)); // PostgreSQL's role "X", Role "X"
    t.add(new Trigger(Action.MYSQL_USER_HOST, DetectorType.USERNAME, "user@host: ", 0)); // MySQL's slow query log
    // MySQL's SET PASSWORD FOR 'u'@'h' = 'pw' (the phrase is also sshd's "password for ": both are tried) and
    // IDENTIFIED WITH plugin BY 'pw' / AS 'hash'
    t.add(new Trigger(Action.SET_PASSWORD_FOR, DetectorType.SECRET, "password for ", 0));
    t.add(new Trigger(Action.IDENTIFIED_WITH, DetectorType.SECRET, "identified with ", 0));
    t.add(new Trigger(Action.SU_FOR, DetectorType.USERNAME, "su for ", 0)); // shadow's "Successful su for T by U"
    t.add(new Trigger(Action.SUDO_LOGFILE, DetectorType.USERNAME, " : tty=", 0)); // sudo's logfile: " : U : TTY="
    t.add(new Trigger(Action.SSHD_SESSION, DetectorType.USERNAME, "session: ", 0)); // "Starting session: …for U from"
    t.add(new Trigger(Action.FTP_LOGIN, DetectorType.USERNAME, "k login:", 0)); // vsftpd's "[U] OK LOGIN:"
    t.add(new Trigger(Action.FTP_LOGIN, DetectorType.USERNAME, "l login:", 0)); // and "[U] FAIL LOGIN:"
    // Dovecot's services and its authentication's passdbs: imap(alice)<pid><session>:, pam(alice,192.0.2.10,…)
    // (patterns from a rare three bytes on: "map(" of imap(, "am(" of pam(; the flags name the letter before)
    for (String service : List.of("pop3(", "lmtp(", "submission(")) {
      t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, service, 0));
    }
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "map(", 'i'));
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "am(", 'p' | LoginLogDetector.DOVECOT_PASSDB));
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "passwd-file(", LoginLogDetector.DOVECOT_PASSDB));
    // (session 22) Dovecot's SQL and LDAP passdbs, sql(alice,…), ldap(alice,…) ("sql" and "lda" are common starts:
    // "ql(" and "dap(" with the letter before; "dap" is a common trigram, so "ap(" enters the filter), its doveadm
    // and LDA services
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "ql(", 's' | LoginLogDetector.DOVECOT_PASSDB));
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "dap(", 'l' | LoginLogDetector.DOVECOT_PASSDB));
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "doveadm(", 0));
    t.add(new Trigger(Action.DOVECOT_SERVICE, DetectorType.USERNAME, "da(", 'l'));
    // Exim's main log: A=authenticator:user, U=user (a local submission), (set_id=user) of a failed login
    for (String p : List.of(" a=", " u=", "(set_id=")) {
      t.add(new Trigger(Action.EXIM_USER, DetectorType.USERNAME, p, 0));
    }
    // (session 22) Roundcube's userlogins.log and errors.log, Nextcloud's "Login failed: x (Remote IP: …)" (fail2ban's
    // target) and its WebDAV paths ("ful login for ": "succ…" and "sfu" of every "successfully" are common)
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "ful login for ", LoginLogDetector.WORD));
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "login failed for ", LoginLogDetector.WORD));
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "login failed: ", LoginLogDetector.BEFORE_REMOTE_IP));
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "/dav/files/", LoginLogDetector.PATH_SEGMENT));
    // Postfix's local senders and recipients (pickup's from=<alice>, local's orig_to=<alice>: no domain), the
    // Received header's "(Authenticated sender: alice)", Sendmail's authid= and ctladdr=
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "from=<", LoginLogDetector.LOCAL_PART));
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "orig_to=<", LoginLogDetector.LOCAL_PART));
    t.add(new Trigger(Action.WORD_AFTER, DetectorType.USERNAME, "authenticated sender: ", LoginLogDetector.WORD));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "authid", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "ctladdr", Trigger.EXACT_KEY));
    // ModSecurity's (OWASP CRS) "Matched Data: x found within ARGS:pwd: x": x typed by the argument's name
    // ("data: ", which enters the filter with the Kubernetes Secret's "data:"; "mat" of "format" is common)
    t.add(new Trigger(Action.MODSEC_MATCHED_DATA, DetectorType.SECRET, "data: ", 0));
    // Postfix's verbose SASL: smtp_sasl_passwd_lookup: host `h' user `u' pass `pw'; Dovecot's auth_debug_passwords:
    // sql(u,…): CRYPT(typed) != 'stored'
    t.add(new Trigger(Action.DEBUG_PASSWORD, DetectorType.SECRET, "' pass `", 0));
    t.add(new Trigger(Action.DEBUG_PASSWORD, DetectorType.SECRET, ") != '", 0));
    // Hibernate 5's BasicExtractor at TRACE: extracted value ([password4_0_] : [VARCHAR]) - [x]
    t.add(new Trigger(Action.HIBERNATE_EXTRACTED, DetectorType.SECRET, "extracted value ([", 0));
    // an SQL INSERT's column list and its values: each value typed by its column
    t.add(new Trigger(Action.SQL_INSERT, DetectorType.SECRET, ") values (", 0));
    t.add(new Trigger(Action.SQL_INSERT, DetectorType.SECRET, ") values(", 0));
    // MySQL's first start: "A temporary password is generated for root@localhost: x" (the line's rest)
    t.add(new Trigger(Action.MYSQL_TEMPORARY_PASSWORD, DetectorType.SECRET, "temporary password is generated for ", 0));
    t.add(new Trigger(Action.POSTGRES_KEY, DetectorType.USERNAME, ")=(", 0)); // DETAIL:  Key (username)=(alice)
    t.add(new Trigger(Action.SAMBA_DOMAIN_USER, DetectorType.USERNAME, "]\\[", 0)); // Samba's user [DOMAIN]\[alice]
    t.add(new Trigger(Action.VAULT_LOGIN_PATH, DetectorType.USERNAME, "userpass/login/", 0)); // Vault's auth paths
    t.add(new Trigger(Action.VAULT_LOGIN_PATH, DetectorType.USERNAME, "ldap/login/", 0));
    t.add(new Trigger(Action.VAULT_LOGIN_PATH, DetectorType.USERNAME, "userpass/users/", 0)); // a user's own path
    t.add(new Trigger(Action.VAULT_LOGIN_PATH, DetectorType.USERNAME, "ldap/users/", 0));
    t.add(new Trigger(Action.JWK, DetectorType.PRIVATE_KEY, "\"kty\"", 0)); // a JSON Web Key's private members
    t.add(new Trigger(Action.MINIO_ALIAS, DetectorType.SECRET, "alias set ", 0)); // mc alias set A URL KEY SECRET
    t.add(new Trigger(Action.MINIO_USER_ADD, DetectorType.SECRET, "admin user add ", 0)); // (session 25) mc: A USER PW
    // (session 25) Windows' net user NAME: the Full Name row
    t.add(new Trigger(Action.FULL_NAME_ROW, DetectorType.PERSON_NAME, "\nfull name  ", 0));
    // (session 31) sudoers: a rule's users (jdoe ALL=(etl) …), an alias' members, a user's Defaults:
    t.add(new Trigger(Action.SUDOERS, DetectorType.USERNAME, "all=(", SudoersDetector.RULE));
    t.add(new Trigger(Action.SUDOERS, DetectorType.USERNAME, "_alias ", SudoersDetector.ALIAS));
    t.add(new Trigger(Action.SUDOERS, DetectorType.USERNAME, "defaults:", SudoersDetector.DEFAULTS));
    // (session 31) a PostgreSQL backend's process title in ps: postgres: 16/main: USER DB CLIENT(PORT) STATE
    t.add(new Trigger(Action.POSTGRES_BACKEND, DetectorType.USERNAME, "postgres: ", 0));
    // (session 31) the account a shell command acts on: passwd jdoe, chage -l jdoe, chown -R jdoe:jdoe /srv
    // (useradd, usermod and userdel are SHADOW_TOOL's)
    for (String command : List.of("passwd ", "chage ")) {
      t.add(new Trigger(Action.ACCOUNT_COMMAND, DetectorType.USERNAME, command, AccountCommandDetector.LAST_ARGUMENT));
    }
    t.add(new Trigger(Action.ACCOUNT_COMMAND, DetectorType.USERNAME, "chown ", AccountCommandDetector.OWNER));
    // (session 31) accounts in listings: ls -l's owner (from a line's mode), getfacl, FreeIPA, LDIF's memberUid
    for (String mode : List.of("\n-rw", "\n-r-", "\n---", "\ndrw", "\ndr-", "\nlrw", "\ncrw", "\nbrw", "\nsrw",
        "\nprw")) {
      t.add(new Trigger(Action.ACCOUNT_LISTING, DetectorType.USERNAME, mode, AccountListingDetector.LS));
    }
    for (String label : List.of("\n# owner: ", "user login: ", "\nmemberuid: ")) {
      t.add(new Trigger(Action.ACCOUNT_LISTING, DetectorType.USERNAME, label, AccountListingDetector.LABEL));
    }
    t.add(new Trigger(Action.ACCOUNT_LISTING, DetectorType.USERNAME, "\nuser:", AccountListingDetector.ACL));
    // (entered at "t name: " and "en name: ": "fir", "las" and "giv" start 6,900 words per 64 MiB of make-logs)
    for (String label : List.of("t name: ", "en name: ")) {
      t.add(new Trigger(Action.ACCOUNT_LISTING, DetectorType.PERSON_NAME, label, AccountListingDetector.NAME_LABEL));
    }
    // (session 31) id's uid=1001(jdoe) gid=1001(jdoe) groups=1001(jdoe),27(sudo): the user and its own group
    t.add(new Trigger(Action.ID_OUTPUT, DetectorType.USERNAME, ") gid=", 0));
    // (session 31) Windows' net user: the accounts under "User accounts for \\HOST" (German: "Benutzerkonten für")
    t.add(new Trigger(Action.NET_USER_LIST, DetectorType.USERNAME, "accounts for \\\\", 0));
    t.add(new Trigger(Action.NET_USER_LIST, DetectorType.USERNAME, "benutzerkonten f", 0));
    // Redis ACL rules: users.acl and redis.conf lines, ACL SETUSER (also as MONITOR prints it), ACL LIST's entries
    // (with the byte before: "user " alone is in every "for user x", 1-2 % of the scan in memory)
    t.add(new Trigger(Action.REDIS_ACL, DetectorType.SECRET, "\nuser ", 0));
    t.add(new Trigger(Action.REDIS_ACL, DetectorType.SECRET, "\"user ", 0));
    t.add(new Trigger(Action.REDIS_ACL, DetectorType.SECRET, "setuser ", 0));
    t.add(new Trigger(Action.REDIS_ACL, DetectorType.SECRET, "setuser\" ", 0));
    // the user of a Neo4j query log entry (after its connection details) and of a PostgreSQL CSV log line
    t.add(new Trigger(Action.NEO4J_QUERY_USER, DetectorType.USERNAME, ">\t", 0));
    t.add(new Trigger(Action.NEO4J_QUERY_USER, DetectorType.USERNAME, "session\t\t", 0));
    // (from "tc,": "utc" is in every time stamp; the zone and the blank before it are checked)
    t.add(new Trigger(Action.POSTGRES_CSV_USER, DetectorType.USERNAME, "tc,\"", 0));
    t.add(new Trigger(Action.POSTGRES_CSV_USER, DetectorType.USERNAME, "mt,\"", 0));
    // CI runners' secret declarations; redis-cli's -a in a JSON argument list; HAProxy's stats auth and userlists
    t.add(new Trigger(Action.CI_SECRET, DetectorType.SECRET, "::add-mask::", 0));
    t.add(new Trigger(Action.CI_SECRET, DetectorType.SECRET, "issecret=true]", 0));
    t.add(new Trigger(Action.REDIS_CLI_QUOTED, DetectorType.SECRET, "\"-a\"", 0));
    t.add(new Trigger(Action.HAPROXY_AUTH, DetectorType.SECRET, "stats auth ", 0));
    t.add(new Trigger(Action.HAPROXY_AUTH, DetectorType.SECRET, "insecure-password ", 0));
    // a "value" made secret by its sibling: SSM's "Type": "SecureString", Terraform's "sensitive": true
    t.add(new Trigger(Action.SIBLING_VALUE, DetectorType.SECRET, "securestring\"", 0));
    t.add(new Trigger(Action.SIBLING_VALUE, DetectorType.SECRET, "sensitive\":", 0));
    // a Terraform state's random_password and random_string resources: each instance's "result" (session 22)
    t.add(new Trigger(Action.TERRAFORM_RANDOM, DetectorType.SECRET, "\"random_password\"", 0));
    t.add(new Trigger(Action.TERRAFORM_RANDOM, DetectorType.SECRET, "\"random_string\"", 0));
    // a Kubernetes Secret printed as text: its data and stringData (kubectl get secret -o yaml|json)
    t.add(new Trigger(Action.KUBE_SECRET_YAML, DetectorType.SECRET, "data:", 0));
    // (session 24) a YAML mapping whose key names what its key is for: encryption: then key: x (Spring Cloud
    // Config's encrypt.key, an app's jwt.key, hmac.key), and those dotted keys in properties
    for (String parent : KEY_PARENTS) {
      t.add(new Trigger(Action.YAML_NESTED_KEY, DetectorType.SECRET, parent + ":", 0));
    }
    for (String w : List.of("encrypt.key", "jwt.key", "hmac.key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KUBE_SECRET_JSON, DetectorType.SECRET, "data\":{", 0));
    t.add(new Trigger(Action.KUBE_SECRET_JSON, DetectorType.SECRET, "data\": {", 0));
    // (session 23) on an audit event about Secrets: the copy in last-applied-configuration, JSON-escaped, and a JSON
    // patch's value at /data/…, /stringData/…
    t.add(new Trigger(Action.KUBE_SECRET_JSON_ESCAPED, DetectorType.SECRET, "data\\\":{", 0));
    t.add(new Trigger(Action.KUBE_SECRET_PATCH, DetectorType.SECRET, "\"/data/", 0)); // (not from "pa of "path")
    t.add(new Trigger(Action.KUBE_SECRET_PATCH, DetectorType.SECRET, "\"/stringdata/", 0));
    // generated passwords on the line after: Jenkins' first start, argocd admin initial-password
    t.add(new Trigger(Action.NEXT_LINE_SECRET, DetectorType.SECRET, "to proceed to installation:", 0));
    t.add(new Trigger(Action.NEXT_LINE_SECRET, DetectorType.SECRET, "initial-password", 0));
    // auditd's ENRICHED format (RHEL 8+): UID="root" AUID="alice" … after the record, the names of the ids
    t.add(new Trigger(Action.AUDIT_ENRICHED_USER, DetectorType.USERNAME, "uid=\"", 0));
    // a JAAS entry's user_NAME="pw" (Kafka's and ZooKeeper's broker-side login modules)
    t.add(new Trigger(Action.JAAS_USERS, DetectorType.SECRET, "loginmodule required", 0));
    // a Kubernetes RBAC subject of kind User: its name
    t.add(new Trigger(Action.RBAC_SUBJECT_USER, DetectorType.USERNAME, "kind: user", 0));
    // Postfix's sasl_passwd: [relay]:port user:pw
    for (String port : List.of("587", "465", "25", "2525")) {
      t.add(new Trigger(Action.SASL_PASSWD, DetectorType.SECRET, "]:" + port + " ", 0));
    }
    // Elasticsearch 6/7's elasticsearch-setup-passwords: "PASSWORD elastic = x" on a line of its own (the user, then
    // the password; the newline in the pattern: the word "password " starts ~10,000 phrases per 64 MiB)
    t.add(new Trigger(Action.ELASTIC_SETUP_PASSWORD, DetectorType.SECRET, "\npassword ", 0));
    // LDIF's uid, sn and cn at a line's start (the newline in the pattern: "\ncn" is rare where "cn" is not)
    for (String a : List.of("\nuid: ", "\nsn: ", "\ncn: ")) {
      t.add(new Trigger(Action.LDIF_ATTRIBUTE, DetectorType.PERSON_NAME, a, 0));
    }
    // (session 24) an LDAP search filter's names, as slapd's SRCH lines and LDAP clients log them: (cn=Jane Doe),
    // (sn=Doe), (givenName=Jane), (displayName=…) ("(uid=" is the syslog slot's, and takes a filter's too)
    for (String a : List.of("(cn=", "(sn=", "(givenname=", "(displayname=")) {
      t.add(new Trigger(Action.LDAP_FILTER, DetectorType.PERSON_NAME, a, 0));
    }
    // a connection string's user after another pair: ODBC's ;UID=x, ADO.NET's ;User ID=x (Server=…;User ID=x;…;
    // "user id=" alone would pass the filter at every " id", and name a number in prose)
    for (String w : List.of(";uid=", ";user id=")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w,
          Trigger.PREFIXED | Trigger.SUFFIXED | Trigger.EXACT_KEY));
    }
    t.add(new Trigger(Action.TERRAFORM_LOCK_WHO, DetectorType.USERNAME, "who: ", 0)); // Terraform's lock "Who:"
    // Vault's CLI: vault login TOKEN (a legacy s. token has no prefix the token detector knows); a SAML assertion's
    // subject, <saml:NameID Format="…">x</saml:NameID>
    t.add(new Trigger(Action.VAULT_LOGIN_TOKEN, DetectorType.SECRET, "vault login ", 0));
    t.add(new Trigger(Action.SAML_NAME_ID, DetectorType.USERNAME, "nameid", 0));
    // Neo4j's user procedures: dbms.security.changePassword('pw'), changeUserPassword('u', 'pw'), createUser('u', …)
    t.add(new Trigger(Action.NEO4J_PROCEDURE, DetectorType.SECRET, "changepassword(", 0));
    t.add(new Trigger(Action.NEO4J_PROCEDURE, DetectorType.SECRET, "changeuserpassword(", 1));
    t.add(new Trigger(Action.NEO4J_PROCEDURE, DetectorType.SECRET, "security.createuser(", 1));
    // pkexec's "U: Executing command [USER=…" and "U: Error executing command as another user: …" ("g c": rare)
    t.add(new Trigger(Action.PKEXEC_USER, DetectorType.USERNAME, "g command [", 0));
    t.add(new Trigger(Action.PKEXEC_USER, DetectorType.USERNAME, "g command as another user: ", 0));
    // Dovecot's authentication protocol (auth debug logs): AUTH<tab>1<tab>PLAIN<tab>…<tab>resp=<base64 of \0user\0pw>
    t.add(new Trigger(Action.SASL_INITIAL_RESPONSE, DetectorType.AUTH_HEADER, "\tresp=", 0));
    // (session 26) SQL Server's logins, and a role a statement gives a password or LOGIN (PostgreSQL, Cassandra: a
    // user; a role without either is a group and stays); the same first bytes as the user statements'
    for (String ddl : List.of("create user ", "drop user ", "alter user ", "create login ", "alter login ",
        "create role ", "alter role ")) {
      t.add(new Trigger(Action.DDL_USER, DetectorType.USERNAME, ddl, 0));
    }
    t.add(new Trigger(Action.LDAP_UID, DetectorType.USERNAME, "uid=", 0));
    t.add(new Trigger(Action.LDAP_UID, DetectorType.USERNAME, "samaccountname=", 0)); // (sAMAccountName=X) filters
    t.add(new Trigger(Action.HOME_DIR, DetectorType.USERNAME, "/home/", 0));
    t.add(new Trigger(Action.HOME_DIR, DetectorType.USERNAME, "\\/home\\/", 0)); // JSON-escaped slashes
    // every detector's (CatalogScanner keeps it whatever is enabled); the number and capital detectors check theirs
    t.add(new Trigger(Action.JSON_ESCAPE, DetectorType.IPV4, "\\u", 0));
    t.add(new Trigger(Action.WINDOWS_HOME, DetectorType.USERNAME, ":\\users\\", 0));
    t.add(new Trigger(Action.WINDOWS_HOME, DetectorType.USERNAME, ":\\\\users\\\\", 0));
    t.add(new Trigger(Action.MAC_HOME, DetectorType.USERNAME, "/users/", 0));
    t.add(new Trigger(Action.DN_COMMON_NAME, DetectorType.PERSON_NAME, "cn=", 0));
    for (String s : INTERNAL_SUFFIXES) {
      t.add(new Trigger(Action.INTERNAL_SUFFIX, DetectorType.HOSTNAME, s, 0));
    }
    for (String d : customerDomains) {
      String n = normaliseDomain(d);
      if (!n.isEmpty()) {
        t.add(new Trigger(Action.CUSTOMER_DOMAIN, DetectorType.HOSTNAME, n, 0));
      }
    }
    for (String k : keywords) {
      if (!k.isBlank()) {
        for (String kw : caseVariants(k.strip())) {
          t.add(new Trigger(Action.KEYWORD, DetectorType.KEYWORD, kw, kw.getBytes(StandardCharsets.UTF_8).length));
        }
      }
    }
    return t;
  }

  /** Keywords whose non-ASCII letters have more mixed spellings than 2 to this power get fewer (see caseVariants). */
  static final int MAX_MIXED_LETTERS = 6;

  /**
   * The spellings of a keyword that the scanner, which folds ASCII case only, must look for: every spelling of each
   * non-ASCII letter that its simple case mappings give ({@code ü}, {@code Ü}), so that {@code MÜLLER} and
   * {@code Müller} are found too; a letter whose other case is ASCII is looked for in that spelling as well (the
   * Turkish {@code İ} as {@code i}, {@code ı} as {@code I}: {@code İstanbul} is found as {@code ISTANBUL} and
   * {@code istanbul}, {@code Kırıkkale} as {@code KIRIKKALE}); the final sigma {@code ς} as {@code Σ} and
   * {@code σ}. Both the keyword as configured and its lower case ({@code Locale.ROOT}, which writes {@code İ} as
   * {@code i} and a combining dot) are spelled so. Where a keyword's letters have more than
   * 2<sup>{@value #MAX_MIXED_LETTERS}</sup> mixed spellings, only its all-lower and all-upper ones (and the keyword
   * as configured) are looked for. Each of these also JSON-escaped ({@link #jsonEscaped}). Each spelling once, as
   * the scanner folds it.
   */
  static List<String> caseVariants(String keyword) {
    Map<String, String> byFolded = new LinkedHashMap<>();
    for (String source : List.of(keyword.toLowerCase(Locale.ROOT), keyword)) {
      List<int[]> letters = new ArrayList<>();
      long count = 1;
      for (int i = 0; i < source.length(); ) {
        int cp = source.codePointAt(i);
        i += Character.charCount(cp);
        int[] spellings = spellings(cp);
        letters.add(spellings);
        count = Math.min(count * spellings.length, Integer.MAX_VALUE);
      }
      if (count > 1 << MAX_MIXED_LETTERS) {
        add(byFolded, source);
        add(byFolded, spelled(letters, Character::toLowerCase));
        add(byFolded, spelled(letters, Character::toUpperCase));
        continue;
      }
      for (int n = 0; n < count; n++) {
        StringBuilder v = new StringBuilder(source.length());
        int rest = n;
        for (int[] spellings : letters) {
          v.appendCodePoint(spellings[rest % spellings.length]);
          rest /= spellings.length;
        }
        add(byFolded, v.toString());
      }
    }
    for (String spelling : List.copyOf(byFolded.values())) {
      add(byFolded, jsonEscaped(spelling));
    }
    return List.copyOf(byFolded.values());
  }

  /**
   * A spelling with every non-ASCII character as a JSON escape ({@code M} backslash-u {@code 00fcller}), as an
   * encoder that writes ASCII only puts it into a log line (Python's {@code json.dumps} by default); the scanner folds
   * the hex digits' case. The spelling itself when it is all ASCII.
   */
  static String jsonEscaped(String spelling) {
    StringBuilder e = new StringBuilder(spelling.length() * 2);
    for (int i = 0; i < spelling.length(); i++) {
      char c = spelling.charAt(i);
      if (c < 0x80) {
        e.append(c);
      } else {
        e.append(String.format("\\u%04x", (int) c));
      }
    }
    return e.toString();
  }

  /** The spellings of one letter, distinct as the scanner folds them (ASCII case is folded there). */
  private static int[] spellings(int cp) {
    int upper = Character.toUpperCase(cp);
    int lower = Character.toLowerCase(cp);
    int[] all = {
        cp, lower, upper, Character.toTitleCase(cp), Character.toLowerCase(upper), Character.toUpperCase(lower)};
    int[] distinct = new int[all.length];
    int n = 0;
    outer:
    for (int c : all) {
      for (int k = 0; k < n; k++) {
        if (asciiFolded(distinct[k]) == asciiFolded(c)) {
          continue outer;
        }
      }
      distinct[n++] = c;
    }
    return Arrays.copyOf(distinct, n);
  }

  private static int asciiFolded(int cp) {
    return cp < 0x80 ? Bytes.lower(cp) : cp;
  }

  private static String spelled(List<int[]> letters, IntUnaryOperator caseOf) {
    StringBuilder v = new StringBuilder();
    for (int[] spellings : letters) {
      v.appendCodePoint(caseOf.applyAsInt(spellings[0]));
    }
    return v.toString();
  }

  private static void add(Map<String, String> byFolded, String spelling) {
    StringBuilder folded = new StringBuilder(spelling.length());
    spelling.codePoints().forEach(c -> folded.appendCodePoint(asciiFolded(c)));
    byFolded.putIfAbsent(folded.toString(), spelling);
  }

  /**
   * One trigger per entry of a detector's table (token prefixes, base64 magics, hash schemes, …), lower-cased for the
   * keyword automaton, with the entry's index in its flags: the detector looks its entry up by it.
   */
  private static void indexed(List<Trigger> t, Action action, int entries, IntFunction<DetectorType> type,
      IntFunction<String> text) {
    for (int i = 0; i < entries; i++) {
      t.add(new Trigger(action, type.apply(i), text.apply(i).toLowerCase(Locale.ROOT), i));
    }
  }

  static String normaliseDomain(String d) {
    String n = d.strip().toLowerCase(Locale.ROOT);
    if (n.startsWith("*.")) {
      n = n.substring(2);
    }
    while (n.startsWith(".")) {
      n = n.substring(1);
    }
    while (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  private static void secretKeys(List<Trigger> t) {
    int b = Trigger.NEEDS_BOUNDARY;
    for (String w : List.of("password", "passwd", "passphrase", "secret", "api_key", "apikey", "api-key",
        "access_key", "accesskey", "secret_key", "secretkey", "private_key", "privatekey", "private-key",
        "credentials", "credential", "auth_token", "authtoken", "access_token", "accesstoken", "refresh_token",
        "refreshtoken", "id_token", "session_token", "sessiontoken", "requirepass", "masterauth",
        "encryption_key", "signing_key", "master_key", "client_key",
        // Vault AppRole's secret_id and Consul's SecretID; Spring's dotted app.encryption.key, jwt.signing.key
        "secret_id", "secretid", "secret-id", "encryption.key", "signing.key", "master.key", "secret.key",
        // (session 26) the confirmation beside every password of a sign-up or change form (Rails' params, a JS
        // object, JSON, a form body): the same value as the password
        "password_confirmation", "passwordconfirmation", "passwordconfirm", "password_confirm",
        // the dotted private.key of Spring's and Hadoop's properties (fs.gs.auth.service.account.private.key=)
        "private.key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, w.equals("secret") ? Trigger.SECRET_WORD
          : w.startsWith("secret") && w.endsWith("id") ? Trigger.PATH_NAMES_IT : 0));
    }
    // (session 23) plural keys hold lists of the same secrets: Bitnami charts' passwords:, API_KEYS=a,b,
    // "tokens": [..], JWT_SECRETS, pg_hba.conf's radiussecrets="a,b" (each item; a number is a count)
    for (String w : List.of("passwords", "secrets", "tokens", "api_keys", "api-keys", "apikeys", "client_secrets",
        "radiussecrets")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, Trigger.PLURAL));
    }
    // Redis Sentinel's sentinel.conf (rewritten by Sentinel itself, so pasted whole) and SENTINEL SET: the line's
    // last word after auth-pass MASTER, sentinel-pass
    // PostgreSQL's bound parameters, "DETAIL:  parameters: $1 = 'x', …", typed by the columns of the statement
    // (from ": $": "par" starts ~13,000 words per 64 MiB; the "parameters" before it is checked)
    t.add(new Trigger(Action.BOUND_PARAMETERS, DetectorType.SECRET, ": $", 0));
    // (session 24) the same at TRACE in Hibernate (5: "binding parameter [2] as [VARCHAR] - [x]", 6: "binding
    // parameter (2:VARCHAR) <- [x]") and Spring's JdbcTemplate ("column index 2, parameter value [x], value class …"),
    // each value typed by the column of its '?' in the statement logged before
    t.add(new Trigger(Action.ORM_BOUND_PARAMETER, DetectorType.SECRET, "binding parameter [",
        BoundParameterDetector.HIBERNATE_5));
    t.add(new Trigger(Action.ORM_BOUND_PARAMETER, DetectorType.SECRET, "binding parameter (",
        BoundParameterDetector.HIBERNATE_6));
    t.add(new Trigger(Action.ORM_BOUND_PARAMETER, DetectorType.SECRET, "parameter value [",
        BoundParameterDetector.SPRING_JDBC));
    // pgcrypto's symmetric key, the second argument of pgp_sym_encrypt(…) and pgp_sym_decrypt(…)
    t.add(new Trigger(Action.PGCRYPTO_KEY, DetectorType.SECRET, "pgp_sym_encrypt(", 0));
    t.add(new Trigger(Action.PGCRYPTO_KEY, DetectorType.SECRET, "pgp_sym_decrypt(", 0));
    t.add(new Trigger(Action.SENTINEL_PASS, DetectorType.SECRET, "auth-pass ", 0));
    t.add(new Trigger(Action.SENTINEL_PASS, DetectorType.SECRET, "sentinel-pass ", 0));
    // a session's id: a live bearer credential (Spring's SessionId=, ;jsessionid=, "sessionId" in a log's MDC);
    // pseudonymised like any value, so requests of one session still correlate
    for (String w : List.of("sessionid", "session_id", "session-id")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    // a payment card's security code (cvv=123, "cvc": "456", card_cvv2): a short number, secret whatever its form
    for (String w : List.of("pass", "pwd", "token", "psk", "cvv", "cvc", "cvv2", "cvc2")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, b | (w.startsWith("cv") ? Trigger.CARD_CODE : 0)));
    }
    for (String w : List.of("security_code", "securitycode", "security-code")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    // pw (pw=, db_pw:, "ADMIN_PW": , ?pw=, plink -pw x) with the byte after or before it: Trigger.SUFFIXED
    // (" ": bind_pw = x of Postfix's LDAP tables; "\\": JSON escaped in a string, {\"pw\": \"x\"})
    for (String after : List.of("=", ":", "\"", "'", " ", "\\")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "pw" + after, Trigger.SUFFIXED));
    }
    // sssd's ldap_default_authtok (the bind password of every LDAP- or AD-joined host), Dovecot's LDAP dnpass
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "authtok", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "dnpass", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "-pw", Trigger.PREFIXED));
    moreSecretKeys(t);
    // RabbitMQ's definitions export ("password_hash": "kI3G…", a salted SHA-256 of the password); Azure API
    // Management's Ocp-Apim-Subscription-Key header
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PASSWORD_HASH, "password_hash", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PASSWORD_HASH, "authentication_string", 0)); // mysql.user's
    // AWS Secrets Manager's SecretString (get-secret-value's output, put-secret-value's --secret-string); (session 21)
    // Kafka clients' basic.auth.user.info (u:pw), Consul's root token and gossip key, PagerDuty's and Datadog's keys
    // in Alertmanager and agents, Laravel's APP_KEY and WordPress' salts, Elastic Cloud's cloud.auth (u:pw)
    for (String w : List.of("secretstring", "secret-string", "user.info", "user_info", "initial_management",
        "gossip_key", "service_key", "routing_key", "integration_key", "app_key", "appkey", "cloud_auth",
        "cloud.auth")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    // (session 22) RabbitMQ's Erlang cookie (RABBITMQ_ERLANG_COOKIE, the Helm chart's erlangCookie), Airflow's
    // Fernet key (AIRFLOW__CORE__FERNET_KEY, fernetKey), Nomad's "Secret ID    = …" of acl bootstrap and token
    // create, an indexed list of passwords (Helm's --set auth.passwords[0]=x, Spring's passwords[0]: x)
    for (String w : List.of("erlangcookie", "erlang_cookie", "erlang-cookie", "fernetkey", "fernet_key",
        "fernet-key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "secret id", Trigger.EXACT_KEY));
    // (session 24) OAuth's device flow and PKCE: the device_code a client polls the token endpoint with, the
    // code_verifier that redeems an authorization code (RFC 8628's and RFC 7636's names; "devicecode" would pass the
    // filter at ~6,000 "cec" per 64 MiB); Keycloak's stored credential, "secretData" : "{\"value\":\"<hash>\",
    // \"salt\":…}" (the salt alone was caught, by its key)
    for (String w : List.of("device_code", "code_verifier", "secretdata")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    // (session 24, a red team of platform tools) Rails' and GitLab's key material (gitlab-secrets.json's db_key_base,
    // otp_key_base, encrypted_settings_key_base; Active Record encryption's keys), Mattermost's at-rest key, the
    // usual env names of an application's own keys; Yarn 2's npmAuthIdent (user:password); a combined credential
    // under creds (DB_CREDS=u:pw, skopeo's --src-creds, podman's --creds); Vault's unseal and recovery key lists
    // (vault operator init -format=json, sys/init's keys_base64) and VAULT_UNSEAL_KEY; the API key headers of
    // Honeycomb and Azure Functions
    for (String w : List.of("key_base", "encrypt_key", "hmac_key", "aes_key", "csrf_key", "session_key", "plaintext_value",
        "encryption_primary_key", "encryption_deterministic_key", "authident", "unseal_key", "honeycomb-team",
        "functions-key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "creds", Trigger.NEEDS_BOUNDARY | Trigger.COLON_PAIR));
    // (session 24's second red team) ASP.NET's <machineKey validationKey= decryptionKey=> (AutoGenerate stays),
    // WildFly's Elytron credential-reference clear-text= and add-alias(secret-value=), SQL Server setup's SAPWD,
    // pgBackRest's repo1-azure-key, MinIO's "Secret Key: x" (mc admin user svcacct add)
    for (String w : List.of("validationkey", "decryptionkey", "clear-text", "secret-value", "sapwd", "azure-key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "secret key", Trigger.EXACT_KEY));
    // (session 24's third red team) pre-shared keys (MikroTik's wpa2-pre-shared-key=, WireGuard's preshared-key=,
    // pfSense's <pre-shared-key> and <ipsecpsk>), shared keys (pfSense's OpenVPN <shared_key>, Fluent Bit's
    // Shared_Key, Fluentd's shared_key), Junos' plain-text-password-value, Splunk's pass4SymmKey, an SNMP community
    // under its key (Telegraf's community = "x"), PAN-OS' X-PAN-KEY, the auth0 CLI's "CLIENT SECRET   x" row
    for (String w : List.of("pre-shared-key", "preshared-key", "ipsecpsk", "shared_key", "shared-key",
        "password-value", "pass4symmkey", "x-pan-key")) { // ("pan-key": "pan" starts ~54,000 words per 64 MiB)
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "community", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "client secret", Trigger.EXACT_KEY));
    for (String w : List.of("unseal_keys_b64", "unseal_keys_hex", "recovery_keys_b64", "recovery_keys_hex",
        "keys_base64")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, Trigger.PLURAL));
    }
    // password verifiers: MongoDB's SCRAM storedKey and serverKey (db.getUsers({showCredentials: true})),
    // ClickHouse's users.xml password_sha256_hex and password_double_sha1_hex
    for (String w : List.of("storedkey", "serverkey", "password_sha256_hex", "password_double_sha1_hex")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PASSWORD_HASH, w, 0));
    }
    // Elasticsearch's create-API-key response: "encoded" is base64 of id:api_key, the ready Authorization: ApiKey
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "encoded",
        Trigger.EXACT_KEY | Trigger.BASE64_USER_PASSWORD));
    // phpredis' session.save_path and Predis' URLs: tcp://host:6379?auth=pw, ?auth[]=user&auth[]=pw (Redis 6 ACLs):
    // auth as a query's parameter only (as a key of its own it names a method, a section, a flag); a number there is
    // a flag (?auth=1), as under a plural key it is a count
    for (String w : List.of("?auth=", "&auth=", "?auth[]=", "&auth[]=")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w,
          Trigger.PREFIXED | Trigger.SUFFIXED | Trigger.PLURAL));
    }
    // authentication cookies by their fixed names where no Cookie: header names them (IIS's cs(Cookie) field, PHP's
    // session id in a URL): ASP.NET's forms and Core cookies, SharePoint's FedAuth/rtFa, OWA's cadata, PHPSESSID
    for (String w : List.of("aspxauth", "aspnetcore.cookies", "aspnetcore.session", "fedauth", "phpsessid")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "rtfa", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "cadata", Trigger.EXACT_KEY));
    // NATS' nkey seeds (seed:, operator_seed=; 20 bytes or more: not random seed=42), Consul's agent recovery token
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "seed", Trigger.NEEDS_BOUNDARY | Trigger.LONG_VALUE));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "agent_recovery", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "agent_master", 0));
    // an IBAN under its key, written any way (lower case, dashes): the value checked as an IBAN
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.IBAN, "iban", Trigger.NEEDS_BOUNDARY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "passwords", Trigger.INDEXED));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "salt", b));
    // Consul's gossip key (24 or 44 base64 characters: not ODBC 18's Encrypt=yes, Encrypt=strict)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "encrypt", Trigger.EXACT_KEY | Trigger.LONG_VALUE));
    for (String w : List.of("subscription-key", "subscription_key", "subscriptionkey", "presharedkey",
        "preshared_key")) { // (WireGuard's PresharedKey = …, wg showconf)
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    for (String w : List.of("secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret",
        "secret.access.key")) { // (session 24: Kafka Connect's S3 sink, Flink and Presto: aws.secret.access.key)
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.AWS_SECRET_KEY, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "neo4j_auth", Trigger.AFTER_SLASH));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.US_SSN, "ssn", b));
    // a phone number under its key, also a bare digit run the shape detector leaves ("phone": "0301234567")
    for (String w : List.of("phone", "phonenumber", "phone_number", "phone-number", "mobile", "telephone", "msisdn",
        "fax")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PHONE, w, b));
    }
    // (session 21: LDAP's telephoneNumber, mobileNumber, phoneNo, HubSpot's mobilephone, vCard's tel)
    for (String w : List.of("mobilenumber", "mobile_number", "mobile-number", "telephonenumber", "telephone_number",
        "phoneno", "phone_no", "mobileno", "mobile_no", "contactnumber", "contact_number", "mobilephone",
        "homephone", "workphone", "cellphone", "callerid", "caller_id")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PHONE, w, 0));
    }
    // tel as the whole key, by its = (the three letters alone pass the filter in every "hotel", "intel"; tel" in every
    // JSON "level")
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PHONE, "tel=", Trigger.SUFFIXED | Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.US_SSN, "social_security_number", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.US_SSN, "socialsecuritynumber", 0));
    for (String w : List.of("username", "user_name", "user-name", "user.name")) { // user.name: Elastic's ECS, Java
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "user", b));
    // auditd's acct="x"; digits alone there are a payment log's account
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "acct", Trigger.EXACT_KEY | Trigger.DIGITS_ARE_ACCOUNT));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "uname", Trigger.EXACT_KEY)); // Grafana's uname=x
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "samaccountname", 0)); // Windows' SamAccountName
    // sudo's JSON event log (sudo 1.9.4+): "submituser":"x", "runuser":"x" (as "unuser": "run" is too common a start)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "submituser", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "unuser", 0));
    // useradd's "new group: name=X, GID=…" (the user's own group, beside "new user: name=X")
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "new group: name", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "principalname", 0)); // MongoDB's principalName
    // (session 22) Spring's principal=alice and "Principal: alice;", the MDC's userId, ECS's user.id, GitHub's and
    // logfmt's login: a name, not a number or a UUID
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "principal", Trigger.NEEDS_BOUNDARY | Trigger.NAME_ID));
    for (String w : List.of("userid", "user_id", "user.id", "user-id")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w, Trigger.NAME_ID));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "login", Trigger.EXACT_KEY | Trigger.NAME_ID));
    // (session 21) Keycloak's login at an external identity provider; CI runners' user variables
    // (session 23) FortiGate's unauthuser= (the name before authentication, Kerberos' or NTLM's); Okta's System Log
    // actor's alternateId (a login; an e-mail address there is the e-mail detector's)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "unauthuser", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, "alternateid", Trigger.EXACT_KEY | Trigger.NAME_ID));
    for (String w : List.of("provider_identity", "github_actor", "triggering_actor", "user_login", "logname")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w, 0));
    }
    // (session 24's red team) the actors of audit logs and APIs: GitHub's org audit log "actor", Django's and CMDBs'
    // created_by/updated_by, ArgoCD's and Rancher's initiatedBy, "triggered_by"; a name, not a number or a UUID
    // ("operator" stays: Kubernetes' label selectors' "operator": "In"; "initiator" and "requester" would pass the
    // filter at every "initial" and "request")
    // ("actor" by its quote or = after it: its every trigram is common, "act" of action, "cto" of connector)
    for (String w : List.of("actor\"", "actor=")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w, Trigger.SUFFIXED | Trigger.EXACT_KEY | Trigger.NAME_ID));
    }
    for (String w : List.of("created_by", "updated_by", "triggered_by", "initiated_by", "initiatedby")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.USERNAME, w, Trigger.NAME_ID));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, "name", Trigger.EXACT_KEY));
    for (String w : List.of("displayname", "display_name", "firstname", "first_name", "lastname", "last_name",
        "fullname", "full_name", "givenname", "given_name", "familyname", "family_name", "surname",
        "middlename", "middle_name")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, w.startsWith("display") ? Trigger.DISPLAY_NAME : 0));
    }
    // (session 21) a person's name under a role: a customer, contact, card or account holder, payment party, owner,
    // author, …; kebab spellings; Datadog's usr.name. Role words alone only as the whole key and when the value looks
    // like a person's name (owner=root, holder=x stay)
    for (String w : List.of("full-name", "first-name", "last-name", "display-name", "given-name", "family-name",
        "customername", "customer_name", "customer-name", "contactname", "contact_name", "holdername", "holder_name",
        "accountholder", "account_holder", "cardholder", "card_holder", "debtorname", "debtor_name", "creditorname",
        "creditor_name", "beneficiaryname", "beneficiary_name", "recipientname", "recipient_name", "sendername",
        "sender_name", "billing_name", "shipping_name", "ownername", "owner_name", "patientname", "patient_name",
        "employeename", "employee_name", "authorname", "author_name", "realname", "real_name", "personname",
        "person_name", "legalname", "legal_name", "usr.name", "committer_name", "gecos",
        // (session 26) a payment's payee, payee_name= of payroll and payments logs (from "yee": 847 places)
        "yeename", "yee_name")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, w.startsWith("display") ? Trigger.DISPLAY_NAME : 0));
    }
    for (String w : List.of("holder", "owner", "assignee")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.PERSON_NAME, w, Trigger.EXACT_KEY));
    }
    // (session 22) a date of birth and a street address under their keys (the values must look like one: a date
    // has a digit, an address a letter); Stripe's and many forms' address.line1/line2 only as the whole key
    for (String w : List.of("birthdate", "birth_date", "birth-date", "dateofbirth", "date_of_birth", "date-of-birth",
        "birthday")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.BIRTH_DATE, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.BIRTH_DATE, "dob", Trigger.NEEDS_BOUNDARY));
    for (String w : List.of("street", "streetaddress", "street_address", "street-address", "address_line1",
        "address_line2", "addressline1", "addressline2", "address_line_1", "address_line_2", "mailing_address",
        "mailingaddress",
        // (session 26) Shopify's and WooCommerce's address1/address2, a customer's home, shipping and billing
        // address (an object under them stays: each of its lines is a key of its own); first bytes of other keys
        // already, or rare ("hom": 2,177 places per 64 MiB of make-logs, "shi": 36)
        "address1", "address2", "homeaddress", "home_address", "shippingaddress", "shipping_address",
        "billingaddress", "billing_address")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.STREET_ADDRESS, w, 0));
    }
    for (String w : List.of("line1", "line2")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.STREET_ADDRESS, w, Trigger.EXACT_KEY));
    }
    // (session 27) identity numbers and bank accounts under their keys, each key in its three spellings (snake,
    // kebab, run together: camelCase matches the last, case-insensitively); the value must look like a number of
    // that kind (KeyValueDetector.isIdentifierValue). The short ones where a key starts: cpf, bsn, dni, nie, nif,
    // nir, cpr, ein, pesel, nino, curp, hetu. tin and sin are not key words: "tin" and "sin" are in every
    // setting, using; their long forms are. Not id_card_number (its anchors idc, id_ are in ~7,700 places per 64 MiB
    // of make-logs) nor henkilotunnus (hen of when, then: 3,507); the new anchors together pass ~7,500 places.
    for (String w : spellings("national id", "national id number", "national identity number",
        "national identification number", "national insurance", "national insurance number", "ni number",
        "social insurance number", "sin number", "tax id", "tax number", "tax identification number",
        "taxpayer id", "tin number", "steuer id", "steuerid", "steuer identifikationsnummer",
        "steueridentifikationsnummer", "burgerservicenummer", "codice fiscale", "fiscal code", "personnummer",
        "personal identity number", "fodselsnummer", "aadhaar", "aadhaar number", "aadhar",
        "passport", "passport number", "passport no", "passportno", "driver license", "drivers license",
        "driver license number", "drivers license number", "driving licence", "driving licence number",
        "driving license", "driver licence", "identity card number", "numero secu",
        "numero securite sociale", "social security no")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.NATIONAL_ID, w, 0));
    }
    for (String w : List.of("cpf", "bsn", "dni", "nie", "nif", "nir", "cpr", "ein", "pesel", "nino", "curp",
        "hetu")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.NATIONAL_ID, w, Trigger.NEEDS_BOUNDARY));
    }
    for (String w : spellings("account number", "account no", "acct number", "acct no", "bank account",
        "bank account number", "bank account no", "kontonummer", "clabe")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.BANK_ACCOUNT, w, 0));
    }
    // (session 27's red team of payments: NACHA's DFI account, Temenos T24's DEBIT.ACCT.NO, a payment's ordering and
    // creditor accounts, konto; not ordering-account, orderingAccount, whose anchors ng-, gac are in 17,676 and
    // 2,421 places)
    for (String w : List.of("dfiaccount", "dfi_account", "ordering_account", "creditor_account", "creditoraccount",
        "debtor_account", "debtoraccount", "konto", "kontonr")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.BANK_ACCOUNT, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.BANK_ACCOUNT, "acct.no", 0));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.BANK_ACCOUNT, "account", Trigger.EXACT_KEY));
    // (session 27's red team of payments) KYC vendors' document and personal numbers (Onfido, Jumio, Sumsub,
    // Trulioo), Austria's social insurance number
    for (String w : spellings("document number", "personal number", "identification number", "sv nummer")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.NATIONAL_ID, w, 0));
    }
  }

  /** A key of several words in its spellings: run together, snake_case and kebab-case ({@code "tax id"}). */
  private static List<String> spellings(String... keys) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String k : keys) {
      out.add(k.replace(" ", ""));
      out.add(k.replace(' ', '_'));
      out.add(k.replace(' ', '-'));
    }
    return List.copyOf(out);
  }

  /**
   * Key words of the red team on keys: the kebab and run-together spellings of the {@code _key} words, OpenLDAP's
   * {@code bindpw}/{@code rootpw} (as {@code dpw}, {@code tpw}), Azure's {@code AccountKey} and SAS {@code sig} (20
   * bytes or more, not audit's {@code sig=11}), signed-URL signatures, Docker's {@code .dockerconfigjson} and its
   * {@code auth} (only when base64 of {@code user:password}), a kubeconfig's {@code client-key-data} (the key word
   * must end the key, and {@code client-key} does not end this one); keytool's {@code -storepass} and Docker's
   * {@code identitytoken} are found at {@code pass} and {@code token} ({@link KeyValueDetector#RUN_TOGETHER}).
   * A new pattern's second and third bytes should be a rare pair (the scan tests every position against the
   * pairs): {@code ookie}, not {@code cookie}, whose {@code oo} is in {@code pool}, {@code root}, {@code google}.
   */
  private static void moreSecretKeys(List<Trigger> t) {
    for (String w : List.of("access-key", "secret-key", "encryption-key", "encryptionkey", "signing-key",
        "signingkey", "master-key", "masterkey", "client-key", "clientkey", "auth_key", "auth-key", "authkey",
        "account_key", "account-key", "accountkey", "secret_key_base", "dpw", "tpw", "amz-signature", "g-signature",
        "dockerconfigjson", "dockercfg", "client-key-data")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "sig", Trigger.EXACT_KEY | Trigger.LONG_VALUE));
    // signed URLs' Signature= (S3's SigV2 presigned, CloudFront's, GCS's V2: 20 bytes or more) and SAML's signed
    // assertion in a query (SAMLResponse=, which also holds the user's NameID and attributes)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "signature", Trigger.EXACT_KEY | Trigger.LONG_VALUE));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "samlresponse", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "auth",
        Trigger.NEEDS_BOUNDARY | Trigger.BASE64_USER_PASSWORD));
  }

  /** Advertising and vendor ids' keys: a UUID or 16 hex digits under them is a {@code device_id}. */
  static final java.util.Set<String> AD_ID_KEYS = java.util.Set.of("idfa", "idfv", "gaid", "advertisingid",
      "advertising_id", "adid", "android_id", "androidid");

  /**
   * (session 28's red teams) What a vendor's support asks for when a web application misbehaves (HAR exports, API
   * clients' collections and traces, devtools' "Copy as …") and web applications' own telemetry and login flows.
   * Every pattern's anchor counted in 64 MiB of make-logs (in brackets where it is not 0).
   */
  private static void webSupportArtifacts(List<Trigger> t) {
    // Django's CSRF cookie and header (csrftoken, X-CSRFToken: the camel-case boundary of "CSRFToken" is no
    // boundary; Django's form field csrfmiddlewaretoken), Insomnia's hmacKey, SAML's redirect-binding request (it may
    // name the user), MFA's one-time and recovery codes (csr 45, mid 923, hma 2,228, sam 59, otp 1,520, fa_ 22, y_c
    // 22, up_ 37, cov 54); not the device flow's user_code, which the user types in to approve and which redeems
    // nothing (session 24), nor SAML's SessionIndex (an opaque reference to the IdP's session that logs no one in)
    for (String w : List.of("csrftoken", "middlewaretoken", "hmackey", "otp_attempt", "otp_code", "fa_code",
        "recovery_code", "recovery_codes", "recoverycodes", "up_code", "up_codes")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0)); // (not PLURAL: the codes are digits, no count)
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "samlrequest", Trigger.EXACT_KEY));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "otp", Trigger.EXACT_KEY));
    // an OAuth authorization code outside a query: a form body's first field and a message's "for code=x" (after a
    // blank), a token request's JSON ("code": "x") and a HAR file's pair ({"name": "code", "value": "x"}) (cod 43)
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, " code=", OAuthCodeDetector.AFTER_BLANK));
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, "code\":\"", OAuthCodeDetector.JSON));
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, "code\": \"", OAuthCodeDetector.JSON));
    t.add(new Trigger(Action.OAUTH_CODE, DetectorType.SECRET, "code\",", OAuthCodeDetector.HAR_PAIR));
    // curl's cookies, -b 'a=x; b=y' and --cookie (" -b" 0, --c 9); devtools' "Copy as PowerShell",
    // New-Object System.Net.Cookie("name", "value", …) (coo 58)
    for (String w : List.of(" -b \"", " -b '", "--cookie ", "--cookie=")) {
      t.add(new Trigger(Action.CLI_COOKIE, DetectorType.SECRET, w, 0));
    }
    t.add(new Trigger(Action.POWERSHELL_COOKIE, DetectorType.SECRET, "cookie(\"", 0));
    // a SAML message in base64 after a label ("SAMLResponse (base64): PHNhbWxw…"): <samlp, <saml2, <saml:, <?xml
    // (PHN 44, PD9 28; the case is the detector's to check, the filter ignores it)
    for (String w : List.of("phnhbwxw", "phnhbwwy", "phnhbww6", "pd94bwwg")) {
      t.add(new Trigger(Action.SAML_BASE64, DetectorType.SECRET, w, 0));
    }
    // session stores' keys, sess:<id> (express-session, connect-redis), rack:session:<id>, Django's cache sessions
    // (django.contrib.sessions.cache<key>), a magic link's token (ss: 0, k:s 14, ib. 0, mag 36); Django's password
    // reset link /reset/<uidb64>/<token>/ (et/ 33, rm/ 688)
    for (String w : List.of("sess:", "k:session:", "contrib.sessions.cache", "magiclink:", "magic_link:")) {
      t.add(new Trigger(Action.SESSION_STORE_KEY, DetectorType.SECRET, w, 0));
    }
    // PHP's sessions: the id in a file's or memcached's key (sess_<id>, ss_ 1,483) and session_encode's values,
    // name|s:N:"value"; typed by their names (|s: 0)
    t.add(new Trigger(Action.SESSION_STORE_KEY, DetectorType.SECRET, "sess_", 0));
    t.add(new Trigger(Action.PHP_SESSION_VALUE, DetectorType.SECRET, "|s:", 0));
    // (the red team of mobile and commerce backends) WordPress' other keys, advertising and device ids under their
    // keys (non 381, n_k 23, idf 30, gai 49, adv 75, adi 76)
    for (String w : List.of("nonce_key", "logged_in_key")) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, w, 0));
    }
    for (String w : AD_ID_KEYS) {
      t.add(new Trigger(Action.KEY_VALUE, DetectorType.DEVICE_ID, w, Trigger.NEEDS_BOUNDARY));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "csrf", Trigger.EXACT_KEY)); // PHP's csrf|s:32:"…" (csr)
    // Mailchimp's API keys, <32 hex>-us21 (the data center after the key; -us 18), a license key under license or
    // license_number when it looks generated (license=0668A259D3A94833; not license=MIT) (cen 70, num 743)
    for (int dc = 1; dc <= 9; dc++) {
      t.add(new Trigger(Action.MAILCHIMP_KEY, DetectorType.API_TOKEN, "-us" + dc, 0));
    }
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "license", Trigger.EXACT_KEY | Trigger.RANDOM_VALUE));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "license_number", Trigger.RANDOM_VALUE));
    // a service provider's or a framework's session under its own key (sp_session=, rack_session=) and a PKCE
    // verifier under another key than code_verifier (verifier=), when the value looks generated (_se 897, rif 1,675)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "_session", Trigger.RANDOM_VALUE));
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "verifier", Trigger.RANDOM_VALUE));
    // a gift card's or a voucher's PIN, pin=4821, PIN: 3390 (pin 60)
    t.add(new Trigger(Action.KEY_VALUE, DetectorType.SECRET, "pin", Trigger.EXACT_KEY | Trigger.PIN_DIGITS));
    t.add(new Trigger(Action.RESET_LINK, DetectorType.SECRET, "reset/", 0));
    t.add(new Trigger(Action.RESET_LINK, DetectorType.SECRET, "reset/confirm/", 0));
    // Postman's API key auth, {"key": "value", "value": "<the key>"} (the entry named "value" holds it) ("ke 4,140)
    t.add(new Trigger(Action.POSTMAN_APIKEY, DetectorType.SECRET, "\"key\":\"value\"", 0));
    t.add(new Trigger(Action.POSTMAN_APIKEY, DetectorType.SECRET, "\"key\": \"value\"", 0));
    // error trackers' and RUM's user objects, {"user": {"id": "ppotts"}} (Sentry, Bugsnag, Datadog's usr) ("us
    // 6,164), and SCIM's name.formatted
    for (String w : List.of("\"user\":{\"id\":\"", "\"user\": {\"id\": \"", "\"usr\":{\"id\":\"",
        "\"usr\": {\"id\": \"")) {
      t.add(new Trigger(Action.USER_OBJECT_ID, DetectorType.USERNAME, w, 0));
    }
    t.add(new Trigger(Action.SCIM_FORMATTED, DetectorType.PERSON_NAME, "rmatted\":", 0)); // (rma 68)
    // an authenticator's QR payload names the account: otpauth://totp/Issuer:account?secret=… (tpa 0)
    t.add(new Trigger(Action.OTPAUTH_LABEL, DetectorType.USERNAME, "otpauth://totp/", 0));
    t.add(new Trigger(Action.OTPAUTH_LABEL, DetectorType.USERNAME, "otpauth://hotp/", 0));
  }

  /** Headers and command-line flags whose value is a credential without a {@code key=} form. */
  private static void commandLineAndHeaders(List<Trigger> t) {
    t.add(new Trigger(Action.COOKIE, DetectorType.SECRET, "ookie", 0));
    t.add(new Trigger(Action.AUTHORIZATION, DetectorType.AUTH_HEADER, "authorization", 0));
    t.add(new Trigger(Action.CLI_USER_PASSWORD, DetectorType.SECRET, " -u ", 0));
    t.add(new Trigger(Action.CLI_USER_PASSWORD, DetectorType.SECRET, " -u\"", 0)); // samba-tool -U"CORP\admin%pw"
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -w ", 0));
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -n ", 0));
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -k ", 0)); // openssl enc -k pw, -K hexkey
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -s ", 0)); // ldappasswd -s newpw
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -c ", 0)); // snmpwalk -c community
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -x ", 0)); // snmpwalk -X privpass
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, " -ap ", 0)); // swaks -ap pw
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.USERNAME, " -au ", 0)); // swaks -au user
    t.add(new Trigger(Action.DOVEADM_AUTH, DetectorType.SECRET, "doveadm auth test ", 0));
    t.add(new Trigger(Action.DOVEADM_AUTH, DetectorType.SECRET, "doveadm auth login ", 0));
    t.add(new Trigger(Action.MYSQL_PASSWORD, DetectorType.SECRET, "\"-p", 0)); // a JSON argv: "cmd": ["mysql", "-px"]
    t.add(new Trigger(Action.WINDOWS_FLAG, DetectorType.SECRET, "/p:", 0)); // xfreerdp /p:pw /u:user
    t.add(new Trigger(Action.WINDOWS_FLAG, DetectorType.USERNAME, "/u:", 0));
    t.add(new Trigger(Action.WINDOWS_FLAG, DetectorType.SECRET, "/rp ", 0)); // schtasks /ru user /rp pw
    t.add(new Trigger(Action.WINDOWS_FLAG, DetectorType.USERNAME, "/ru ", 0));
    t.add(new Trigger(Action.NET_USE, DetectorType.SECRET, "net use ", 0));
    // Python's HTTP authentication tuples and objects (code, tracebacks with locals, Sentry)
    // (session 24) and Python's smtplib, imaplib and ftplib: smtp.login("u", "x")
    for (String w : List.of("auth=(", "auth = (", "auth': (", "auth\": (", "basicauth(", "db.auth(", "login(")) {
      t.add(new Trigger(Action.AUTH_TUPLE, DetectorType.SECRET, w, 0));
    }
    // strongSwan's ipsec.secrets: ": PSK x", ": EAP x", ": XAUTH x", ": NTLM x"; a key file's ": RSA file \"pw\"" (from
    // the type: ": p", ": e", ": r" start ~18,000 "key: value" pairs per 64 MiB; the ": " is checked)
    for (String w : List.of("psk ", "eap ", "xauth ", "ntlm ")) {
      t.add(new Trigger(Action.IPSEC_SECRET, DetectorType.SECRET, w, 0));
    }
    for (String w : List.of("rsa ", "p12 ")) {
      t.add(new Trigger(Action.IPSEC_SECRET, DetectorType.SECRET, w, 1));
    }
    // auditd's hex-encoded arguments and process titles (decoded and scanned: Argv.auditHex)
    t.add(new Trigger(Action.AUDIT_HEX, DetectorType.SECRET, "octitle=", 0)); // proctitle= ("cti" of "action" is common)
    for (int k = 0; k < 32; k++) {
      t.add(new Trigger(Action.AUDIT_HEX, DetectorType.SECRET, " a" + k + "=", 0));
    }
    t.add(new Trigger(Action.WPA_PASSPHRASE, DetectorType.SECRET, "wpa_passphrase ", 0));
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "password-stdin", 0));
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "| kinit", 0)); // echo pw | kinit user@REALM
    t.add(new Trigger(Action.PIPED_PASSWORD, DetectorType.SECRET, "| sudo -s", 0)); // echo pw | sudo -S cmd
    // grafana-cli admin reset-admin-password PW; WildFly's add-user.sh USER PW (options first, as doveadm's)
    t.add(new Trigger(Action.SPACED_FLAG_PASSWORD, DetectorType.SECRET, "reset-admin-password ", 0));
    t.add(new Trigger(Action.DOVEADM_AUTH, DetectorType.SECRET, "add-user.sh ", 0));
    t.add(new Trigger(Action.RABBITMQCTL, DetectorType.SECRET, "mqctl ", 0)); // of rabbitmqctl: "ab" is too common
    // Oracle's tools: sqlplus, expdp, impdp, sqlldr user/password@db (their tails: "sql" and "exp" are too common)
    for (String tail : List.of("lplus ", "xpdp ", "mpdp ", "qlldr ")) {
      t.add(new Trigger(Action.ORACLE_LOGIN, DetectorType.SECRET, tail, 0));
    }
    // a .pgpass line with the wildcard port (*:*:*:postgres:pw); a numeric port is tried at its colon (onColon)
    t.add(new Trigger(Action.PGPASS_WILDCARD_PORT, DetectorType.SECRET, ":*:", 0));
    // an /etc/passwd line, jane:x:1000:1000:Jane Doe,,,:/home/jane:/bin/bash (also at ":*:" above)
    t.add(new Trigger(Action.PASSWD_LINE, DetectorType.USERNAME, ":x:", 0));
    // (session 24) the poolers' password files: PgBouncer's userlist.txt ("alice" "pw", a line that starts with a
    // quote: none in 64 MiB of logs), Pgpool-II's pool_passwd (alice:TEXTpw, alice:AES<base64>, alice:md5<hex>)
    t.add(new Trigger(Action.USERLIST_LINE, DetectorType.SECRET, "\n\"", 0));
    for (String w : List.of(":text", ":aes", ":md5")) {
      t.add(new Trigger(Action.POOL_PASSWD, DetectorType.SECRET, w, 0));
    }
    // an IPv4 address after an ellipsis (strongSwan's a.b.c.d[id]...e.f.g.h[id], a range a.b.c.d...e.f.g.h): the
    // byte loop stops at no digit after a dot (a version's or a longer number's part), so the ellipsis says where
    t.add(new Trigger(Action.ELLIPSIS_IPV4, DetectorType.IPV4, "...", 0));
    // Squid's native access log: the user before HIER_DIRECT/…, HIER_NONE/-
    t.add(new Trigger(Action.SQUID_USER, DetectorType.USERNAME, "hier_", 0));
    // who, w and last: the login name before its terminal at a line's start
    t.add(new Trigger(Action.TERMINAL_USER, DetectorType.USERNAME, "pts/", 0));
    t.add(new Trigger(Action.TERMINAL_USER, DetectorType.USERNAME, "tty", 0));
    // (session 31) lastb's "ssh:notty", entered at ":notty" ("ssh" starts every sshd line: a pattern from there cost
    // 5 % in memory)
    t.add(new Trigger(Action.TERMINAL_USER, DetectorType.USERNAME, ":notty", 0));
    // an OpenSSH public key's user@host comment (ssh-ed25519, ssh-rsa, ssh-dss, the ECDSA curves, the FIDO sk- keys;
    // from the dash and the curve size: "ssh" starts every sshd line, "-ni" Tomcat's http-nio threads)
    for (String type : List.of("-rsa aaaa", "-ed25519 aaaa", "-dss aaaa", "p256 aaaa", "p384 aaaa",
        "p521 aaaa", "@openssh.com aaaa")) {
      t.add(new Trigger(Action.SSH_KEY_COMMENT, DetectorType.USERNAME, type, 0));
    }
  }
}
