package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 28: the artifacts a vendor's support asks a customer for when a web application misbehaves (browser HAR
 * exports, API clients' collections and traces) and web applications' telemetry, error trackers and login flows.
 * Each redacted case left a value whole (or broke its line) before; the unchanged cases are look-alikes of the same
 * shapes.
 */
class SupportArtifactsSession28Test extends RedactedAndKeptCases {

  static Stream<Arguments> redacted() {
    return Stream.of(
        // a cookie header as a HAR file's name/value pair, on one line and pretty-printed over two
        Arguments.of("{\"name\":\"Cookie\",\"value\":\"JSESSIONID=9D1E2F3A4B5C6D7E8F90A1B2C3D4E5F6; "
            + "remember_me=eyJ1c2VyIjoiamFuZSJ9; theme=dark\"}",
            "{\"name\":\"Cookie\",\"value\":\"JSESSIONID=<secret>; remember_me=<secret>; theme=dark\"}"),
        Arguments.of("            {\n              \"name\": \"Cookie\",\n              \"value\": "
            + "\"connect.sid=s%3AQx7vB2nM9kL4pR8tW1yZ.abcDEF123; lang=en\"\n            },",
            "            {\n              \"name\": \"Cookie\",\n              \"value\": "
            + "\"connect.sid=<secret>; lang=en\"\n            },"),
        Arguments.of("{\"name\":\"Set-Cookie\",\"value\":\"sid=s%3Aab12Cd34Ef56Gh78.Xy9z; Path=/; HttpOnly\"}",
            "{\"name\":\"Set-Cookie\",\"value\":\"sid=<secret>; Path=/; HttpOnly\"}"),
        Arguments.of("{\"name\": \"set-cookie\",\n \"value\": \"__Host-session=8c1f2e3d4a5b6c7d8e9f; Secure\"}",
            "{\"name\": \"set-cookie\",\n \"value\": \"__Host-session=<secret>; Secure\"}"),
        // a HAR file's cookies list, whatever the cookies' names, and an error tracker's map and string of them
        Arguments.of("\"cookies\":[{\"name\":\"remember_me\",\"value\":\"eyJ1c2VyIjoiamFuZSJ9\",\"path\":\"/\","
            + "\"httpOnly\":true},{\"name\":\"theme\",\"value\":\"dark\"},{\"path\":\"/\",\"value\":\"Qm9iYnlUYWJsZXM\","
            + "\"name\":\"ajs_uid\"}]",
            "\"cookies\":[{\"name\":\"remember_me\",\"value\":\"<secret>\",\"path\":\"/\","
            + "\"httpOnly\":true},{\"name\":\"theme\",\"value\":\"dark\"},{\"path\":\"/\",\"value\":\"<secret>\","
            + "\"name\":\"ajs_uid\"}]"),
        Arguments.of("          \"cookies\": [\n            {\n              \"name\": \"rememberMe\",\n"
            + "              \"value\": \"a81b2c3d4e5f60718293\",\n              \"expires\": null,\n"
            + "              \"httpOnly\": false\n            }\n          ],",
            "          \"cookies\": [\n            {\n              \"name\": \"rememberMe\",\n"
            + "              \"value\": \"<secret>\",\n              \"expires\": null,\n"
            + "              \"httpOnly\": false\n            }\n          ],"),
        Arguments.of("\"request\":{\"cookies\":{\"sessionid\":\"q8w7e6r5t4y3u2i1\",\"theme\":\"dark\",\"n\":3,"
            + "\"csrftoken\":\"Zk3J9xQ2mP7vL1nR8tY4wZ6b\"}}",
            "\"request\":{\"cookies\":{\"sessionid\":\"<secret>\",\"theme\":\"dark\",\"n\":3,"
            + "\"csrftoken\":\"<secret>\"}}"),
        Arguments.of("\"cookies\": \"_app_session=9f8e7d6c5b4a39281706; locale=de\"",
            "\"cookies\": \"_app_session=<secret>; locale=de\""),
        // the value of a cookie pair that starts a line (a shell's X=a; cmd): the semicolon separates, it stays
        Arguments.of("JSESSIONID=9D1E2F3A4B5C6D7E8F90A1B2C3D4E5F6; _ga=GA1.2.12345.67890",
            "JSESSIONID=<secret>; _ga=GA1.2.12345.67890"),
        Arguments.of("PGPASSWORD=Tr0ub4dor3x; psql -h db -U app", "PGPASSWORD=<secret>; psql -h db -U <user>"),
        // curl's cookies and devtools' "Copy as PowerShell"
        Arguments.of("curl -b \"_app_session=567085717f8686236bbb1e63023439933f2ddce9\" https://api.example.org/v1/x",
            "curl -b \"_app_session=<secret>\" https://api.example.org/v1/x"),
        Arguments.of("curl --cookie 'sid=Qm9iYnlUYWJsZXMxMjM; lang=en' https://api.example.org/",
            "curl --cookie 'sid=<secret>; lang=en' https://api.example.org/"),
        Arguments.of("$session.Cookies.Add((New-Object System.Net.Cookie(\"app_session\", "
            + "\"MzBctBhf4keQyv5cf3GdCMew80I7QxdTnTXFuR10UDz8\", \"/\", \"portal.example.org\")))",
            "$session.Cookies.Add((New-Object System.Net.Cookie(\"app_session\", \"<secret>\", \"/\", "
            + "\"portal.example.org\")))"),
        // Django's CSRF token, Insomnia's hmacKey, one-time and recovery codes, pw in JSON escaped in a string
        Arguments.of("  -H 'x-csrftoken: SQCLpVQ7zR6bYpKm2L0EKkpeJfZZBqa1Z93xwjCCLfVm' \\",
            "  -H 'x-csrftoken: <secret>' \\"),
        Arguments.of("{\"headers\": {\"X-CSRFToken\": \"VxtAkVNKtSmigHWYG2l4Ftxgo3Zw0MsQEZLyl7pW\"}}",
            "{\"headers\": {\"X-CSRFToken\": \"<secret>\"}}"),
        Arguments.of("{\"hmacKey\": \"LQ/xWBszmf0qVH6x18EspAHh8D2fkQVZzTEumi7CXV4=\"}", "{\"hmacKey\": \"<secret>\"}"),
        Arguments.of("{\"username\": \"jdoe\", \"otp\": \"492817\"}", "{\"username\": \"<user>\", \"otp\": \"<secret>\"}"),
        Arguments.of("{\"otp_attempt\": \"428913\"}", "{\"otp_attempt\": \"<secret>\"}"),
        Arguments.of("{\"totp\":{\"backup_codes\":[\"84726193\",\"30518827\"]}}",
            "{\"totp\":{\"backup_codes\":[\"<secret>\",\"<secret>\"]}}"),
        Arguments.of("{\"text\": \"{\\\"token\\\": \\\"7047a1b2c3d4\\\", \\\"pw\\\": \\\"NewP4ss!Nemesis\\\"}\"}",
            "{\"text\": \"{\\\"token\\\": \\\"<secret>\\\", \\\"pw\\\": \\\"<secret>\\\"}\"}"),
        // an OAuth authorization code outside a query: a form body's first field, prose, a token request, HAR's pair
        Arguments.of("POST /signin-oidc body: code=kOOwylnEPZGl2vtJ7Jx5BFdutDz1UAyBpkS5D0aXFxi&state=xyz",
            "POST /signin-oidc body: code=<secret>&state=xyz"),
        Arguments.of("Token exchange failed for code=nncv6JIsGoVKhcQ9F5MuF7mhuNql2rpu redirect_uri=https://rp.example.org/cb",
            "Token exchange failed for code=<secret> redirect_uri=https://rp.example.org/cb"),
        Arguments.of("{\"grant_type\": \"authorization_code\", \"code\": \"2amwNKTJUq1d5ou2Z3OgLXkJ\", \"client_id\": \"web\"}",
            "{\"grant_type\": \"authorization_code\", \"code\": \"<secret>\", \"client_id\": \"web\"}"),
        Arguments.of("{\"queryString\": [{\"name\": \"code\",\n  \"value\": \"0.AX0Abd68ZkQ6vbrrEGkxKG59TO4WJ1eDQfl\"}]}",
            "{\"queryString\": [{\"name\": \"code\",\n  \"value\": \"<secret>\"}]}"),
        // SAML: the redirect binding's request, a message in base64 after a label
        Arguments.of("GET /saml/sls?SAMLRequest=fZFNT8MwDIbv%2FIrKd9c0a9fYBJOmSUMaX4LWyGyew8srnH63DSVzk1azyKL6h9T&RelayState=%2F",
            "GET /saml/sls?SAMLRequest=<secret>&RelayState=%2F"),
        Arguments.of("saml2.sp SAMLResponse (base64): " + SAML_RESPONSE_BASE64 + " done",
            "saml2.sp SAMLResponse (base64): <secret> done"),
        // session stores' keys and a password reset link's token
        Arguments.of("127.0.0.1:6379> GET \"sess:to6EdEVT-OTEDIUUbIq7uL5mGuzoEXAL\"", "127.0.0.1:6379> GET \"sess:<secret>\""),
        Arguments.of("127.0.0.1:6379> DEL rack:session:9c8b7a6f5e4d3c2b1a0f9e8d7c6b", "127.0.0.1:6379> DEL rack:session:<secret>"),
        Arguments.of("GET \"magiclink:C06cCbGDzM9Svs1Xpmo3epT5d9Rme1rqk1cfcQrum\"", "GET \"magiclink:<secret>\""),
        Arguments.of("3) \"sess:hGDKcAPIyNiymfZGgUCxGUTQhpwWk_WM\"", "3) \"sess:<secret>\""),
        Arguments.of("GET \"django.contrib.sessions.cacheggokzdlef51r79o4rxqrciuwk\"",
            "GET \"django.contrib.sessions.cache<secret>\""),
        Arguments.of("form=<QueryDict: {'csrfmiddlewaretoken': ['cRrgZpptt82vbyrgQHlbTrQWMH05IQQ6'], 'next': ['/']}>",
            "form=<QueryDict: {'csrfmiddlewaretoken': ['<secret>'], 'next': ['/']}>"),
        Arguments.of("\"GET /accounts/reset/MTA4/cb8-wV4bIOneubRGAXxfD826wwJ4zHKvlgxp/ HTTP/1.1\" 200",
            "\"GET /accounts/reset/MTA4/<secret>/ HTTP/1.1\" 200"),
        Arguments.of("Forbidden: /accounts/password_reset/confirm/MTA4/cb8-wV4bIOneubRGAXxfD826wwJ4zHKvlgxp/",
            "Forbidden: /accounts/password_reset/confirm/MTA4/<secret>/"),
        // Postman's API key auth (the entry named "value" holds the key), REST Client's user and password in clear
        Arguments.of("{\"apikey\": [{\"key\": \"value\", \"value\": \"CBVbOkUU9azAdmbeEF5T7lwxo0HyTBdp\", \"type\": \"string\"},"
            + " {\"key\": \"key\", \"value\": \"X-API-KEY\"}]}",
            "{\"apikey\": [{\"key\": \"value\", \"value\": \"<secret>\", \"type\": \"string\"},"
            + " {\"key\": \"key\", \"value\": \"X-API-KEY\"}]}"),
        Arguments.of("Authorization: Basic mdyson T800-Neural-Net", "Authorization: Basic <user> <secret>"),
        Arguments.of("Authorization: Digest tech.ops Kyle-Reese-84\n", "Authorization: Digest <user> <secret>\n"),
        // error trackers' user objects, SCIM's formatted name and address, an authenticator's account
        Arguments.of("{\"usr\":{\"id\":\"ppotts\",\"name\":\"Pepper Potts\"}}", "{\"usr\":{\"id\":\"<user>\",\"name\":\"<name>\"}}"),
        Arguments.of("{\"name\": {\"givenName\": \"Jill\", \"familyName\": \"Valentine\", \"formatted\": \"Jill Valentine\"}}",
            "{\"name\": {\"givenName\": \"<name>\", \"familyName\": \"<name>\", \"formatted\": \"<name>\"}}"),
        Arguments.of("\"addresses\": [{\"type\": \"work\", \"formatted\": \"100 Universal City Plaza, Hollywood\"}]",
            "\"addresses\": [{\"type\": \"work\", \"formatted\": \"<address>\"}]"),
        Arguments.of("otpauth://totp/GitHub:rbatty-nx6?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=GitHub",
            "otpauth://totp/GitHub:<user>?secret=<secret>&issuer=GitHub"),
        // a customer host after a URL's percent escape: the escape's digits are no part of it
        Arguments.of("redirect_uri=https%3A%2F%2Fportal.corp.internal%2Fauth%2Fcallback",
            "redirect_uri=https%3A%2F%2F<host>%2Fauth%2Fcallback"),
        Arguments.of("login_hint=%22jane.doe%40example.com%22&prompt=login", "login_hint=%22<email>%22&prompt=login"),
        // (the held-out red team of web artifacts) an error tracker's pairs, also pretty-printed one item a line
        Arguments.of("{\"headers\": [[\"Cookie\", \"_app_session=Pq7Lm2Xz9Rt4Vb8Nc1Kd6\"]], "
            + "\"cookies\": [[\"_app_session\", \"Pq7Lm2Xz9Rt4Vb8Nc1Kd6\"], [\"theme\", \"dark\"]]}",
            "{\"headers\": [[\"Cookie\", \"_app_session=<secret>\"]], "
            + "\"cookies\": [[\"_app_session\", \"<secret>\"], [\"theme\", \"dark\"]]}"),
        Arguments.of("    \"query_string\": [\n      [\n        \"token\",\n        \"Jm4Xr2LmX4vN7pKt1WsYd9Fb\"\n      ],\n"
            + "      [\n        \"Cookie\",\n        \"_app_session=Kk8Lm2Xz9Rt4Vb8Nc1Kd6\"\n      ]\n    ]",
            "    \"query_string\": [\n      [\n        \"token\",\n        \"<secret>\"\n      ],\n"
            + "      [\n        \"Cookie\",\n        \"_app_session=<secret>\"\n      ]\n    ]"),
        // PHP's sessions, a form body's + for a blank, a link inside a link
        Arguments.of("get sess_q3v9n2k7l1m8p4r6t0s5u2w9x1", "get sess_<secret>"),
        Arguments.of("login_ok|b:1;csrf|s:32:\"7c1e9a3f5b2d4e6a8c0b1d3f5a7c9e2b\";user_email|s:16:\"jane@example.com\";"
            + "theme|s:4:\"dark\";",
            "login_ok|b:1;csrf|s:32:\"<secret>\";user_email|s:16:\"<email>\";theme|s:4:\"dark\";"),
        Arguments.of("type=card&card[number]=5105+1051+0510+5100&billing_details[name]=Tomasz+Nowak&x=1",
            "type=card&card[number]=<card>&billing_details[name]=<name>&x=1"),
        Arguments.of("link=https%3A%2F%2Fapp.example.com%2F%3FoobCode%3DX%26apiKey%3DAIzaSyD3kL9mN2pQ7rS5tU8vW1xY4zA6bC0dE2f",
            "link=https%3A%2F%2Fapp.example.com%2F%3FoobCode%3DX%26apiKey%3D<token>"),
        // (the red team of mobile and commerce backends) push tokens, WooCommerce's keys, WordPress' keys, device ids,
        // a voucher's PIN, Odoo's login
        Arguments.of("{\"to\":\"ExponentPushToken[u_ywmSiPWZuGd68JLm7UKn]\"}", "{\"to\":\"<token>]\"}"),
        Arguments.of("GET /wp-json/wc/v3/orders?consumer_key=ck_0123456789abcdef0123456789abcdef01234567",
            "GET /wp-json/wc/v3/orders?consumer_key=<token>"),
        Arguments.of("define( 'NONCE_KEY', '+VfJZ1?P1fx#k%Lq]2b' );", "define( 'NONCE_KEY', '<secret>' );"),
        Arguments.of("{\"idfv\":\"04746933-0CBA-4F3B-9C2E-8D1A2B3C4D5E\",\"gaid\":\"38400000-8cf0-11bd-b23e-10b96e40000d\"}",
            "{\"idfv\":\"<device_id>\",\"gaid\":\"<device_id>\"}"),
        Arguments.of("android_id=9774d56d682e549c", "android_id=<device_id>"),
        Arguments.of("redeem card=GC-1234 pin=4821", "redeem card=GC-1234 pin=<secret>"),
        Arguments.of("Login failed for db:erp login:jdoe from 10.1.2.3", "Login failed for db:erp login:<user> from <ipv4>"),
        Arguments.of("{\"api_key_used\": \"a946c1b284b6b909f4aba1b356beab07-us14\"}", "{\"api_key_used\": \"<token>\"}"),
        Arguments.of("mailchimp sync with 37c1b284b6b909f4aba1b356beab074c-us21 ok", "mailchimp sync with <token> ok"),
        Arguments.of("CreateTransaction license=0668A259D3A94833 company=x", "CreateTransaction license=<secret> company=x"),
        Arguments.of("'access_license_number' => '8D2E4F6A1B3C5D7E',", "'access_license_number' => '<secret>',"),
        Arguments.of("Authorization: Basic eGxrM3ZEdGhpc2lzYWtleTEyMzQ1Ng==", "Authorization: Basic <auth>"),
        Arguments.of("Authorization: Basic mdysonab T800-Neural-Net", "Authorization: Basic <user> <secret>"),
        Arguments.of("saml2.sp session established sp_session=cm4os77na943yGCCrKJchU2rhLKA8pvNXAUPpm9w",
            "saml2.sp session established sp_session=<secret>"),
        Arguments.of("[oidc] exchanging code, verifier=MuzuVY4PAznnDmh-p30JAGbduw2qnFsqQLMEREQb003",
            "[oidc] exchanging code, verifier=<secret>"));
  }

  /** {@code <samlp:Response …><saml:NameID>priya.raman@initech.com</saml:NameID>…}, base64. */
  private static final String SAML_RESPONSE_BASE64 = java.util.Base64.getEncoder().encodeToString(
      ("<samlp:Response ID=\"_6c1f2e\" Version=\"2.0\"><saml:Assertion><saml:Subject><saml:NameID>"
          + "priya.raman@initech.com</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));

  static Stream<String> unchanged() {
    return Stream.of(
        "{\"name\":\"Cookie\",\"value\":\"theme=dark; lang=en\"}",
        "{\"name\":\"Accept-Cookies\",\"value\":\"a81b2c3d4e5f60718293\"}",
        "\"cookies\": [],\n\"headersSize\": 512,",
        "\"cookies\":[{\"name\":\"theme\",\"value\":\"dark\"}],\"headers\":[{\"name\":\"X-Request-Id\","
            + "\"value\":\"3f2a9c1d-7e6b-4a5f-9c1d-7e6b5a4f3f2a\"}]",
        "cookiesEnabled=true cookies: 3 accepted",
        "\"cookies\": {\"count\": 3, \"blocked\": false}",
        // look-alikes of the session's shapes: a schema's types, the Fetch API's mode, Postman's cache buster, a
        // script's expressions, a version in a HAR pair, product names, a Google account index, a scope, a URN
        "{\"query\":\"mutation Login($email: String!, $password: String!) { login(password: $password) { token } }\"}",
        "input LoginInput { password: String! token: [String!]! }",
        "fetch(\"https://x/api\", {\"credentials\": \"include\", \"mode\": \"cors\"})",
        "Postman-Token: \"f383ec40-8329-448f-a0d6-80b744b209df\"",
        "const sig = CryptoJS.HmacSHA256(pm.request.body.toString(), key).toString();",
        "  accessToken: res.body.access_token",
        "{\"name\": \"X-Client-Version\", \"value\": \"2.14.3.1\"}",
        "{\"contexts\": {\"os\": {\"name\": \"Mac OS X\", \"version\": \"10.15.7\"}}}",
        "{\"notifier\":{\"name\":\"Bugsnag JavaScript\",\"version\":\"7.25.0\"}}",
        "https://app.example.org/auth/callback?scope=email+profile+openid&authuser=0&prompt=none",
        "{\"token_type\": \"bearer\", \"scope\": \"read:user,user:email\"}",
        "{\"path\": \"urn:ietf:params:scim:schemas:extension:custom:2.0:User:nationalId\"}",
        "INFO django.request: POST /accounts/login/ 200 user=AnonymousUser",
        "Authorization: Basic realm=\"api\" charset=UTF-8",
        "WWW-Authenticate: Digest realm=\"x\", nonce=\"abc\"",
        "{\"code\": \"ECONNRESET\", \"error_code\": \"AADSTS50011AADSTS50011AADSTS50011\"}",
        "exit code=137 signal=KILL",
        "curl -b cookies.txt -c cookies.txt https://api.example.org/",
        "git checkout -b \"feature/login\"",
        "\"formatted\": \"2024-10-27 10:09\", \"display\": {\"formatted\": \"1,024 MB\"}",
        "processing sess:42 obsess:abcdefgh12345678abcd sess:abcdefghijklmnopqrst",
        "GET /reset/password HTTP/1.1",
        "{\"user\": {\"id\": \"4821337\"}}",
        // record ids under user keys, a board's pin, an ad id with tracking limited, a sum
        "{\"user\":{\"id\":\"u_4096\"},\"user_id\":\"usr_01HRXC9Z2K\",\"node\":{\"user\":{\"id\":\"VXNlcjoyMDk3MTUy\"}}}",
        "gpio pin: 17 pin=GPIO17",
        "{\"adid\":\"00000000-0000-0000-0000-000000000000\"}",
        "sum=1234+5678+9012+3456 name=C++",
        "license=MIT \"license\": \"Apache-2.0\" deploy-us1 region",
        "uses basic eGxrM3ZEdGhpc2lzYWtleTEyMzQ1Ng== auth",
        "user_session=42 max_session=3600 verifier=none",
        // SAML's session index is an opaque reference to the IdP's session: it logs no one in
        "<saml:AuthnStatement AuthnInstant=\"2024-10-27T10:09:57Z\" SessionIndex=\"_be9967abd904ddcae3c0eb4189adbe3f71\"/>",
        // a framework's cookies settings: the attributes' values are no cookies
        "{\"cookies\": {\"domain\": \"portal.example.com\", \"sameSite\": \"Strict\", \"path\": \"/account/\"}}");
  }
}
