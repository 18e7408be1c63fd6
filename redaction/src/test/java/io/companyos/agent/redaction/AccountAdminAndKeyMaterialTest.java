package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Passwords, hashes and keys in the statements and files that administer accounts, which a red-team pass of session
 * 21 found left whole: Neo4j's Cypher and user procedures, Oracle's unquoted {@code IDENTIFIED BY}, LDIF's base64
 * values, MySQL's native password hash, a JSON Web Key's private members, MinIO client aliases and Vault's user
 * paths, Redis ACL rules, cypher-shell's {@code -p}, Apache's {@code AuthLDAPBindPassword}; with the same shapes
 * that stay (English prose, public key members, an alias without keys, an ACL entry without a password).
 */
class AccountAdminAndKeyMaterialTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("ALTER CURRENT USER SET PASSWORD FROM 'OldPass1' TO 'Hunter2pass'",
            "ALTER CURRENT USER SET PASSWORD FROM '<secret>' TO '<secret>'"),
        Arguments.of("CALL dbms.security.changePassword('Hunter2pass')", "CALL dbms.security.changePassword('<secret>')"),
        Arguments.of("CALL dbms.security.changeUserPassword(\"alice\", \"Hunter2pass\")",
            "CALL dbms.security.changeUserPassword(\"<user>\", \"<secret>\")"),
        Arguments.of("INFO  CALL dbms.security.createUser('bob', 'Hunter2pass', false)",
            "INFO  CALL dbms.security.createUser('<user>', '<secret>', false)"),
        Arguments.of("GRANT CONNECT TO app IDENTIFIED BY Hunter2pass;", "GRANT CONNECT TO app IDENTIFIED BY <secret>;"),
        Arguments.of("create user app identified by Hunter2pass default tablespace users",
            "create user <user> identified by <secret> default tablespace users"),
        Arguments.of("alter user app identified by values 'S:8F2D65FB5547B71C8DA3760F10960428CD307B1C6271691FC55C1F56554A'",
            "alter user <user> identified by values '<secret>'"),
        Arguments.of("userPassword:: e1NTSEF9SzNoZjRYa1VvUmNLaWZaSjhHb1N6aXZGWk1JPQ==", "userPassword:: <secret>"),
        Arguments.of("unicodePwd:: IgBIAHUAbgB0AGUAcgAyAHAAYQBzAHMAIgA=", "unicodePwd:: <secret>"),
        Arguments.of("| root | localhost | *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19 |",
            "| root | localhost | <password_hash> |"),
        Arguments.of("authentication_string: *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19", "authentication_string: <password_hash>"),
        Arguments.of("{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuP\",\"e\":\"AQAB\",\"d\":\"X4cTteJY_gn4FYPs\",\"p\":\"83i-7IvMGXoM\","
                + "\"q\":\"3dfOR9cuYq-0\",\"dp\":\"G4sPXkc6Ya9y\",\"dq\":\"s9lAH9fggBso\",\"qi\":\"GyM_p6JrXySi\"}",
            "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuP\",\"e\":\"AQAB\",\"d\":\"<private_key>\",\"p\":\"<private_key>\","
                + "\"q\":\"<private_key>\",\"dp\":\"<private_key>\",\"dq\":\"<private_key>\",\"qi\":\"<private_key>\"}"),
        Arguments.of("{\"d\": \"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\", \"crv\": \"P-256\", \"kty\": \"EC\", \"x\": \"f83OJ3D2\"}",
            "{\"d\": \"<private_key>\", \"crv\": \"P-256\", \"kty\": \"EC\", \"x\": \"f83OJ3D2\"}"),
        Arguments.of("{\"keys\":[{\"kty\":\"oct\",\"k\":\"GawgguFyGrWKav7AX4VKUg\",\"alg\":\"HS256\"}]}",
            "{\"keys\":[{\"kty\":\"oct\",\"k\":\"<private_key>\",\"alg\":\"HS256\"}]}"),
        Arguments.of("mc alias set myminio http://minio:9000 minioadmin Hunter2pass",
            "mc alias set myminio http://minio:9000 <user> <secret>"),
        Arguments.of("vault write auth/userpass/users/alice policies=admins", "vault write auth/userpass/users/<user> policies=admins"),
        Arguments.of("user alice on >Hunter2pass ~* +@all\nuser bob off\n", "user <user> on ><secret> ~* +@all\nuser bob off\n"),
        Arguments.of("1) \"user alice on #5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8 ~* &* +@all\"",
            "1) \"user <user> on #<password_hash> ~* &* +@all\""),
        Arguments.of("ACL SETUSER bob reset on >Secret1 <Old1 +@read ~app:*", "ACL SETUSER <user> reset on ><secret> <<secret> +@read ~app:*"),
        Arguments.of("1700000000.1 [0 10.1.2.3:5000] \"ACL\" \"SETUSER\" \"alice\" \"on\" \">Hunter2pass\"",
            "1700000000.1 [0 <ipv4>:5000] \"ACL\" \"SETUSER\" \"<user>\" \"on\" \"><secret>\""),
        Arguments.of("cypher-shell -u neo4j -p Hunter2pass \"MATCH (n) RETURN count(n)\"",
            "cypher-shell -u neo4j -p <secret> \"MATCH (n) RETURN count(n)\""),
        Arguments.of("AuthLDAPBindPassword Hunter2pass", "AuthLDAPBindPassword <secret>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "the request identified by id 42 failed",
        "GRANT SELECT ON t TO app IDENTIFIED BY ${ORACLE_PASSWORD};",
        "CALL dbms.security.changePassword($password)",
        "{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\"0vx7agoebGcQSuuP\",\"e\":\"AQAB\",\"use\":\"sig\"}",
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2\",\"y\":\"x_FEzRu9\"}",
        "std::string password:: value",
        "SELECT * FROM t WHERE a = 2*ABCDEF",
        "**2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19",
        "mc alias set myminio http://minio:9000",
        "mc alias set myminio http://minio:9000 --api S3v4",
        "bash alias set foo bar",
        "user default on nopass ~* &* +@all",
        "user alice logged in from host",
        "the user alice on >host was moved",
        "ACL SETUSER alice on",
        "AuthLDAPBindPassword is set");
  }
}
