package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 25's red team of cloud CLIs, SDK debug output and infrastructure-as-code traces: each redacted case came out
 * with the secret or the user in clear before; the unchanged cases are their look-alikes.
 */
class CloudCliRedTeamSession25Test extends RedactedAndKeptCases {
  private static final String ECR = "eyJwYXlsb2FkIjoi" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw".repeat(4)
      + "IiwiZGF0YWtleSI6IkFRRUJBSGg9IiwidmVyc2lvbiI6IjIiLCJ0eXBlIjoiREFUQV9LRVkiLCJleHBpcmF0aW9uIjoxNzAwMDAwMDAwfQ==";

  static Stream<Arguments> redacted() {
    return Stream.of(
        // Azure storage account keys (az storage account keys list), ACR's second password
        Arguments.of("[{\"keyName\": \"key1\", \"permissions\": \"FULL\", \"value\": \"Zm9vYmFyRkFLRXN0b3JhZ2VLZXkwMTIzNDU2Nzg=\"}]",
            "[{\"keyName\": \"key1\", \"permissions\": \"FULL\", \"value\": \"<secret>\"}]"),
        Arguments.of("{\"passwords\": [{\"name\": \"password\", \"value\": \"FAKEacrPW1abcdefghijklmnop\"}, "
            + "{\"name\": \"password2\", \"value\": \"FAKEacrPW2abcdefghijklmnop\"}]}",
            "{\"passwords\": [{\"name\": \"password\", \"value\": \"<secret>\"}, {\"name\": \"password2\", \"value\": \"<secret>\"}]}"),
        Arguments.of("export AZURE_STORAGE_KEY=q5FAKEstorageKEYabcdefghijklmnop0123456789==", "export AZURE_STORAGE_KEY=<secret>"),
        // Amazon ECR's login password, alone on its line; Cloud Storage's HMAC access id
        Arguments.of(ECR + "\n", "<token>\n"),
        Arguments.of("Access ID:   GOOG1EFAKEHMACACCESSID0123456789ABCDEFGHIJKLMNOPQRSTUVWXY", "Access ID:   <token>"),
        // key names: a GCP key's privateKeyData, OCI's pass_phrase, Secrets Manager's SecretBinary, KMS' Plaintext
        Arguments.of("{\"privateKeyData\": \"ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIsCiAgInByaXZhdGVfa2V5IjogIkZBS0UiCn0=\"}",
            "{\"privateKeyData\": \"<private_key>\"}"),
        Arguments.of("pass_phrase=FAKEociPassPhrase", "pass_phrase=<secret>"),
        Arguments.of("{\"SecretBinary\": \"RkFLRWJpbmFyeVNlY3JldA==\", \"Name\": \"prod/cert\"}",
            "{\"SecretBinary\": \"<secret>\", \"Name\": \"prod/cert\"}"),
        Arguments.of("{\"KeyId\": \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd\", \"Plaintext\": \"RkFLRWttc1BsYWludGV4dA==\"}",
            "{\"KeyId\": \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd\", \"Plaintext\": \"<secret>\"}"),
        // a GCP secret version's payload
        Arguments.of("{\"name\":\"projects/p/secrets/db/versions/1\",\"payload\":{\"data\":\"RkFLRWdjcFNlY3JldFBheWxvYWQ=\"}}",
            "{\"name\":\"projects/p/secrets/db/versions/1\",\"payload\":{\"data\":\"<secret>\"}}"),
        // pulumi config set --secret, the flag first or last
        Arguments.of("pulumi config set --secret dbPassword FAKEpulumiPW9", "pulumi config set --secret dbPassword <secret>"),
        Arguments.of("pulumi config set dbPassword FAKEpulumiPW2 --secret", "pulumi config set dbPassword <secret> --secret"),
        // IBM Cloud's API key table row
        Arguments.of("API Key      FAKEibmNEWapiKEYabcdefghijklmnopqrstuvwxyz01234", "API Key      <secret>"),
        // a command after an environment prefix keeps its words
        Arguments.of("TF_VAR_db_password=FAKEenvPW77 terraform apply -auto-approve",
            "TF_VAR_db_password=<secret> terraform apply -auto-approve"),
        Arguments.of("AWS_SECRET_ACCESS_KEY=FAKEsecretKEY1234567890abcdefghijklmnopq aws s3 ls s3://bucket",
            "AWS_SECRET_ACCESS_KEY=<aws_secret> aws s3 ls s3://bucket"),
        // users: gh auth status, an IAM MFA device
        Arguments.of("  ✓ Logged in to github.com as jdoe (oauth_token)", "  ✓ Logged in to github.com as <user> (oauth_token)"),
        Arguments.of("  ✓ Logged in to github.com account jdoe (keyring)", "  ✓ Logged in to github.com account <user> (keyring)"),
        Arguments.of("'SerialNumber': 'arn:aws:iam::123456789012:mfa/jane.doe'", "'SerialNumber': 'arn:aws:iam::123456789012:mfa/<user>'"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "{\"keyName\": \"primary\", \"keyType\": \"RSA\"}",
        "pulumi config set aws:region eu-west-1",
        "pulumi config set --path 'data.active' true",
        "You are logged in as an administrator",
        "✓ Logged in as root",
        "INFO logger=auth Logged in to the console as admin",
        "API Key rotation is scheduled",
        "{\"payload\": {\"kind\": \"push\"}}",
        "{\"plaintextLength\": 32, \"encoding\": \"plaintext\"}",
        "Google docs: https://www.google.com/search?q=goog1");
  }
}
