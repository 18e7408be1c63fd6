package io.companyos.agent.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 30: a table's header names its columns, and the rows under it hold no key beside their values: a CSV
 * export of a users table, a TSV, a semicolon-separated export from a German Excel, psql's and MySQL's printed
 * results, a Markdown table. Each redacted case left its values (all of them, or all but an e-mail address and a
 * phone number found by their shape) in clear before.
 */
class TableColumnsTest extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("id,username,email,password,phone,full_name,ssn\n"
                + "1,jdoe,jdoe@example.com,Hunter2!x,+1 555 123 4567,John Doe,123-45-6789\n"
                + "2,asmith,asmith@example.com,S3cretPass,555-987-6543,Alice Smith,\n",
            "id,username,email,password,phone,full_name,ssn\n"
                + "1,<user>,<email>,<secret>,<phone>,<name>,<ssn>\n"
                + "2,<user>,<email>,<secret>,<phone>,<name>,\n"),
        // quoted fields (a comma inside one), CRLF line ends, and the last column typed
        Arguments.of("\"id\",\"login\",\"note\",\"password\"\r\n\"1\",\"mkowalski\",\"moved, then back\",\"Tajne123!\"\r\n",
            "\"id\",\"login\",\"note\",\"password\"\r\n\"1\",\"<user>\",\"moved, then back\",\"<secret>\"\r\n"),
        Arguments.of("user_id\tlogin\tpasswd\tdisplay_name\n7\tmkowalski\tTajne123!\tMarek Kowalski\n",
            "user_id\tlogin\tpasswd\tdisplay_name\n7\t<user>\t<secret>\t<name>\n"),
        Arguments.of("\"id\";\"benutzername\";\"passwort\";\"vorname\";\"nachname\"\n\"3\";\"hmueller\";\"Geheim99!\";\"Hans\";\"Müller\"\n",
            "\"id\";\"benutzername\";\"passwort\";\"vorname\";\"nachname\"\n\"3\";\"<user>\";\"<secret>\";\"<name>\";\"<name>\"\n"),
        Arguments.of("email;telefon;adresse\nmax@example.de;+49 30 1234567;\"Hauptstraße 5, 10115 Berlin\"\n",
            "email;telefon;adresse\n<email>;<phone>;\"<address>\"\n"),
        Arguments.of("\"First Name\",\"Last Name\",\"E-mail Address\",\"Mobile Phone\"\n\"Jane\",\"Roe\",\"jane@example.org\",\"+1 415 555 0100\"\n",
            "\"First Name\",\"Last Name\",\"E-mail Address\",\"Mobile Phone\"\n\"<name>\",\"<name>\",\"<email>\",\"<phone>\"\n"),
        // psql's aligned output, with its rule and footer; the line after the footer is no row
        Arguments.of(" id | username | password  | first_name | last_name\n"
                + "----+----------+-----------+------------+-----------\n"
                + "  1 | jdoe     | hunter2xx | John       | Doe\n"
                + "  2 | asmith   |           | Alice      | Smith\n"
                + "(2 rows)\n"
                + "\n"
                + " a | b | c | d | e\n",
            " id | username | password  | first_name | last_name\n"
                + "----+----------+-----------+------------+-----------\n"
                + "  1 | <user>     | <secret> | <name>       | <name>\n"
                + "  2 | <user>   |           | <name>      | <name>\n"
                + "(2 rows)\n"
                + "\n"
                + " a | b | c | d | e\n"),
        // MySQL's boxed output, and a Markdown table
        Arguments.of("+----+----------+-----------+\n| id | user     | password  |\n+----+----------+-----------+\n"
                + "|  1 | jdoe     | hunter2yy |\n+----+----------+-----------+\n1 row in set (0.00 sec)\n",
            "+----+----------+-----------+\n| id | user     | password  |\n+----+----------+-----------+\n"
                + "|  1 | <user>     | <secret> |\n+----+----------+-----------+\n1 row in set (0.00 sec)\n"),
        Arguments.of("| Benutzer | Kennwort | Rolle |\n|---|:---:|---|\n| hmueller | Geheim99! | admin |\n",
            "| Benutzer | Kennwort | Rolle |\n|---|:---:|---|\n| <user> | <secret> | admin |\n"),
        // a key word that is a longer column name's end, and a table after log lines
        Arguments.of("2026-11-25 10:00:01 INFO export started\nid,db_password,owner_email\n1,Sup3rS3cret!,ops@example.com\n",
            "2026-11-25 10:00:01 INFO export started\nid,db_password,owner_email\n1,<secret>,<email>\n"),
        // PostgreSQL's own column names for users: pg_stat_activity's usename, psql's \\du
        Arguments.of("  pid  | usename  | application_name\n-------+----------+------------------\n"
                + " 12345 | app_user | psql\n(1 row)\n",
            "  pid  | usename  | application_name\n-------+----------+------------------\n"
                + " 12345 | <user> | psql\n(1 row)\n"),
        Arguments.of(" Role name | Attributes | Member of\n-----------+------------+-----------\n jdoe      | Create DB  | {}\n",
            " Role name | Attributes | Member of\n-----------+------------+-----------\n <user>      | Create DB  | {}\n"),
        // SQL*Plus, sqlcmd and db2: columns under a rule of dashes, counted in characters (a name with an umlaut
        // before a column does not shift it); the header's names are no key and value (login   password_hash)
        Arguments.of("USERNAME                       PASSWORD                       ACCOUNT_STATUS\n"
                + "------------------------------ ------------------------------ --------------\n"
                + "SCOTT                          F894844C34402B67               OPEN\n"
                + "HR_APP                         Tiger2024!x                    LOCKED\n\n2 rows selected.\n",
            "USERNAME                       PASSWORD                       ACCOUNT_STATUS\n"
                + "------------------------------ ------------------------------ --------------\n"
                + "<user>                          <secret>               OPEN\n"
                + "<user>                         <secret>                    LOCKED\n\n2 rows selected.\n"),
        Arguments.of("login                password_hash\n-------------------- ------------------------------------\n"
                + "jdoe                 0x0200A1B2C3D4E5F60718293A4B5C6D7E8F90\n\n(1 rows affected)\n",
            "login                password_hash\n-------------------- ------------------------------------\n"
                + "<user>                 <password_hash>\n\n(1 rows affected)\n"),
        Arguments.of("FIRST_NAME LAST_NAME  PHONE_NUMBER\n---------- ---------- --------------------\n"
                + "Jürgen     Müller     +49 30 1234567\nAna        Pérez      555-867-5309\n",
            "FIRST_NAME LAST_NAME  PHONE_NUMBER\n---------- ---------- --------------------\n"
                + "<name>     <name>     <phone>\n<name>        <name>      <phone>\n"),
        // the only typed column last, above psql's rule (not a rule of dashes alone)
        Arguments.of(" id | note | password\n----+------+----------\n  1 | x    | hunter2xx\n",
            " id | note | password\n----+------+----------\n  1 | x    | <secret>\n"),
        // a list of keys and values: the key types its value; a header follows no row of its own shape, so no
        // row is taken for one (db.password,x typed db.port's cells as secrets)
        Arguments.of("key,value\ndb.host,db01\ndb.password,Secret1x\ndb.port,5432\nspring.datasource.username,app\n",
            "key,value\ndb.host,db01\ndb.password,<secret>\ndb.port,5432\nspring.datasource.username,<user>\n"),
        Arguments.of("Einstellung;Wert\nPasswort;Geheim99!\nPort;8080\n", "Einstellung;Wert\nPasswort;<secret>\nPort;8080\n"),
        // (a red team's corpus) headers with an apostrophe or a note in parentheses, a first name beside a
        // surname's column, a bare address beside personal columns, a statement echoed above its result
        Arguments.of("\"Identifiant\";\"Prénom\";\"Nom\";\"N° de sécurité sociale\";\"Date d'inscription\"\n"
                + "\"garnierc\";\"Chloé\";\"Garnier\";\"2 56 03 13 102 315 74\";\"05/06/2022\"\n",
            "\"Identifiant\";\"Prénom\";\"Nom\";\"N° de sécurité sociale\";\"Date d'inscription\"\n"
                + "\"<user>\";\"<name>\";\"<name>\";\"<national_id>\";\"05/06/2022\"\n"),
        Arguments.of("| Payroll ID | Employee Name | Address | Bank Account (IBAN) |\n|---|---|---|---|\n"
                + "| P4410 | MARTINEZ, Siobhan | 47 Victoria Road, London | GB76NWBK61544690182692 |\n",
            "| Payroll ID | Employee Name | Address | Bank Account (IBAN) |\n|---|---|---|---|\n"
                + "| P4410 | <name> | <address> | <bank_account> |\n"),
        Arguments.of("sqlite> SELECT username, password, last_login FROM local_accounts;\nusername,password,last_login\n"
                + "z.garcia66,Sunsh1ne&6,2024-04-10 00:12:55\n",
            "sqlite> SELECT username, password, last_login FROM local_accounts;\nusername,password,last_login\n"
                + "<user>,<secret>,2024-04-10 00:12:55\n"),
        Arguments.of("LoginName  Email\n---------- --------------------\nliam.white liam.white@proton.me\n",
            "LoginName  Email\n---------- --------------------\n<user> <email>\n"),
        // PowerShell's Format-Table underlines only the names; a value runs on to the next column's start
        Arguments.of("Name              SamAccountName EmailAddress\n----              -------------- ------------\n"
                + "Maximilian Müller mmueller       m.mueller@contoso.com\n",
            "Name              SamAccountName EmailAddress\n----              -------------- ------------\n"
                + "<name> <user>       <email>\n"),
        // box drawing: sqlite's .mode box (DuckDB's, ClickHouse's pretty formats), psql's unicode line style
        Arguments.of("┌───────────┬──────────────────┐\n│ ticket_id │    full_name     │\n├───────────┼──────────────────┤\n"
                + "│      7730 │ Isabella Brennan │\n└───────────┴──────────────────┘\n",
            "┌───────────┬──────────────────┐\n│ ticket_id │    full_name     │\n├───────────┼──────────────────┤\n"
                + "│      7730 │ <name> │\n└───────────┴──────────────────┘\n"),
        Arguments.of("┌─user_id─┬─login─────┬─phone───────────┐\n│   12668 │ ilse4     │ 030 857 2147    │\n"
                + "└─────────┴───────────┴─────────────────┘\n",
            "┌─user_id─┬─login─────┬─phone───────────┐\n│   12668 │ <user>     │ <phone>    │\n"
                + "└─────────┴───────────┴─────────────────┘\n"),
        Arguments.of(" username │ password\n──────────┼──────────\n jdoe     │ hunter2xx\n(1 row)\n",
            " username │ password\n──────────┼──────────\n <user>     │ <secret>\n(1 row)\n"),
        // (a held-out red team's corpus) a CRM export's cells with line breaks, a role's column by a name's shape
        // (an account's company stays), psql's expanded records, a Romance column name's head word first
        Arguments.of("\"First Name\",\"Last Name\",\"Account Name\",\"Contact Owner\",\"Mailing Street\",\"Note\"\n"
                + "\"Jane\",\"Roe\",\"Brightwater Health\",\"Dana Whitfield\",\"12 Harbor Way\nSuite 400\",\"call\nback\"\n"
                + "\"Ana\",\"Lima\",\"Acme Foods\",\"Team Identity\",\"5 Rua Augusta\",\"none\"\n",
            "\"First Name\",\"Last Name\",\"Account Name\",\"Contact Owner\",\"Mailing Street\",\"Note\"\n"
                + "\"<name>\",\"<name>\",\"Brightwater Health\",\"<name>\",\"<address>\n<address>\",\"call\nback\"\n"
                + "\"<name>\",\"<name>\",\"Acme Foods\",\"Team Identity\",\"<address>\",\"none\"\n"),
        Arguments.of("-[ RECORD 1 ]-------------\nlogin    | jdoe\npassword | Secr3t!x\nemail    | jdoe@example.org\n"
                + "-[ RECORD 2 ]-------------\nlogin    | asmith\npassword | Hunt3r2!\n",
            "-[ RECORD 1 ]-------------\nlogin    | <user>\npassword | <secret>\nemail    | <email>\n"
                + "-[ RECORD 2 ]-------------\nlogin    | <user>\npassword | <secret>\n"),
        Arguments.of("\"Nome\";\"Endereço de entrega\";\"Telefone do solicitante\"\n"
                + "\"Ana Lima\";\"Rua Augusta 1500, São Paulo\";\"(11) 98765-4321\"\n",
            "\"Nome\";\"Endereço de entrega\";\"Telefone do solicitante\"\n"
                + "\"<name>\";\"<address>\";\"<phone>\"\n"),
        Arguments.of("SamAccountName EmailAddress\n-------------- ------------\nmmueller       m.mueller@contoso.com\n",
            "SamAccountName EmailAddress\n-------------- ------------\n<user>       <email>\n"),
        // a key/value list's rows after its first key word's row, whatever their keys; a uid column's numbers are ids
        Arguments.of("| Field        | Value          |\n|--------------|----------------|\n| Assignee     | Sem Bakker     |\n"
                + "| Reporter     | Rebecca Yılmaz |\n| Sprint       | Billing 24.12  |\n",
            "| Field        | Value          |\n|--------------|----------------|\n| Assignee     | <name>     |\n"
                + "| Reporter     | <name> |\n| Sprint       | Billing 24.12  |\n"),
        Arguments.of("ldap.bind_dn,cn=svc-billing\nldap.bind_password,g#t+PE^%kMpH%BoBj3\npassword_policy.min_length,12\n",
            "ldap.bind_dn,cn=svc-billing\nldap.bind_password,<secret>\npassword_policy.min_length,12\n"),
        Arguments.of("\"dn\",\"uid\",\"cn\",\"userPassword\"\n\"uid=jdoe,dc=io\",\"jdoe\",\"Jane Doe\",\"Sommer2024!x\"\n"
                + "\"ou=groups,dc=io\",\"1001\",\"Backup Group\",\"\"\n",
            "\"dn\",\"uid\",\"cn\",\"userPassword\"\n\"uid=<user>,dc=io\",\"<user>\",\"<name>\",\"<secret>\"\n"
                + "\"ou=groups,dc=io\",\"1001\",\"Backup Group\",\"\"\n"),
        // capitals' names over columns aligned by blanks: ps aux, column -t
        Arguments.of("USER         PID %CPU COMMAND\nroot           1  0.0 /sbin/init\ntrodriguez 30112  0.0 -bash\n",
            "USER         PID %CPU COMMAND\nroot           1  0.0 /sbin/init\n<user> 30112  0.0 -bash\n"),
        Arguments.of("SERVICE   LOGIN       PASSWORD          OWNER\ngrafana   admin       maggio_falcon-23  Team SRE\n"
                + "jenkins   svc-deploy  Bk#ysrtMKus4bc    Dana Whitfield\n",
            "SERVICE   LOGIN       PASSWORD          OWNER\ngrafana   admin       <secret>  Team SRE\n"
                + "jenkins   <user>  <secret>    <name>\n"),
        // a user authenticated by the OS: Oracle's EXTERNAL in place of a password, which stays
        Arguments.of("USERNAME    PASSWORD\n----------- ----------\nJSMITH      EXTERNAL\n",
            "USERNAME    PASSWORD\n----------- ----------\n<user>      EXTERNAL\n"),
        // the table ends at a blank line: what follows is no row of it
        Arguments.of("user,password\njdoe,Secret99!\n\nfoo,bar\n", "user,password\n<user>,<secret>\n\nfoo,bar\n"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "Checked the user, the group, and the password.\nok, fine, yes, no\n",
        // psql's description of a table: its column names are rows, the header names none
        "                Table \"public.users\"\n  Column  |  Type   | Collation | Nullable | Default\n"
            + "----------+---------+-----------+----------+---------\n id       | integer |           | not null |\n"
            + " password | text    |           |          |\n username | text    |           | not null | 'x'::text\n",
        "id,host,port\n1,db1,5432\n",
        "id,password\n1,NULL\n2,\n3,\\N\n",
        "id,password_min_length,password_max_age\n1,12,90\n",
        "2026-11-25 10:00:00 | INFO | user | login ok\nnext | a | b | c\n",
        "| name | description |\n|---|---|\n| timeout | how long to wait |\n| retries | how often to try again |\n",
        "fields: user, password\nvalues: a, b\n",
        "id,user,password\n1,root,********\n",
        // blanks alone align no table here: kubectl's columns, a log line with padding
        "NAME                      READY   STATUS    RESTARTS   AGE\npayments-7d9f8b-xk2lp     1/1     Running   0          3d\n",
        // a bare name column among no other personal ones is a product's or a service's; a name beside an owner
        "+----------------------+---------+--------+\n| name                 | sku     | price  |\n"
            + "+----------------------+---------+--------+\n| Standing Desk Frame  | DS-4410 | 319.00 |\n",
        "| Name         | Owner    | Version |\n|--------------|----------|---------|\n| reset-worker | identity | 3.8.0   |\n",
        // display names alone are services' and groups' (Get-Service | ft, a directory's groups)
        "Status   Name               DisplayName\n------   ----               -----------\n"
            + "Running  WinDefend          Microsoft Defender Antivirus Service\n",
        // documentation's tables: a measure under "CPU user", a sentence under a key/value list's "user"
        "| what | wall | CPU user |\n|---|---|---|\n| redact on 8 files | 18.2 s, 20.4 s | 33.2 s, 36.8 s |\n",
        "| | |\n|---|---|\n| image | distroless |\n| user | uid/gid 10001, `runAsNonRoot`, no privilege escalation |\n",
        // (a hunt for false positives) teams' and services' names under a person's column, automation's accounts
        "| Client ID | Owner | Service user |\n|---|---|---|\n| payments-portal | Payments Squad | - |\n"
            + "| grafana | Site Reliability | - |\n",
        "\"SamAccountName\",\"DisplayName\"\n\"-\",\"Veeam Backup Service\"\n\"-\",\"SQL Server Engine\"\n",
        "flag,owner_team,created_by,description\nnew-login-page,identity-team,release-bot,Redesigned login form\n"
            + "dark-mode,web-team,dependabot[bot],Theme\n",
        // Stripe's publishable key is public by design, under any key
        "key,value\nstripe.publishable_key,pk_live_51H8xYzAbCdEfGhIjKlMnOpQr\n",
        // rows of a table whose header typed no column are no headers: a settings list, a runbook's key table
        "| Variable_name                        | Value  |\n+--------------------------------------+--------+\n"
            + "| validate_password.check_user_name    | ON     |\n| validate_password.length             |     12 |\n",
        "| key | type | default | description |\n|---|---|---|---|\n| db.user | string | app | Database user name |\n"
            + "| db.password | string | (none) | The database password; read from the secret store |\n",

        "user  logged in\n----- --\nok\n");
  }

  @Test
  void aCutIsRefusedWhereATableMayGoOn() {
    assertThat(mayContinue("1,jdoe,Secret1\n", "2,asmith,Secret2\n")).isTrue();
    assertThat(mayContinue("----+------\n", "  1 | jdoe\n")).isTrue();
    assertThat(mayContinue(" id | user\n", "----+------\n")).isTrue();
    assertThat(mayContinue("+----+\n", "+----+\n")).isTrue();
    assertThat(mayContinue("\"a,b\",c\n", "d,e\n")).as("quoted comma").isTrue();
    assertThat(mayContinue("1,jdoe,Secret1\n", "(2 rows)\n")).isFalse();
    assertThat(mayContinue("1,jdoe,Secret1\n", "\n")).isFalse();
    assertThat(mayContinue("GET /index.html 200\n", "GET /app.js 200\n")).isFalse();
    assertThat(mayContinue("a, b and c\n", "d; e\n")).isFalse();
  }

  private static boolean mayContinue(String prev, String line) {
    byte[] b = (prev + line).getBytes(StandardCharsets.UTF_8);
    int at = prev.getBytes(StandardCharsets.UTF_8).length;
    return Redactor.mayContinueTable(b, 0, at, b.length);
  }

  @Provide
  Arbitrary<List<String>> logLines() {
    // (not a line of the header's shape right above it: that reads as one more row of a table above, whose header
    // typed none of its columns, as | Variable_name | Value | over a row | check_user_name | ON | does)
    return Arbitraries.of("2026-11-25 10:00:00 INFO started", "GET /health 200 3ms", "user=jane logged in",
        "a,b", "x | y", "", "(3 rows)", "done.").list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * Tables among log lines over ~2.5 MiB: every planted password in a password column is replaced, wherever the
   * stream's windows fall, and the stream gives what one in-memory redaction gives.
   */
  @Property(tries = 10)
  void everyRowIsTypedAcrossTheStreamsWindows(@ForAll("logLines") List<String> between,
      @ForAll("delimiters") String delimiter) throws IOException {
    StringBuilder in = new StringBuilder();
    int planted = 0;
    for (int table = 0; in.length() < 5 << 19; table++) {
      in.append(String.join("\n", between)).append('\n');
      in.append("id").append(delimiter).append("login").append(delimiter).append("password").append('\n');
      for (int row = 0; row < 40 + table % 3000; row++) {
        String pw = "Pw" + table + "x" + row + "!q";
        planted++;
        in.append(row).append(delimiter).append("user").append(row).append(delimiter).append(pw).append('\n');
      }
    }
    String text = in.toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MASK.redact(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, new RedactionCounter());
    String streamed = out.toString(StandardCharsets.UTF_8);
    assertThat(streamed).isEqualTo(MASK.redact(text));
    assertThat(planted).isGreaterThan(1000);
    assertThat(java.util.regex.Pattern.compile("Pw[0-9]+x[0-9]+!q").matcher(streamed).find())
        .as("a planted password survived").isFalse();
  }

  @Provide
  Arbitrary<String> delimiters() {
    return Arbitraries.of(",", ";", "\t", " | ");
  }
}
