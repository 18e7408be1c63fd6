package io.companyos.agent.redaction.detect;

import io.companyos.agent.redaction.DetectorType;

/**
 * What one pattern of the keyword automaton means when it is found.
 *
 * @param action which detector validates the candidate
 * @param type the detector type a match is counted under
 * @param text the pattern, lower-case
 * @param flags action-specific flags
 * @param length the pattern's length in UTF-8 bytes (a localized key word's letters outside ASCII take two or three)
 */
record Trigger(Action action, DetectorType type, String text, int flags, int length) {
  Trigger(Action action, DetectorType type, String text, int flags) {
    this(action, type, text, flags, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  /** The key word must begin the key or follow a separator or a camel-case boundary. */
  static final int NEEDS_BOUNDARY = 1;
  /** The key word must be the whole key. */
  static final int EXACT_KEY = 2;
  /** The value is {@code user/password}; only the part after the slash is secret. */
  static final int AFTER_SLASH = 4;
  /** The value counts only when it is base64 of {@code user:password} (Docker's {@code "auth"}, npm's {@code _auth}). */
  static final int BASE64_USER_PASSWORD = 8;
  /** The value counts only when it is at least {@link #LONG} bytes long ({@code sig=} of an Azure SAS, not audit's {@code sig=11}). */
  static final int LONG_VALUE = 16;
  static final int LONG = 20;
  /**
   * The pattern's last byte is the one after the key word, not part of it: a key word too short to be a pattern of
   * its own ({@code pw}: a two-byte pattern would let every byte after a {@code p} through the scanner's filter) is
   * found with what may follow it ({@code pw=}, {@code pw:}, {@code pw"}).
   */
  static final int SUFFIXED = 32;
  /** The pattern's first byte is the one before the key word, not part of it ({@code -pw} of {@code plink -pw x}). */
  static final int PREFIXED = 64;
  /** The key word is followed by an index, {@code [0]}, before its {@code =} or {@code :} (Helm's {@code passwords[0]=}). */
  static final int INDEXED = 128;
  /**
   * The value is an identifier that counts only when it is a name: it holds a letter, no blank or colon, is not hex
   * digits and dashes (a UUID, a hash) nor a status word ({@code userId=alice}, not {@code userId=42},
   * {@code "login": "success"}).
   */
  static final int NAME_ID = 256;
  /** A card's security code ({@code cvv}, {@code cvc}, …): also after one blank, three or four digits. */
  static final int CARD_CODE = 512;
  /** A {@code displayName} key: not when the key names an application or another object ({@code appDisplayName}). */
  static final int DISPLAY_NAME = 1024;
  /** The key word {@code secret}: not Helm's {@code existingSecret} (a Secret's name). */
  static final int SECRET_WORD = 2048;
  /**
   * Vault's and Consul's {@code secret_id}/{@code SecretID} is the credential; AWS Secrets Manager's {@code SecretId}
   * names a secret: a value with a {@code /} or an ARN ({@code prod/db-credentials}, {@code arn:aws:…}) stays.
   */
  static final int PATH_NAMES_IT = 4096;
  /**
   * A plural key ({@code passwords}, {@code tokens}): a list of secrets, but a number is a count (also a query's
   * {@code auth}, where a number is a flag: {@code ?auth=1}).
   */
  static final int PLURAL = 8192;
  /**
   * The value counts only as {@code user:password} (a colon inside it): {@code creds} (DB_CREDS=u:pw, skopeo's
   * {@code --src-creds u:pw}), not kubelet's {@code volume "creds" : secret "x" not found}.
   */
  static final int COLON_PAIR = 16384;
  /** The key word is followed by a number before its {@code =} or {@code :} (Grafana's {@code httpHeaderValue1}). */
  static final int NUMBERED = 32768;
  /**
   * An environment variable's name in capitals that ends in the key word ({@code JWT_KEY}, {@code SENDGRID_KEY}; not
   * {@code routing_key}); with {@link #RANDOM_VALUE}, as {@code _KEY} has it, not {@code PRIMARY_KEY=id},
   * {@code ROUTING_KEY=orders.created}, {@code S3_KEY=uploads/x.csv}.
   */
  static final int ENV_NAME = 65536;
  /**
   * A user key whose value of digits alone is an account's number ({@code acct=9876543210123} of a payment log; auditd's
   * {@code acct="alice"} is quoted, a name): typed a {@code bank_account}, which the reverse map does not keep.
   */
  static final int DIGITS_ARE_ACCOUNT = 131072;
  /** The value counts only as 4 to 8 digits: a PIN ({@code pin=4821}, not a board's {@code pin: 17}). */
  static final int PIN_DIGITS = 262144;
  /** The value counts only when it looks generated (see {@link KeyValueDetector#looksRandom}): not {@code MIT}. */
  static final int RANDOM_VALUE = 524288;
  /**
   * (session 29) A key word of a language that puts the head noun first ({@code mot_de_passe_bdd},
   * {@code CONTRASENA_BD}, {@code senhaAdmin}, {@code contraseña temporal:}): one qualifier word may follow it (after
   * {@code _ - .}, a camel-case boundary or a blank, then the separator), when it is no policy or state word and the
   * value is no number.
   */
  static final int HEAD_FIRST = 1 << 20;
  /** An exact user key whose colon form is a label of the user ({@code Benutzer: jdoe}), unlike English {@code login:}. */
  static final int COLON_LABEL = 1 << 21;

  enum Action {
    KEY_VALUE,
    TOKEN_PREFIX,
    JWT,
    PEM,
    BEARER,
    BASIC,
    URL_USERINFO,
    USER_SLOT_INVALID,
    USER_SLOT_FOR_FROM,
    USER_SLOT_FOR,
    HOME_DIR,
    WINDOWS_HOME,
    MAC_HOME,
    DN_COMMON_NAME,
    INTERNAL_SUFFIX,
    CUSTOMER_DOMAIN,
    KEYWORD,
    MYSQL_PASSWORD,
    REDIS_CLI_PASSWORD,
    IDENTIFIED_BY,
    REDIS_MONITOR_AUTH,
    REDIS_HASH_FIELDS,
    IPA_USER,
    OPENSSL_PASSWD,
    PS_CREDENTIAL,
    RCLONE_CONFIG,
    KNEX_BINDINGS,
    ES_USER_PATH,
    TRACK1,
    SWIFT_FIELD,
    NACHA_ENTRY,
    IMSI_PREFIXED,
    DICOM_TAG,
    DICOM_JSON,
    SIP_DISPLAY_NAME,
    VOICEMAIL_BOX,
    TRACEBACK_ANNOTATION,
    MONGO_USER_CALL,
    CHEF_USER_CREATE,
    XML_TEXT,
    PRISMA_PARAMS,
    WORD_USER,
    AUDIT_ID,
    VAULT_UNSEAL_KEY,
    BASE64_SECRET,
    PUTTY_PRIVATE_LINES,
    PASSWORD_HASH,
    WEBHOOK_SLACK,
    WEBHOOK,
    TELEGRAM_BOT_TOKEN,
    PEM_URL_ENCODED,
    COOKIE,
    CLI_USER_PASSWORD,
    SPACED_FLAG_PASSWORD,
    AUTHORIZATION,
    PIPED_PASSWORD,
    RABBITMQCTL,
    ORACLE_LOGIN,
    PGPASS_WILDCARD_PORT,
    PASSWD_LINE,
    USERLIST_LINE,
    POOL_PASSWD,
    SQUID_USER,
    ELLIPSIS_IPV4,
    KUBE_SECRET_JSON_ESCAPED,
    KUBE_SECRET_PATCH,
    AUTH_TUPLE,
    SMTP_LOGIN_RESPONSE,
    ELASTIC_SETUP_PASSWORD,
    SENTINEL_PASS,
    PGCRYPTO_KEY,
    BOUND_PARAMETERS,
    ORM_BOUND_PARAMETER,
    IPSEC_SECRET,
    TERMINAL_USER,
    SSH_KEY_COMMENT,
    SASL_INITIAL_RESPONSE,
    OAUTH_CODE,
    CLI_COOKIE,
    DIGEST_USER_PASSWORD,
    POWERSHELL_COOKIE,
    SAML_BASE64,
    SESSION_STORE_KEY,
    RESET_LINK,
    POSTMAN_APIKEY,
    USER_OBJECT_ID,
    SCIM_FORMATTED,
    OTPAUTH_LABEL,
    PHP_SESSION_VALUE,
    MAILCHIMP_KEY,
    ORACLE_THIN,
    GO_DSN,
    HOME_SHARE,
    SECRET_CLI_VALUE,
    DB2_USING,
    RMAN_TARGET,
    SNMP_CREATE_USER,
    PAGERDUTY_INTEGRATION,
    WLST_CONNECT,
    SQL_SERVER_LOGIN_PROC,
    POWERSHELL_IDENTITY,
    ODBC_UID,
    RADOSGW_UID,
    SPRING_OIDC_NAME,
    CEPH_KEY,
    WINLOGON_PASSWORD,
    SPRING_INVALID_PROPERTY,
    WINDOWS_DOMAIN_TOOL,
    VAULT_UNSEAL_CLI,
    VAULT_UNSEAL_BODY,
    TRANSIT_EXPORT,
    KAFKA_ENTITY_USER,
    EC2_PUBLIC_NAME,
    HTTPIE_AUTH,
    NGROK_AUTHTOKEN,
    JINJA_PASSWORD_HASH,
    ZK_DIGEST_AUTH,
    GOSSIP_KEY,
    JETTY_OBFUSCATED,
    XML_NAME_VALUE,
    AWS_CONFIGURE_PROMPT,
    SUDO_USER,
    IAM_USER_ARN,
    USER_BEFORE_UID,
    SU_USERS,
    PAM_LOGNAME,
    LDAP_UID,
    SSHD_NOT_ALLOWED,
    LOGIN_FAILURE,
    LOGIN_ON,
    CRON_COMMAND,
    NEO4J_SECURITY,
    DDL_USER,
    SSHD_AUTH_LOG,
    OPENVPN_PEER,
    PG_ROLE,
    MYSQL_USER_HOST,
    SET_PASSWORD_FOR,
    IDENTIFIED_WITH,
    SU_FOR,
    SUDO_LOGFILE,
    SSHD_SESSION,
    FTP_LOGIN,
    DOVECOT_SERVICE,
    POSTGRES_KEY,
    SAMBA_DOMAIN_USER,
    VAULT_LOGIN_PATH,
    PKEXEC_USER,
    USER_RENAME,
    /** A user's quoted name before the pattern, which begins with its closing quote: MySQL's {@code 'user'@'host'}. */
    USER_QUOTED_BEFORE,
    ELASTIC_PASSWORD,
    ENROLLMENT_TOKEN,
    JENKINS_STARTED_BY,
    COOKIE_WITH_VALUE,
    SPRING_REJECTED_VALUE,
    FASTAPI_INPUT,
    PYDANTIC_INPUT,
    JS_VALIDATION_FIELD,
    JOI_CONTEXT,
    TOOL_FLAG,
    SQLPLUS_CONNECT,
    SPARK_ACL_USERS,
    PUPPET_USER,
    ECHO_HOME,
    AZURE_ACCOUNT_KEY,
    DEBUGGER_PIN,
    PHP_FRAME,
    TYPEORM_PARAMETERS,
    MYBATIS_PARAMETERS,
    SHADOW_TOOL,
    HOOKS_PATH,
    EC2_PRIVATE_NAME,
    JENKINS_CLI_AUTH,
    OPENVPN_STATUS,
    USERMOD_GROUP_ADD,
    FCM_TOKEN,
    EXPECT_SEND,
    SAML_ATTRIBUTE_VALUE,
    HERE_STRING,
    CURL_GLUED_USER,
    DEVICE_USERNAME,
    ISCSIADM_VALUE,
    DEVICE_SECRET,
    RADIUS_LOGIN,
    SECURE_STRING,
    ASA_GROUP_USER,
    FORTI_MSG_USER,
    CONFIGURED_BY,
    KEY_DUMP_FIELD,
    NTLM_DUMP,
    WINDOWS_FLAG,
    AUDIT_HEX,
    NEO4J_PROCEDURE,
    LDIF_ATTRIBUTE,
    LDAP_FILTER,
    TERRAFORM_LOCK_WHO,
    SASL_PASSWD,
    RBAC_SUBJECT_USER,
    JAAS_USERS,
    ROLE_SESSION,
    AUDIT_ENRICHED_USER,
    NEXT_LINE_SECRET,
    KUBE_SECRET_YAML,
    YAML_NESTED_KEY,
    KUBE_SECRET_JSON,
    SIBLING_VALUE,
    CI_SECRET,
    REDIS_CLI_QUOTED,
    HAPROXY_AUTH,
    NEO4J_QUERY_USER,
    POSTGRES_CSV_USER,
    REDIS_ACL,
    MINIO_ALIAS,
    JWK,
    NET_USE,
    WPA_PASSPHRASE,
    VAULT_LOGIN_TOKEN,
    SAML_NAME_ID,
    TERRAFORM_RANDOM,
    MYSQL_TEMPORARY_PASSWORD,
    EXIM_USER,
    DOVEADM_AUTH,
    SQL_INSERT,
    WORD_AFTER,
    MODSEC_MATCHED_DATA,
    DEBUG_PASSWORD,
    HIBERNATE_EXTRACTED,
    ZK_DIGEST_ACL,
    JETTY_REALM_HASH,
    NAGIOS_USER_MACRO,
    CASSANDRA_AUDIT_USER,
    CLICKHOUSE_AUTH_FAILED,
    RABBITMQ_USER,
    PPP_SECRETS,
    JMX_PASSWORD,
    MINIO_USER_ADD,
    FULL_NAME_ROW,
    NET_USER_LIST,
    ID_OUTPUT,
    SUDOERS,
    POSTGRES_BACKEND,
    ACCOUNT_COMMAND,
    ACCOUNT_LISTING,
    PULUMI_CONFIG_SET,
    LOGGED_IN_AS,
    API_KEY_ROW,
    PAYLOAD_DATA,
    AZURE_KEY_NAME,
    CONFLUENT_SECRET,
    INFLUX_QUERY_PASSWORD,
    DASH_P,
    REDIS_AUTH,
    ERLANG_SECRET,
    MOSQUITTO_PASSWORD,
    /** An HL7 v2 segment's personal data by field position, of several types (see Hl7Detector). */
    HL7_SEGMENT,
    /** A person's names and address in FHIR resources and searches, of two types (see FhirDetector; flags: the kind). */
    FHIR,
    /** A JSON escape (<code>&#92;u</code>): the word start after an escaped non-letter (see CatalogScanner#afterEscape). */
    JSON_ESCAPE
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
