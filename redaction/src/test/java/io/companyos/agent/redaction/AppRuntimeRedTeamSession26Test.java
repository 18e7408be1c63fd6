package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 26's red team of application runtimes' error and debug output (788 lines: Python, Node, Go, Ruby, PHP,
 * .NET, Java; report in docs/redaction.md). Each redacted case leaked before; the unchanged cases were replaced
 * before or are look-alikes.
 */
class AppRuntimeRedTeamSession26Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // a password's confirmation, beside the password of every sign-up and change form
        Arguments.of("  Parameters: {\"user\"=>{\"password\"=>\"N3wPassw0rd!\", \"password_confirmation\"=>\"N3wPassw0rd!\"}}",
            "  Parameters: {\"user\"=>{\"password\"=>\"<secret>\", \"password_confirmation\"=>\"<secret>\"}}"),
        Arguments.of("    passwordConfirm: 'C0nfirm!Pw2024',", "    passwordConfirm: '<secret>',"),
        Arguments.of("{\"email\":\"x\",\"passwordConfirmation\":\"C0nfirm!Pw2024\"}",
            "{\"email\":\"x\",\"passwordConfirmation\":\"<secret>\"}"),
        // an ORM's numbered parameters: SQLAlchemy's bound dict, EF Core's captured variables
        Arguments.of("INFO sqlalchemy.engine.Engine [generated in 0.00021s] {'username_1': 'dpatel', 'password_1': 'Cr1cket&Tea'}",
            "INFO sqlalchemy.engine.Engine [generated in 0.00021s] {'username_1': '<user>', 'password_1': '<secret>'}"),
        Arguments.of("[cached since 4.2s ago] {'password_2': 'S3c0ndP4ss!', 'token_1': 'tOk3nV4lu3AbCdEf'}",
            "[cached since 4.2s ago] {'password_2': '<secret>', 'token_1': '<secret>'}"),
        Arguments.of("Executed DbCommand (5ms) [Parameters=[@__username_0='asouza' (Size = 256), @__password_1='Ana!Souza2024' (Size = 4000)]",
            "Executed DbCommand (5ms) [Parameters=[@__username_0='<user>' (Size = 256), @__password_1='<secret>' (Size = 4000)]"),
        // PHP's var_dump
        Arguments.of("array(3) { [\"username\"]=> string(10) \"mrivera\" [\"password\"]=> string(11) \"R1vera!2024\" [\"remember\"]=> bool(true) }",
            "array(3) { [\"username\"]=> string(10) \"<user>\" [\"password\"]=> string(11) \"<secret>\" [\"remember\"]=> bool(true) }"),
        // the value a validation error repeats, typed by its field
        Arguments.of("[Field error in object 'registrationRequest' on field 'password': rejected value [Spr1ngRej3cted]; codes [Pattern]",
            "[Field error in object 'registrationRequest' on field 'password': rejected value [<secret>]; codes [Pattern]"),
        Arguments.of("{\"detail\":[{\"type\":\"string_too_short\",\"loc\":[\"body\",\"password\"],\"msg\":\"String should have at least 12 characters\",\"input\":\"FastAp1Pw\",\"ctx\":{\"min_length\":12}}]}",
            "{\"detail\":[{\"type\":\"string_too_short\",\"loc\":[\"body\",\"password\"],\"msg\":\"String should have at least 12 characters\",\"input\":\"<secret>\",\"ctx\":{\"min_length\":12}}]}"),
        Arguments.of("1 validation error for RegisterIn\npassword\n  String should match pattern '^.{12,}$' [type=string_pattern_mismatch, input_value='Pyd4nticRej3ct', input_type=str]",
            "1 validation error for RegisterIn\npassword\n  String should match pattern '^.{12,}$' [type=string_pattern_mismatch, input_value='<secret>', input_type=str]"),
        // FortiGate's msg="User x …" keeps its user
        Arguments.of("date=2024 msg=\"User alice failed in authentication\"", "date=2024 msg=\"User <user> failed in authentication\""),
        // Node's util.inspect of response headers: each Set-Cookie of the list
        Arguments.of("      'set-cookie': [ 'SESSION=YzFhMmIzYzQtZDVlNi00Zjc4LTkwMTItMzQ1Njc4OWFiY2Rl; Path=/; HttpOnly' ],",
            "      'set-cookie': [ 'SESSION=<secret>; Path=/; HttpOnly' ],"),
        Arguments.of("    headers: { 'set-cookie': [ 'JSESSIONID=AbCdEf0123456789XyZ; Path=/', 'AWSELB=0F1E2D3C4B5A69788796A5B4C3D2E1F0; PATH=/' ], server: 'nginx' },",
            "    headers: { 'set-cookie': [ 'JSESSIONID=<secret>; Path=/', 'AWSELB=<secret>; PATH=/' ], server: 'nginx' },"),
        // ASP.NET Core Identity's password hashes; Werkzeug's debugger PIN
        Arguments.of("Executed DbCommand (1ms) [Parameters=[@p0='hsato' (Size = 256), @p1='" + IDENTITY_HASH + "' (Size = 4000)]",
            "Executed DbCommand (1ms) [Parameters=[@p0='hsato' (Size = 256), @p1='<password_hash>' (Size = 4000)]"),
        Arguments.of(" * Debugger PIN: 142-857-309", " * Debugger PIN: <secret>"),
        // PHP stack traces' frames print the calls' arguments
        Arguments.of("#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(65): PDO->__construct('mysql:host=mysq...', 'laravel', 'L4r4v3lDBp4ss', Array)",
            "#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(65): PDO->__construct('mysql:host=mysq...', '<user>', '<secret>', Array)"),
        Arguments.of("#1 /var/www/html/wp-includes/class-wpdb.php(1987): mysqli_real_connect(Object(mysqli), 'db.example.com', 'wpuser', 'WpDbP4ss!', 'wordpress', 3306, NULL, 0)",
            "#1 /var/www/html/wp-includes/class-wpdb.php(1987): mysqli_real_connect(Object(mysqli), 'db.example.com', '<user>', '<secret>', 'wordpress', 3306, NULL, 0)"),
        Arguments.of("#0 /var/www/html/lib/Redis.php(22): Redis->auth('PhpR3disAuth!')", "#0 /var/www/html/lib/Redis.php(22): Redis->auth('<secret>')"),
        Arguments.of("#1 /var/www/html/lib/Mail.php(40): PHPMailer\\PHPMailer\\SMTP->authenticate('alerts', 'PhpM4iler!Pw', 'LOGIN', NULL)",
            "#1 /var/www/html/lib/Mail.php(40): PHPMailer\\PHPMailer\\SMTP->authenticate('<user>', '<secret>', 'LOGIN', NULL)"),
        Arguments.of("#2 /var/www/html/app/Services/Billing.php(42): Stripe\\StripeClient->__construct('sk_live_51Hx9Zq...')",
            "#2 /var/www/html/app/Services/Billing.php(42): Stripe\\StripeClient->__construct('<secret>...')"),
        // an ORM's bound parameters, typed by the statement's columns: TypeORM's (PostgreSQL's $N, MySQL's ?), MyBatis'
        Arguments.of("query: SELECT \"User\".\"id\" FROM \"user\" \"User\" WHERE \"User\".\"username\" = $1 AND \"User\".\"password\" = $2 -- PARAMETERS: [\"hsato\",\"Typ30rmP4ss!\"]",
            "query: SELECT \"User\".\"id\" FROM \"user\" \"User\" WHERE \"User\".\"username\" = $1 AND \"User\".\"password\" = $2 -- PARAMETERS: [\"<user>\",\"<secret>\"]"),
        Arguments.of("query: SELECT `id` FROM `user` WHERE `password` = ? AND `id` = ? -- PARAMETERS: [\"Typ30rmP4ss!\",42]",
            "query: SELECT `id` FROM `user` WHERE `password` = ? AND `id` = ? -- PARAMETERS: [\"<secret>\",42]"),
        Arguments.of("DEBUG 1 --- [exec-1] c.a.mapper.UserMapper.findByLogin : ==>  Preparing: SELECT id FROM users WHERE username = ? AND password = ?\n"
            + "DEBUG 1 --- [exec-1] c.a.mapper.UserMapper.findByLogin : ==> Parameters: hsato(String), MyB4tisPw!(String)",
            "DEBUG 1 --- [exec-1] c.a.mapper.UserMapper.findByLogin : ==>  Preparing: SELECT id FROM users WHERE username = ? AND password = ?\n"
            + "DEBUG 1 --- [exec-1] c.a.mapper.UserMapper.findByLogin : ==> Parameters: <user>(String), <secret>(String)"),
        Arguments.of("==>  Preparing: INSERT INTO users (username, password, real_name, age) VALUES (?, ?, ?, ?)\n"
            + "==> Parameters: lwei(String), MyB4t(s)Ins!(String), Li Wei(String), 30(Integer)",
            "==>  Preparing: INSERT INTO users (username, password, real_name, age) VALUES (?, ?, ?, ?)\n"
            + "==> Parameters: <user>(String), <secret>(String), <name>(String), 30(Integer)"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        // Go's %+v of a struct with empty fields: the next field is no value
        "2024/03/12 10:11:12 config: {Host:localhost Port:5432 User: Password: Database:app}",
        "2024/03/12 10:11:13 config: &{Addr:127.0.0.1:6379 Password: DB:0}",
        "2024/03/12 10:11:12 token: &{AccessToken: TokenType: RefreshToken: Expiry:0001-01-01 00:00:00 +0000 UTC}",
        "2024/03/12 10:11:14 cfg: {Endpoint:https://api.globex.com Token: Timeout:30s Retries:3}",
        "time=\"2024-03-12T10:11:12Z\" level=info msg=\"user login\" user_id=42",
        // validation messages under a password key
        "{\"message\":\"The given data was invalid.\",\"errors\":{\"password\":[\"The password must be at least 8 characters.\"]}}",
        "{\"password\": [\"This field is required.\"], \"email\": [\"Enter a valid email address.\"]}",
        "{\"type\":\"about:blank\",\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"Password\":[\"The Password field is required.\"]}}",
        "{'password': ['Shorter than minimum length 8.']}",
        "Field error in object 'registrationRequest' on field 'password': rejected value [null]; codes [NotBlank]",
        "Field error in object 'userForm' on field 'age': rejected value [-3]; codes [Min.userForm.age]",
        // dotenv's files
        " - Environments: .env.local, .env",
        "info  - Loaded env from /app/.env.production.local",
        // tools' own masks and placeholders, JavaScript's literals
        "    password: undefined,",
        "    password: false,",
        "db.users.find({ active: true }, { projection: { password: 0 } })",
        "//registry.npmjs.org/:_authToken = (protected)",
        "Password=********;",
        "\"vars\": {\"password\": \"'[Filtered]'\"}",
        "const user = await User.findOne({ email }).select('-password');",
        "      WHERE [u].[UserName] = @__username_0 AND [u].[Password] = @__password_1",
        "select * from users where id=? and password=?|select * from users where id=7 and password=''",
        "AQAAAAEAACcQAAAAE is too short to be a hash",
        "#4 /var/www/html/app/Http/Controllers/AuthController.php(18): Illuminate\\Auth\\SessionGuard->attempt(Array, false)",
        "#0 /var/www/html/src/Db.php(18): mysqli->__construct('127.0.0.1')",
        "query: SELECT \"id\" FROM \"orders\" WHERE \"status\" = $1 -- PARAMETERS: [\"shipped\"]",
        "==>  Preparing: SELECT id FROM orders WHERE status = ?\n==> Parameters: shipped(String)");
  }

  private static final String IDENTITY_HASH =
      "AQAAAAIAAYagAAAAEJx7Lm2Pq4Rs6Tu8Vw0Xy2Za4Bc6De8Fg0Hi2Jk4Lm6No8Pq0Rs2Tu4Vw6Xy8Za==";
}
