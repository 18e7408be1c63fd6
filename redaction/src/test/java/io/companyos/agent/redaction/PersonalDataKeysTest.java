package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Personal data under keys that session 21's application-log red team found left: a person's name under a role
 * (customer, contact, card and account holder, payment parties, owner, assignee, author, Slack's real_name,
 * Datadog's usr.name) and in kebab case, an unquoted name of several words in toString() dumps (Lombok, Kotlin,
 * Go, C#, NLog, Java maps), Active Directory's "Surname, Given" display names, phone numbers under LDAP's and
 * APIs' keys (telephoneNumber, mobileNumber, phoneNo, tel), an SSN under socialSecurityNumber; with values under
 * such keys that are no person's (owner=root, a placeholder, a lower-case word after the name).
 */
class PersonalDataKeysTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("Order 99812 placed by customerName=\"Maria Garcia\"", "Order 99812 placed by customerName=\"<name>\""),
        Arguments.of("{\"context\":{\"customer_name\":\"Anna Schmidt\"}}", "{\"context\":{\"customer_name\":\"<name>\"}}"),
        Arguments.of("SEPA mandate created debtorName=\"Jan de Vries\"", "SEPA mandate created debtorName=\"<name>\""),
        Arguments.of("{\"ticket\":{\"assignee\":\"John Smith\"},\"owner\":\"Bob Lee\"}",
            "{\"ticket\":{\"assignee\":\"<name>\"},\"owner\":\"<name>\"}"),
        Arguments.of("{\"user_profile\":{\"real_name\":\"Jane Doe\"},\"usr.name\":\"Jane Doe\"}",
            "{\"user_profile\":{\"real_name\":\"<name>\"},\"usr.name\":\"<name>\"}"),
        Arguments.of("Processing payment card=4111111111111111 holder=JOHN SMITH", "Processing payment card=<card> holder=<name>"),
        Arguments.of("{\"cardHolder\":\"JANE DOE\",\"account_holder_name\":\"Jane Doe\"}",
            "{\"cardHolder\":\"<name>\",\"account_holder_name\":\"<name>\"}"),
        Arguments.of("{\"customer\":{\"full-name\":\"Dave Kowalski\"}}", "{\"customer\":{\"full-name\":\"<name>\"}}"),
        Arguments.of("Customer(id=42, name=Jane Doe, email=jane.doe@example.com)", "Customer(id=42, name=<name>, email=<email>)"),
        Arguments.of("Person(id=1, fullName=Jane Doe, lastName=van der Berg)", "Person(id=1, fullName=<name>, lastName=<name>)"),
        Arguments.of("&{ID:42 Name:Jane Doe Email:jane.doe@example.com}", "&{ID:42 Name:<name> Email:<email>}"),
        Arguments.of("Customer { Id = 42, Name = Jane Doe, Email = jane.doe@example.com }",
            "Customer { Id = 42, Name = <name>, Email = <email> }"),
        Arguments.of("name=Jane Doe logged in", "name=<name> logged in"),
        Arguments.of("{\"name\": \"Doe, Jane\"}", "{\"name\": \"<name>\"}"),
        Arguments.of("{\"mobileNumber\":\"4155550100\"} tel=0301234567", "{\"mobileNumber\":\"<phone>\"} tel=<phone>"),
        Arguments.of("telephoneNumber=4155550100 mobileNo=4155550100", "telephoneNumber=<phone> mobileNo=<phone>"),
        Arguments.of("{\"socialSecurityNumber\":\"078051120\"}", "{\"socialSecurityNumber\":\"<ssn>\"}"),
        Arguments.of("{\"Message\":\"Account For Which Logon Failed:\\r\\n\\tAccount Name:\\t\\tjsmith\\r\\n\\tAccount Domain:\\t\\tCORP\"}",
            "{\"Message\":\"Account For Which Logon Failed:\\r\\n\\tAccount Name:\\t\\t<user>\\r\\n\\tAccount Domain:\\t\\tCORP\"}"),
        Arguments.of("type=USER_LOGIN msg=audit(1715685006.123:456): res=failed'\u001dUID=\"root\" AUID=\"jsmith\" FSUID=\"bob\"",
            "type=USER_LOGIN msg=audit(1715685006.123:456): res=failed'\u001dUID=\"root\" AUID=\"<user>\" FSUID=\"<user>\""),
        Arguments.of("{\"identity_provider\":\"github\",\"identity_provider_identity\":\"octocat\"}",
            "{\"identity_provider\":\"github\",\"identity_provider_identity\":\"<user>\"}"),
        Arguments.of("GITHUB_ACTOR=octocat GITLAB_USER_LOGIN=jsmith", "GITHUB_ACTOR=<user> GITLAB_USER_LOGIN=<user>"),
        Arguments.of("{\"UserId\":\"AROA3XFRBF535PLBIFPI4:jdoe\",\"Arn\":\"arn:aws:sts::123456789012:assumed-role/DevOps/jdoe\"}",
            "{\"UserId\":\"AROA3XFRBF535PLBIFPI4:<user>\",\"Arn\":\"arn:aws:sts::123456789012:assumed-role/DevOps/<user>\"}"),
        Arguments.of("CI_COMMIT_AUTHOR=Jane Doe <jane.doe@example.com>", "CI_COMMIT_AUTHOR=<name> <<email>>"),
        Arguments.of("GIT_COMMITTER_NAME=Jane Doe LOGNAME=alice", "GIT_COMMITTER_NAME=<name> LOGNAME=<user>"),
        Arguments.of("users:\n  - name: alice\n    gecos: Jane Doe\n", "users:\n  - name: alice\n    gecos: <name>\n"),
        Arguments.of("dn: uid=jdoe,ou=People,dc=example,dc=com\nuid: jdoe\ncn: Jane Doe\nsn: Doe\n\ndn: cn=admins,ou=Groups,dc=example,dc=com\ncn: admins\nuid: 1000\n",
            "dn: uid=<user>,ou=People,dc=example,dc=com\nuid: <user>\ncn: <name>\nsn: <name>\n\ndn: cn=admins,ou=Groups,dc=example,dc=com\ncn: admins\nuid: 1000\n"),
        Arguments.of("\u2502 Lock Info:\n\u2502   Who:       alice@ci-runner-07\n", "\u2502 Lock Info:\n\u2502   Who:       <user>@ci-runner-07\n"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "owner=root group=root mode=0644",
        "\"placeholder\": \"Enter Name\", \"holder\": \"x\"",
        "filename=report.pdf owner: kube-system",
        "{\"hostname\":\"web01\"} tel=n/a hotel=4155550100",
        "{\"name\": \"Error, retry\"}",
        "AUID=\"unset\" UID=\"root\"",
        "arn:aws:iam::123456789012:role/DevOps around the aroa",
        "who: cares",
        "ldap filter uid=\"alice\" (lower case: not auditd's)".replace("alice", "x1"));
  }
}
