package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 22: secrets of operations tools that session 21's red team listed as left whole — RabbitMQ's Erlang cookie,
 * Airflow's Fernet key, Nomad's bootstrap token, a Vault token typed after {@code vault login}, Helm's indexed
 * {@code passwords[0]=}, a card's code after a blank, a SAML assertion's {@code NameID} — and look-alikes that stay.
 */
class OpsSecretsAndLookAlikesTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("    \"erlangCookie\": \"SWQOKODSQALRPCLNMEQG\",", "    \"erlangCookie\": \"<secret>\","),
        Arguments.of("RABBITMQ_ERLANG_COOKIE=SWQOKODSQALRPCLNMEQG", "RABBITMQ_ERLANG_COOKIE=<secret>"),
        Arguments.of("rabbitmq.erlang-cookie: SWQOKODSQALRPCLNMEQG", "rabbitmq.erlang-cookie: <secret>"),
        Arguments.of("  fernetKey: \"81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=\"", "  fernetKey: \"<secret>\""),
        Arguments.of("AIRFLOW__CORE__FERNET_KEY=81HqDtbqAywKSOumSha3BhWNOdQ26slT6K0YaZeZyPs=",
            "AIRFLOW__CORE__FERNET_KEY=<secret>"),
        Arguments.of("Accessor ID  = 1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\nSecret ID    = 9f6bd2c4-1a8e-4b1e-9d3c-6b1f2e3a4c5d\nType         = management\n",
            "Accessor ID  = 1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901\nSecret ID    = <secret>\nType         = management\n"),
        Arguments.of("$ vault login s.Z6tXy7q8W9e0r1t2y3u4i5o6", "$ vault login <secret>"),
        Arguments.of("vault login -no-print hvs.CAESIJ5sSecretPartOfTheToken0123456789abcdefghij",
            "vault login -no-print <token>"),
        Arguments.of("helm install db bitnami/postgresql --set auth.passwords[0]=S3cretPw1,auth.passwords[1]=S3cretPw2",
            "helm install db bitnami/postgresql --set auth.passwords[0]=<secret>,auth.passwords[1]=<secret>"),
        Arguments.of("spring.datasource.passwords[0]: S3cretPw1", "spring.datasource.passwords[0]: <secret>"),
        Arguments.of("card 4111111111111111 cvv 123 exp 12/27", "card <card> cvv <secret> exp 12/27"),
        Arguments.of("payment declined: CVC 4321, zip 94105", "payment declined: CVC <secret>, zip 94105"),
        Arguments.of("  <saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">jdoe</saml:NameID>",
            "  <saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"><user></saml:NameID>"),
        Arguments.of("<saml2:NameID>jane.doe@example.com</saml2:NameID>", "<saml2:NameID><email></saml2:NameID>"),
        Arguments.of("<NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">ACME\\jdoe</NameID>",
            "<NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\"><user></NameID>"),
        Arguments.of("-----BEGIN USER NKEY SEED-----\nSUAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU\n------END USER NKEY SEED------\n",
            "<private_key>\n"),
        Arguments.of("  seed: \"SUAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU\"", "  seed: \"<secret>\""),
        Arguments.of("operator_seed=SOAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU", "operator_seed=<secret>"),
        Arguments.of("    agent_recovery = \"9f6bd2c4-1a8e-4b1e-9d3c-6b1f2e3a4c5d\"", "    agent_recovery = \"<secret>\""),
        Arguments.of("SSN 078 05 1120 on file", "SSN <ssn> on file"),
        Arguments.of("ssn: 078 05 1120", "ssn: <ssn>"),
        Arguments.of("applicant ssn=078051120 score=700", "applicant ssn=<ssn> score=700"),
        Arguments.of("IBAN: DE89-3704-0044-0532-0130-00", "IBAN: <iban>"),
        Arguments.of("payout iban=de89370400440532013000 queued", "payout iban=<iban> queued"),
        Arguments.of("{\"iban\": \"gb82 west 1234 5698 7654 32\"}", "{\"iban\": \"<iban>\"}"),
        Arguments.of("    {\n      \"mode\": \"managed\",\n      \"type\": \"random_password\",\n      \"name\": \"db\",\n      \"instances\": [\n        {\n          \"attributes\": {\n            \"id\": \"none\",\n            \"length\": 16,\n            \"result\": \"Xk9#mP2vQ7rL4wZ8\",\n            \"special\": true\n          }\n        },\n        {\n          \"attributes\": {\n            \"result\": \"Second#Pass99\"\n          }\n        }\n      ]\n    },\n    {\n      \"type\": \"aws_instance\",\n      \"attributes\": {\"result\": \"ok\"}\n    }",
            "    {\n      \"mode\": \"managed\",\n      \"type\": \"random_password\",\n      \"name\": \"db\",\n      \"instances\": [\n        {\n          \"attributes\": {\n            \"id\": \"none\",\n            \"length\": 16,\n            \"result\": \"<secret>\",\n            \"special\": true\n          }\n        },\n        {\n          \"attributes\": {\n            \"result\": \"<secret>\"\n          }\n        }\n      ]\n    },\n    {\n      \"type\": \"aws_instance\",\n      \"attributes\": {\"result\": \"ok\"}\n    }"),
        Arguments.of("{\"type\":\"random_string\",\"name\":\"suffix\",\"instances\":[{\"attributes\":{\"result\":\"q7Zx2k\"}}]}",
            "{\"type\":\"random_string\",\"name\":\"suffix\",\"instances\":[{\"attributes\":{\"result\":\"<secret>\"}}]}"),
        Arguments.of("#cloud-config\nchpasswd:\n  list: |\n    root:Hunter2pw\n    ubuntu:RANDOM\n    alice:Passw0rd99\n  expire: false\nssh_pwauth: true\n",
            "#cloud-config\nchpasswd:\n  list: |\n    root:<secret>\n    ubuntu:RANDOM\n    <user>:<secret>\n  expire: false\nssh_pwauth: true\n"),
        Arguments.of("chpasswd:\n  expire: false\n  list:\n  - root:Hunter2pw\n  - 'alice:Passw0rd99'\nruncmd:\n  - echo done\n",
            "chpasswd:\n  expire: false\n  list:\n  - root:<secret>\n  - '<user>:<secret>'\nruncmd:\n  - echo done\n"),
        // the fixed user names of token logins stay, telling which credential follows; the token goes
        Arguments.of("git clone https://oauth2:Hunter2passGitlabToken@gitlab.example.com/group/repo.git",
            "git clone https://oauth2:<secret>@gitlab.example.com/group/repo.git"),
        Arguments.of("remote: https://x-access-token:Hunter2passAppToken@github.com/acme/repo.git",
            "remote: https://x-access-token:<secret>@github.com/acme/repo.git"),
        Arguments.of("docker login -u AWS -p Hunter2passEcrToken 123456789012.dkr.ecr.us-east-1.amazonaws.com",
            "docker login -u AWS -p <secret> 123456789012.dkr.ecr.us-east-1.amazonaws.com"),
        Arguments.of("git clone https://jdoe:Hunter2pass@gitlab.example.com/group/repo.git",
            "git clone https://<user>:<secret>@gitlab.example.com/group/repo.git"),
        // the look-alikes' neighbours that stay redacted
        Arguments.of("dn: CN=Jane Doe,OU=Users,DC=acme,DC=local", "dn: CN=<name>,OU=Users,DC=acme,DC=local"),
        Arguments.of("subject=CN=Jane Doe,O=Acme Corp,C=US", "subject=CN=<name>,O=Acme Corp,C=US"),
        Arguments.of("{\"userDisplayName\": \"Jane Doe\", \"appDisplayName\": \"Microsoft Teams\"}",
            "{\"userDisplayName\": \"<name>\", \"appDisplayName\": \"Microsoft Teams\"}"),
        Arguments.of("  user.displayName: Jane Doe", "  user.displayName: <name>"),
        Arguments.of("{\"name\": \"Jane Doe\", \"id\": 3}", "{\"name\": \"<name>\", \"id\": 3}"),
        Arguments.of("Customer(id=42, name=Jan de Vries, tier=gold)", "Customer(id=42, name=<name>, tier=gold)"),
        Arguments.of("  clientSecret: Hunter2passClient", "  clientSecret: <secret>"),
        Arguments.of("token: Hunter2passToken", "token: <secret>"),
        Arguments.of("X hvs.CAESIJ5sSecretPartOfTheToken0123456789abcdefghij y", "X <token> y"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Accessor ID  = 1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
        "cookie consent banner shown",
        "vault login -method=oidc",
        "vault login -method=userpass",
        "$ vault login",
        "vault login successful",
        "the cvv is required",
        "cvv_length=3",
        "reset passwords[0] entries: 0",
        "<saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\"/>",
        "NameID format not supported",
        "random seed=42 chosen",
        "chpasswd:\n  users:\n  - name: root\n    type: RANDOM\n  expire: false\n",
        "chpasswd: done",
        "{\"type\": \"random_password\", \"name\": \"db\"}, {\"result\": \"ok\"}",
        "random_password.db: Creation complete after 0s [id=none]",
        "seed: 1234",
        "-----BEGIN CERTIFICATE-----",
        "SSN 078 05 in part",
        "iban=DE00370400440532013000 rejected",
        "iban_country=DE",
        "iban: required",
        // certificate authorities, groups and Kubernetes identities in a DN's CN are no person's name
        "subject: CN=DigiCert Global Root CA,OU=www.digicert.com,O=DigiCert Inc,C=US",
        "Issuer: CN=R3, O=Let's Encrypt, C=US",
        "Subject: CN=system:node:worker-1, O=system:nodes",
        "CN=Grafana Admins,OU=Groups,DC=acme,DC=local",
        "issuer: CN=GTS CA 1C3,O=Google Trust Services LLC,C=US",
        "CN=Kubernetes Intermediate Authority,O=Acme",
        // an application's or a resource's display name (Entra ID's sign-in log) is no person's
        "\"appDisplayName\": \"Microsoft Teams\",",
        "\"resourceDisplayName\": \"Windows Azure Active Directory\",",
        "servicePrincipalDisplayName=Backup Robot",
        // the title-case name of an object under a name key is no person's (Nomad's token list, policies, clusters)
        "Name         = Bootstrap Token",
        "{\"name\": \"Production Cluster\", \"id\": 3}",
        "{\"name\": \"Default Policy\"}",
        "name=Order Service started",
        // the name of a Kubernetes Secret, not its content (Helm charts' existingSecret)
        "  existingSecret: postgres-credentials",
        "auth.existing_secret=postgres-credentials",
        // a path's last part in a Go error chain, not a key
        "error: failed to read secrets: open /var/run/secrets/token: permission denied",
        // a host whose first label is a token prefix's letters (jqwik's find: hvb.plant-east.example.com)
        "resolved hvb.plant-east.example.com and hvs.svc.example.org");
  }

  @Test
  void structuredDocumentsAndInsertsJudgeAKeysValueAsTheTextPathDoes() {
    String doc = "{\"token\":\"refreshed\",\"dob\":\"unknown\",\"iban\":\"n/a\",\"userId\":\"42\",\"owner\":\"root\","
        + "\"password\":\"Hunter2pass\",\"birthDate\":\"1985-04-12\",\"userName\":\"alice\"}";
    assertThat(MASK.redactStructured(StructuredFormat.JSON, doc, new RedactionCounter())).isEqualTo(doc
        .replace("Hunter2pass", "<secret>").replace("1985-04-12", "<birthdate>").replace("alice", "<user>"));
    assertThat(MASK.redact("INSERT INTO people (dob, iban, password) VALUES ('unknown', 'n/a', 'Hunter2pass')"))
        .isEqualTo("INSERT INTO people (dob, iban, password) VALUES ('unknown', 'n/a', '<secret>')");
  }

  @Test
  void anIbanWrittenInLowerCaseOrWithDashesGetsTheTokenOfItsUsualSpelling() {
    Redactor pseudonyms = Redactor.builder().pseudonymKey(PseudonymKey.of(new byte[32])).build();
    String usual = pseudonyms.redact("to DE89 3704 0044 0532 0130 00 ok");
    String token = usual.substring(usual.indexOf('<'), usual.indexOf('>') + 1);
    assertThat(token).startsWith("<iban:");
    assertThat(pseudonyms.redact("iban=de89370400440532013000")).isEqualTo("iban=" + token);
    assertThat(pseudonyms.redact("IBAN: DE89-3704-0044-0532-0130-00")).isEqualTo("IBAN: " + token);
  }

  @Test
  void aTerraformStatesGeneratedPasswordsAreSecretInTheStructuredPathToo() {
    String state = "{\"version\":4,\"resources\":[{\"mode\":\"managed\",\"type\":\"random_password\",\"name\":\"db\","
        + "\"instances\":[{\"attributes\":{\"id\":\"none\",\"length\":16,\"result\":\"Xk9#mP2vQ7rL4wZ8\"}}]},"
        + "{\"mode\":\"managed\",\"type\":\"aws_db_instance\",\"name\":\"db\",\"instances\":[{\"attributes\":"
        + "{\"result\":\"available\"}}]}]}";
    assertThat(MASK.redactStructured(StructuredFormat.JSON, state, new RedactionCounter())).isEqualTo(
        state.replace("Xk9#mP2vQ7rL4wZ8", "<secret>"));
  }
}
