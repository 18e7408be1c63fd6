package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 27: what session 26's red teams left (docs/redaction.md, *Application runtimes, …* and *Identity, VPN, …*)
 * and what a look at database and cache logs found. Each redacted case left its value whole before; the unchanged
 * cases are look-alikes of the same shapes.
 */
class Session27GapsTest extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Redis MONITOR's hash writes: each value typed by its field's name
        Arguments.of("1701165600.123456 [0 10.1.2.3:51234] \"HSET\" \"user:42\" \"first_name\" \"Anna\" \"last_name\" "
            + "\"Kowalski\" \"ssn\" \"078-05-1120\" \"plan\" \"pro\"",
            "1701165600.123456 [0 <ipv4>:51234] \"HSET\" \"user:42\" \"first_name\" \"<name>\" \"last_name\" "
            + "\"<name>\" \"ssn\" \"<ssn>\" \"plan\" \"pro\""),
        Arguments.of("1701165600.2 [0 unix:/run/redis.sock] \"hmset\" \"session:9f\" \"username\" \"akowalski\" \"ttl\" \"3600\"",
            "1701165600.2 [0 unix:/run/redis.sock] \"hmset\" \"session:9f\" \"username\" \"<user>\" \"ttl\" \"3600\""),
        Arguments.of("\"HSETNX\" \"u:43\" \"dob\" \"1985-04-12\" \"passport_number\" \"C03005988\"",
            "\"HSETNX\" \"u:43\" \"dob\" \"<birthdate>\" \"passport_number\" \"<national_id>\""),
        Arguments.of("\"HSET\" \"s:1\" \"payload\" \"{\\\"a\\\":1}\" \"password\" \"Pa55!word\"",
            "\"HSET\" \"s:1\" \"payload\" \"{\\\"a\\\":1}\" \"password\" \"<secret>\""),
        // an environment variable named *_KEY in capitals with a generated value
        Arguments.of("JWT_KEY=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg", "JWT_KEY=<secret>"),
        Arguments.of("export SENDGRID_KEY=\"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"", "export SENDGRID_KEY=\"<secret>\""),
        Arguments.of("{\"HMAC_SIGNING_KEY\":\"Q2FuYXJ5LWhtYWMtMTIzNDU2\",\"REGION\":\"eu-west-1\"}",
            "{\"HMAC_SIGNING_KEY\":\"<secret>\",\"REGION\":\"eu-west-1\"}"),
        Arguments.of("  APP_KEY: base64:q1Wm3cN9dR2vK8xL0pT5yH7jF4sA6gE1bZ3uI9oP2nM=", "  APP_KEY: <secret>"),
        // Joi's and class-validator's errors: the value before its field's name
        Arguments.of("context: { limit: 8, value: 'abc1', label: 'password', key: 'password' } } ] }",
            "context: { limit: 8, value: '<secret>', label: 'password', key: 'password' } } ] }"),
        Arguments.of("\"type\":\"string.min\",\"context\":{\"limit\":8,\"value\":\"abc2\",\"label\":\"password\",\"key\":\"password\"}}]",
            "\"type\":\"string.min\",\"context\":{\"limit\":8,\"value\":\"<secret>\",\"label\":\"password\",\"key\":\"password\"}}]"),
        Arguments.of("[ ValidationError { target: CreateUserDto {}, value: 'abc3', property: 'password', children: [] } ]",
            "[ ValidationError { target: CreateUserDto {}, value: '<secret>', property: 'password', children: [] } ]"),
        Arguments.of("ValidationError {\n  value: 'Jane Doe',\n  property: 'fullName',\n  children: []\n}",
            "ValidationError {\n  value: '<name>',\n  property: 'fullName',\n  children: []\n}"),
        // FreeIPA's user commands
        Arguments.of("$ ipa user-add jdoe --first=Jane --last=Doe --shell=/bin/bash",
            "$ ipa user-add <user> --first=<name> --last=<name> --shell=/bin/bash"),
        Arguments.of("+ ipa user-mod asmith --displayname \"Alice Smith\" --title Engineer",
            "+ ipa user-mod <user> --displayname \"<name>\" --title Engineer"),
        Arguments.of("ipa user-add --random bwayne --first Bruce --last Wayne",
            "ipa user-add --random <user> --first <name> --last <name>"),
        Arguments.of("sudo ipa passwd kfischer", "sudo ipa passwd <user>"),
        // openssl passwd's password arguments
        Arguments.of("openssl passwd -6 'Sup3rS3cret!'", "openssl passwd -6 '<secret>'"),
        Arguments.of("HASH=$(openssl passwd -1 hunter2pass)", "HASH=$(openssl passwd -1 <secret>)"),
        // PowerShell's PSCredential user
        Arguments.of("$cred = New-Object System.Management.Automation.PSCredential('CORP\\svc_backup', $secure)",
            "$cred = New-Object System.Management.Automation.PSCredential('<user>', $secure)"),
        Arguments.of("$c = New-Object -TypeName PSCredential -ArgumentList \"jdoe\", $pw",
            "$c = New-Object -TypeName PSCredential -ArgumentList \"<user>\", $pw"),
        Arguments.of("[PSCredential]::new('CORP\\jdoe', $pw)", "[PSCredential]::new('<user>', $pw)"),
        // Synapse's access and refresh tokens
        Arguments.of("synapse.handlers.auth - 1234 - INFO - issued syt_YWxpY2U_HdnnEwSkKGjfBdsFduSr_0Ttq6q to device ABC",
            "synapse.handlers.auth - 1234 - INFO - issued <token> to device ABC"),
        Arguments.of("refresh with syr_YWxpY2U_HdnnEwSkKGjfBdsFduSr_0Ttq6q failed", "refresh with <token> failed"),
        // rclone's config KEY VALUE pairs
        Arguments.of("rclone config create b2remote b2 account 000abc123def4560000000001 key K000abcdefghijklmnopqrstuvwxyz12",
            "rclone config create b2remote b2 account <user> key <secret>"),
        Arguments.of("rclone config create myftp ftp host ftp.example.net user ftpuser pass S3cretFtpPass --obscure",
            "rclone config create myftp ftp host ftp.example.net user <user> pass <secret> --obscure"),
        Arguments.of("rclone config update s3prod secret_access_key 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'",
            "rclone config update s3prod secret_access_key '<aws_secret>'"),
        // Bacula's director password
        Arguments.of("    Password = \"[md5]4d2a6d8a1f6c0b3e5d7f9a1b2c3d4e5f\"", "    Password = \"<secret>\""),
        // users after a fixed phrase and before a fixed text
        Arguments.of("Nov 28 10:00:00 host sshd[123]: Authorized to alice, krb5 principal alice@EXAMPLE.COM (krb5_kuserok)",
            "Nov 28 10:00:00 host sshd[123]: Authorized to <user>, krb5 principal <email> (krb5_kuserok)"),
        Arguments.of("Nov 28 10:00:00 host doas: jdoe ran command apt update as root from /srv",
            "Nov 28 10:00:00 host doas: <user> ran command apt update as root from /srv"),
        Arguments.of("pluto[812]: \"xauth-psk\"[1] #2: XAUTH: User jdoe: Authentication Successful",
            "pluto[812]: \"xauth-psk\"[1] #2: XAUTH: User <user>: Authentication Successful"),
        // auditd's user-management records: the enriched ID
        Arguments.of("type=ADD_USER msg=audit(1701165600.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=add-user id=1001 "
            + "exe=\"/usr/sbin/useradd\" res=success'UID=\"root\" AUID=\"akowalski\" ID=\"bnowak\"",
            "type=ADD_USER msg=audit(1701165600.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=add-user id=1001 "
            + "exe=\"/usr/sbin/useradd\" res=success'UID=\"root\" AUID=\"<user>\" ID=\"<user>\""),
        // a WireGuard private key piped to wg
        Arguments.of("echo \"yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\" | wg pubkey > pub.key",
            "echo \"<secret>\" | wg pubkey > pub.key"),
        // knex's query object and Prisma's query event: each binding typed by its column in the statement
        Arguments.of("knex:query { method: 'insert', options: {}, bindings: [ 'hsato', 'Kn3xB1nd!ng', 'Hana Sato', 42 ], "
            + "__knexQueryUid: 'abc', sql: 'insert into \"users\" (\"username\", \"password\", \"full_name\", \"age\") values (?, ?, ?, ?)' }",
            "knex:query { method: 'insert', options: {}, bindings: [ '<user>', '<secret>', '<name>', 42 ], "
            + "__knexQueryUid: 'abc', sql: 'insert into \"users\" (\"username\", \"password\", \"full_name\", \"age\") values (?, ?, ?, ?)' }"),
        Arguments.of("{\n  method: 'update',\n  bindings: [\n    'N3wP4ss!'\n  ],\n  sql: 'update \"users\" set \"password\" = ?'\n}",
            "{\n  method: 'update',\n  bindings: [\n    '<secret>'\n  ],\n  sql: 'update \"users\" set \"password\" = ?'\n}"),
        Arguments.of("Query: SELECT \"public\".\"User\".\"id\" FROM \"public\".\"User\" WHERE (\"public\".\"User\".\"username\" = $1 "
            + "AND \"public\".\"User\".\"password\" = $2) LIMIT $3 OFFSET $4\nParams: [\"hsato\",\"Pr1smaP4ram!\",1,0]",
            "Query: SELECT \"public\".\"User\".\"id\" FROM \"public\".\"User\" WHERE (\"public\".\"User\".\"username\" = $1 "
            + "AND \"public\".\"User\".\"password\" = $2) LIMIT $3 OFFSET $4\nParams: [\"<user>\",\"<secret>\",1,0]"),
        Arguments.of("prisma:query INSERT INTO `db`.`User` (`email`,`name`,`password`) VALUES (?,?,?) Params: [\"h@x.io\",\"Hana Sato\",\"Pr1sma2!\"]",
            "prisma:query INSERT INTO `db`.`User` (`email`,`name`,`password`) VALUES (?,?,?) Params: [\"<email>\",\"<name>\",\"<secret>\"]"),
        // Snowflake: snowsql's -u, a Spark connector's Scala Map
        Arguments.of("snowsql -a xy12345 -u jdoe_analyst -d PROD", "snowsql -a xy12345 -u <user> -d PROD"),
        Arguments.of("val opts = Map(\"sfURL\" -> \"xy.snowflakecomputing.com\", \"sfUser\" -> \"jdoe_analyst\", \"sfPassword\" -> \"Sn0wP4ss!\")",
            "val opts = Map(\"sfURL\" -> \"xy.snowflakecomputing.com\", \"sfUser\" -> \"<user>\", \"sfPassword\" -> \"<secret>\")"),
        // Elasticsearch's security API paths, its keystore fed a password; MongoDB's shell helpers
        Arguments.of("curl -X PUT \"localhost:9200/_security/user/jdoe/_password?pretty\"",
            "curl -X PUT \"localhost:9200/_security/user/<user>/_password?pretty\""),
        Arguments.of("\"GET /_xpack/security/user/kfischer HTTP/1.1\" 200", "\"GET /_xpack/security/user/<user> HTTP/1.1\" 200"),
        Arguments.of("echo \"Es4Keyst0re!\" | bin/elasticsearch-keystore add --stdin bootstrap.password",
            "echo \"<secret>\" | bin/elasticsearch-keystore add --stdin bootstrap.password"),
        Arguments.of("db.updateUser(\"reporting\", { pwd: \"R3p0rtP4ss\" })", "db.updateUser(\"<user>\", { pwd: \"<secret>\" })"),
        Arguments.of("db.changeUserPassword('reporting', 'N3wR3p0rt!')", "db.changeUserPassword('<user>', '<secret>')"),
        // Chef's user-create positional arguments
        Arguments.of("chef-server-ctl user-create jdoe Jane Doe jane@example.com 'Ch3fP4ss!' --filename /tmp/jdoe.pem",
            "chef-server-ctl user-create <user> <name> <name> <email> '<secret>' --filename /tmp/jdoe.pem"),
        Arguments.of("knife user create jdoe --file /tmp/jdoe.pem", "knife user create <user> --file /tmp/jdoe.pem"),
        // Jetty's realm hashes without a blank after the user's colon (Rundeck's realm.properties)
        Arguments.of("jdoe:MD5:5f4dcc3b5aa765d61d8327deb882cf99,user", "<user>:MD5:<password_hash>,user"),
        Arguments.of("svc:CRYPT:adpexzg3FUZAk,user", "<user>:CRYPT:<password_hash>,user"),
        // ISO 20022's party names and streets; a requester's and a case's supplied name
        Arguments.of("<Dbtr><Nm>Jane Doe</Nm><PstlAdr><StrtNm>Baker Street</StrtNm><BldgNb>221B</BldgNb></PstlAdr></Dbtr>",
            "<Dbtr><Nm><name></Nm><PstlAdr><StrtNm><address></StrtNm><BldgNb>221B</BldgNb></PstlAdr></Dbtr>"),
        Arguments.of("<PstlAdr><AdrLine>12 Rue de Rivoli</AdrLine></PstlAdr>", "<PstlAdr><AdrLine><address></AdrLine></PstlAdr>"),
        Arguments.of("{\"Subject\":\"Refund\",\"SuppliedName\":\"John Smith\"}",
            "{\"Subject\":\"Refund\",\"SuppliedName\":\"<name>\"}"),
        // loguru's and better_exceptions' values under a traceback's source line, typed by the name above them
        Arguments.of("    conn = ldap.bind(user=name, password=pw)\n"
            + "    \u2502                     \u2502              \u2514 'Kr0nos!Bind99'\n"
            + "    \u2502                     \u2514 'tgreenberg'\n"
            + "    \u2514 <module 'ldap'>",
            "    conn = ldap.bind(user=<user>, password=<secret>)\n"
            + "    \u2502                     \u2502              \u2514 '<secret>'\n"
            + "    \u2502                     \u2514 '<user>'\n"
            + "    \u2514 <module 'ldap'>"),
        Arguments.of("    smtp.login(self.smtp_user, self.smtp_password)\n"
            + "    \u2502          \u2502               \u2514 \"Sm7pRelay$Pass\"\n"
            + "    \u2502          \u2514 'relay'",
            "    smtp.login(self.smtp_user, self.smtp_password)\n"
            + "    \u2502          \u2502               \u2514 \"<secret>\"\n"
            + "    \u2502          \u2514 '<user>'"),
        // a pipe-separated request log's user (Artifactory)
        Arguments.of("2020-10-22T09:38:43.789Z|4e1e3f0e2e0f6d5c|10.1.2.3|jdoe|GET|/api/system/ping|200|-1|0|5|JFrog-Router/7.4.0",
            "2020-10-22T09:38:43.789Z|4e1e3f0e2e0f6d5c|<ipv4>|<user>|GET|/api/system/ping|200|-1|0|5|JFrog-Router/7.4.0"));
  }

  static Stream<Arguments> unchanged() {
    return Stream.of(
        // hash writes of fields that name nothing, other commands
        Arguments.of("\"HSET\" \"cfg\" \"mode\" \"fast\" \"retries\" \"3\""),
        Arguments.of("\"HGET\" \"user:42\" \"first_name\""),
        // *_KEY names that are no keys, values that are no generated keys
        Arguments.of("PRIMARY_KEY=id CACHE_KEY=user:42:profile S3_KEY=uploads/2024/report.csv PARTITION_KEY=tenant_id"),
        Arguments.of("IDEMPOTENCY_KEY=3f2a1c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b GPG_KEY=0x1234ABCD"),
        Arguments.of("cache_key=abc123def456ghi789 sort_key=created_at_2024"),
        Arguments.of("PUBLIC_KEY_PATH=/etc/keys/pub.pem"),
        // validation errors of fields that name nothing
        Arguments.of("context: { limit: 3, value: 'ab', label: 'nickname', key: 'nickname' }"),
        Arguments.of("{\"value\":\"orders\",\"property\":\"topic\"}"),
        Arguments.of("\"context\":{\"value\":\"blue\",\"key\":\"color\"}"),
        // the tools in prose, without their arguments
        Arguments.of("Running ipa user-show in a loop failed: ipa: ERROR: no such entry"),
        Arguments.of("echo pw | openssl passwd -apr1 -stdin"),
        Arguments.of("$cred = New-Object PSCredential($user, $secure)"),
        Arguments.of("rclone config create myremote drive scope drive.readonly"),
        Arguments.of("POST /_security/user/_has_privileges HTTP/1.1"),
        Arguments.of("    retries = compute(attempts)\n              \u2502       \u2514 'three'\n              \u2514 <function compute>"),
        Arguments.of("\u2514 'orphan' with no source line"),
        Arguments.of("Map(\"sfURL\" -> \"xy.snowflakecomputing.com\", \"sfWarehouse\" -> \"COMPUTE_WH\")"),
        Arguments.of("<CdtrAgt><FinInstnId><Nm>Deutsche Bank</Nm></FinInstnId></CdtrAgt>"),
        Arguments.of("checksum MD5:abc123 of NOOBF:xyzxyzxyzxyz"),
        Arguments.of("db.getUser(userVar) and knife user list"),
        Arguments.of("knex:query { method: 'select', bindings: [ 'orders', 10 ], sql: 'select * from \"t\" where \"topic\" = ? limit ?' }"),
        Arguments.of("Params: [\"eu-west-1\",3] for a job with no statement"),
        Arguments.of("    Password = \"[x]abc\""),
        Arguments.of("User is not authorized to perform: s3:GetObject; doas: permission denied"),
        Arguments.of("<div id=\"main\" class=\"x\"><span ID=\"header\">"),
        Arguments.of("type=USER_LOGIN msg=audit(1701165600.1:4): ID=\"42\""),
        Arguments.of("2020-10-22T09:38:43.789Z|4e1e3f0e2e0f6d5c|127.0.0.1|anonymous|GET|/api/system/ping|200"));
  }
}
