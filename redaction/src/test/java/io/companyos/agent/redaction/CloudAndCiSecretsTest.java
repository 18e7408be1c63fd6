package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Secrets in cloud-native, configuration-management and CI output that session 21's infrastructure red team found
 * left whole: argument lists one item per line (kubectl describe, pretty JSON), a key as a call's first argument, a
 * pair's first item or an assigned subscript (wp-config.php, gitlab.rb, os.environ, Rails' bind pairs), CI runners'
 * secret declarations, redis-cli's {@code -a} in a Compose healthcheck, HAProxy's credentials, Vault's recovery keys,
 * SonarQube tokens, a Dockerfile's legacy {@code ENV KEY value}, blank-separated keys of indented or compound
 * configuration (Fluentd, Fluent Bit, Apache); with look-alikes that stay.
 */
class CloudAndCiSecretsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("    Args:\n      --requirepass\n      Hunter2pass\n      --port\n      6379\n",
            "    Args:\n      --requirepass\n      <secret>\n      --port\n      6379\n"),
        Arguments.of("            \"Cmd\": [\n                \"redis-server\",\n                \"--requirepass\",\n                \"Hunter2pass\"\n            ],",
            "            \"Cmd\": [\n                \"redis-server\",\n                \"--requirepass\",\n                \"<secret>\"\n            ],"),
        Arguments.of("define( 'DB_PASSWORD', 'Hunter2pass' );", "define( 'DB_PASSWORD', '<secret>' );"),
        Arguments.of("System.setProperty(\"javax.net.ssl.keyStorePassword\", \"Hunter2pass\");",
            "System.setProperty(\"javax.net.ssl.keyStorePassword\", \"<secret>\");"),
        Arguments.of("[Environment]::SetEnvironmentVariable(\"DB_PASSWORD\", \"Hunter2pass\", \"Machine\")",
            "[Environment]::SetEnvironmentVariable(\"DB_PASSWORD\", \"<secret>\", \"Machine\")"),
        Arguments.of("gitlab_rails['smtp_password'] = \"Hunter2pass\"", "gitlab_rails['smtp_password'] = \"<secret>\""),
        Arguments.of("node.default['mysql']['server_root_password'] = 'Hunter2pass'",
            "node.default['mysql']['server_root_password'] = '<secret>'"),
        Arguments.of("os.environ[\"DB_PASSWORD\"] = Hunter2pass", "os.environ[\"DB_PASSWORD\"] = <secret>"),
        Arguments.of("  User Create (0.9ms)  INSERT INTO \"users\" (\"name\", \"password\") VALUES ($1, $2)  [[\"name\", \"Jane Doe\"], [\"password\", \"hunter2hunter2\"]]",
            "  User Create (0.9ms)  INSERT INTO \"users\" (\"name\", \"password\") VALUES ($1, $2)  [[\"name\", \"<name>\"], [\"password\", \"<secret>\"]]"),
        Arguments.of("form data: ImmutableMultiDict([('email', 'jane.doe@example.com'), ('full_name', 'Jane Doe')])",
            "form data: ImmutableMultiDict([('email', '<email>'), ('full_name', '<name>')])"),
        Arguments.of("+ echo '::add-mask::Hunter2passMasked'", "+ echo '::add-mask::<secret>'"),
        Arguments.of("##vso[task.setvariable variable=dbPassword;issecret=true]Hunter2pass",
            "##vso[task.setvariable variable=dbPassword;issecret=true]<secret>"),
        Arguments.of("      test: [\"CMD\", \"redis-cli\", \"-a\", \"Hunter2pass\", \"ping\"]",
            "      test: [\"CMD\", \"redis-cli\", \"-a\", \"<secret>\", \"ping\"]"),
        Arguments.of("    stats auth admin:Hunter2pass", "    stats auth admin:<secret>"),
        Arguments.of("    user bob insecure-password Hunter2pass", "    user bob insecure-password <secret>"),
        Arguments.of("Recovery Key 1: AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGh", "Recovery Key 1: <secret>"),
        Arguments.of("sonar-scanner -Dsonar.login=squ_0123456789abcdef0123456789abcdef01234567",
            "sonar-scanner -Dsonar.login=<secret>"), // (the key's type, as for -Dsonar.token=squ_…, since session 23)
        Arguments.of("#9 [4/6] ENV DB_PASSWORD Hunter2pass", "#9 [4/6] ENV DB_PASSWORD <secret>"),
        Arguments.of("<source>\n  password Hunter2pass\n</source>\n", "<source>\n  password <secret>\n</source>\n"),
        Arguments.of("[OUTPUT]\n    HTTP_Passwd     Hunter2pass\n", "[OUTPUT]\n    HTTP_Passwd     <secret>\n"),
        Arguments.of("OIDCClientSecret Hunter2passOidcClientSecret", "OIDCClientSecret <secret>"),
        Arguments.of("    SetEnv DB_PASSWORD Hunter2pass", "    SetEnv DB_PASSWORD <secret>"),
        Arguments.of("PASSWD: Hunter2pass", "PASSWD: <secret>"),
        Arguments.of("Data\n====\nDB_PASSWORD:\n----\nHunter2pass\nLOG_LEVEL:\n----\ndebug\n",
            "Data\n====\nDB_PASSWORD:\n----\n<secret>\nLOG_LEVEL:\n----\ndebug\n"),
        Arguments.of("subjects:\n- kind: User\n  name: alice\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: bob\n- kind: Group\n  name: devs\n",
            "subjects:\n- kind: User\n  name: <user>\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: <user>\n- kind: Group\n  name: devs\n"),
        Arguments.of("[smtp.gmail.com]:587 jane.doe@example.com:Hunter2pass", "[smtp.gmail.com]:587 <email>:<secret>"),
        Arguments.of("[smtp.example.com]:465 relayuser:Hunter2pass", "[smtp.example.com]:465 <user>:<secret>"),
        Arguments.of("KafkaServer {\n    org.apache.kafka.common.security.plain.PlainLoginModule required\n    user_alice=\"Hunter2pass\"\n    user_bob=\"Hunter3pass\";\n};\n",
            "KafkaServer {\n    org.apache.kafka.common.security.plain.PlainLoginModule required\n    user_<user>=\"<secret>\"\n    user_<user>=\"<secret>\";\n};\n"),
        Arguments.of("  {\n    \"name\": \"DB_PASSWORD\",\n    \"value\": \"Hunter2pass\"\n  },\n  {\n    \"name\": \"LOG_LEVEL\",\n    \"value\": \"debug\"\n  }",
            "  {\n    \"name\": \"DB_PASSWORD\",\n    \"value\": \"<secret>\"\n  },\n  {\n    \"name\": \"LOG_LEVEL\",\n    \"value\": \"debug\"\n  }"),
        Arguments.of("{\"Parameters\":[{\"Name\":\"/prod/app/DB_URL\",\"Type\":\"SecureString\",\"Value\":\"Hunter2pass\",\"Version\":3}]}",
            "{\"Parameters\":[{\"Name\":\"/prod/app/DB_URL\",\"Type\":\"SecureString\",\"Value\":\"<secret>\",\"Version\":3}]}"),
        Arguments.of("{\"db_url\":{\"sensitive\":true,\"type\":\"string\",\"value\":\"Hunter2pass\"},\"api\":{\"sensitive\":false,\"type\":\"string\",\"value\":\"https://api\"}}",
            "{\"db_url\":{\"sensitive\":true,\"type\":\"string\",\"value\":\"<secret>\"},\"api\":{\"sensitive\":false,\"type\":\"string\",\"value\":\"https://api\"}}"),
        Arguments.of("{\"admin\":{\"sensitive\":true,\"type\":[\"object\",{\"u\":\"string\"}],\"value\":{\"u\":\"x1\",\"p\":\"Hunter2pass\"}}}",
            "{\"admin\":{\"sensitive\":true,\"type\":[\"object\",{\"u\":\"string\"}],\"value\":{\"u\":\"<secret>\",\"p\":\"<secret>\"}}}"),
        Arguments.of("    \"SecretString\": \"Hunter2passPlainSecret\",", "    \"SecretString\": \"<secret>\","),
        Arguments.of("apiVersion: v1\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9hbGljZQ==\n  config.json: eyJ0b2tlbiI6IngifQ==\nkind: Secret\nmetadata:\n  name: app\n",
            "apiVersion: v1\ndata:\n  DATABASE_URL: <secret>\n  config.json: <secret>\nkind: Secret\nmetadata:\n  name: app\n"),
        Arguments.of("kind: Secret\nmetadata:\n  name: app2\nstringData:\n  license: ABCD-EFGH-IJKL\n  cert.pem: |\n    line1secret\n    line2secret\ntype: Opaque\n",
            "kind: Secret\nmetadata:\n  name: app2\nstringData:\n  license: <secret>\n  cert.pem: |\n    <secret>\n    <secret>\ntype: Opaque\n"),
        Arguments.of("items:\n- apiVersion: v1\n  data:\n    token: dG9rZW4=\n  kind: Secret\n",
            "items:\n- apiVersion: v1\n  data:\n    token: <secret>\n  kind: Secret\n"),
        Arguments.of("{\"apiVersion\":\"v1\",\"data\":{\"DATABASE_URL\":\"cG9zdGdyZXM=\"},\"kind\":\"Secret\",\"metadata\":{\"name\":\"app\"}}",
            "{\"apiVersion\":\"v1\",\"data\":{\"DATABASE_URL\":\"<secret>\"},\"kind\":\"Secret\",\"metadata\":{\"name\":\"app\"}}"),
        Arguments.of("{\n    \"data\": {\n        \"url\": \"cG9zdGdyZXM=\"\n    },\n    \"kind\": \"Secret\"\n}",
            "{\n    \"data\": {\n        \"url\": \"<secret>\"\n    },\n    \"kind\": \"Secret\"\n}"),
        Arguments.of("schema.registry.basic.auth.user.info = alice:Hunter2pass", "schema.registry.basic.auth.user.info = <secret>"),
        Arguments.of("encrypt = \"pUqJrVyVRj5jsiYEkM/tFQYfWyJIv4s3XkvDwy7Cu5s=\"", "encrypt = \"<secret>\""),
        Arguments.of("    initial_management = \"01234567-89ab-cdef-0123-456789abcdef\"", "    initial_management = \"<secret>\""),
        Arguments.of("      - service_key: 0123456789abcdef0123456789abcdef", "      - service_key: <secret>"),
        Arguments.of("APP_KEY=base64:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfG=", "APP_KEY=<secret>"),
        Arguments.of("      WORDPRESS_AUTH_SALT: 'Hunter2pass%#@!*&^wpAuthSalt'", "      WORDPRESS_AUTH_SALT: '<secret>'"),
        Arguments.of("cloud.auth: \"elastic:Hunter2pass\"", "cloud.auth: \"<secret>\""),
        Arguments.of("$ argocd admin initial-password -n argocd\nHunter2passArgoInit\n\n This password only has to be used once.\n",
            "$ argocd admin initial-password -n argocd\n<secret>\n\n This password only has to be used once.\n"),
        Arguments.of("Please use the following password to proceed to installation:\n\n0123456789abcdef0123456789abcdef\n\nThis may also be found at: x\n",
            "Please use the following password to proceed to installation:\n\n<secret>\n\nThis may also be found at: x\n"),
        Arguments.of("':authority', 'api.example.com'\n'x-api-key', 'Hunter2passXApiKey05'\n",
            "':authority', 'api.example.com'\n'x-api-key', '<secret>'\n"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "    Args:\n      --verbose\n      --port\n      6379\n",
        "\"required\": [\"password\", \"email\", \"name\"]",
        "if config['password'] == 'x':",
        "echo \"::add-mask::${{ secrets.TOKEN }}\"",
        "      test: [\"CMD\", \"curl\", \"-a\", \"x\"]",
        "ENV PASSWORD_MIN_LENGTH 12",
        "password expired",
        "  token refreshed for the session",
        "Unsealed: Recovery Key Shares 5",
        "{\"Parameter\":{\"Name\":\"/prod/app/LOG_LEVEL\",\"Type\":\"String\",\"Value\":\"debug\"}}",
        "{\"x\":{\"sensitive\":true,\"type\":\"number\",\"value\":42}}",
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n",
        "{\"apiVersion\":\"v1\",\"data\":{\"LOG_LEVEL\":\"debug\"},\"kind\":\"ConfigMap\"}",
        "metadata:\n  name: app\nkind: Secret\n",
        "encrypt: true",
        "salt_length=16",
        "neo4j-admin dbms show-initial-password\nnot a password line\n",
        "'password', 'x' and more",
        "    location / {\n        proxy_pass http://companyos_core;\n        fastcgi_pass unix:/run/php.sock;\n    }\n",
        "root ALL=(ALL) NOPASSWD: ALL", // (session 31: a person's sudoers rule goes, SudoersDetector)
        "connect to [relay]:587 failed: Connection timed out",
        "- kind: ServiceAccount\n  name: default\n",
        "user_id=\"42\" user_name_len=\"5\"",
        "memberOf: CN=Domain Admins,CN=Users,DC=corp,DC=example,DC=com",
        "%admin ALL=(ALL:ALL) NOPASSWD:/usr/bin/systemctl, PASSWD: NOEXEC: /usr/bin/vi");
  }
}
