package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 24's second red team (Ceph/Rook, ASP.NET, WildFly, Windows and its domain tools, Spring Boot, SQL Server,
 * MinIO, pgBackRest, GlassFish, ODBC, Kubernetes' own messages): each redacted case came out with the secret or the
 * user in clear before (or, for GlassFish's {@code --property user=u:password=x}, with the password inside the user's
 * token, which the reverse map keeps); the unchanged cases were replaced before.
 */
class SecondRedTeamSession24Test extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        // a CephX key in a keyring, and after rbd's --key
        Arguments.of("[client.admin]\n\tkey = AQDAZjNmAAAAABAAo/HCnntdTo+QobLD1OX2Bw==\n\tcaps mon = \"allow *\"",
            "[client.admin]\n\tkey = <secret>\n\tcaps mon = \"allow *\""),
        Arguments.of("rbd map foo --id admin --key AQDAZjNmAAAAABAAo/HCnntdTo+QobLD1OX2Bw==",
            "rbd map foo --id admin --key <secret>"),
        // ASP.NET's machine key; appSettings keys with a namespace
        Arguments.of("<machineKey validationKey=\"C50B3C89CB21F4F1422FF158A5B42D0E8DB8CB5CDA1742572A487D9401E3400267682B\" "
            + "decryptionKey=\"8A9BE8FD67AF6979E7D20198CFEA50DD3D3799C77AF2B72F\" validation=\"SHA1\" />",
            "<machineKey validationKey=\"<secret>\" decryptionKey=\"<secret>\" validation=\"SHA1\" />"),
        Arguments.of("<add key=\"ida:ClientSecret\" value=\"Xy78Q~AbCdEfGhIjKlMnOpQrStUvWxYz0123456789\" />",
            "<add key=\"ida:ClientSecret\" value=\"<secret>\" />"),
        // WildFly: Elytron's credential references, the credential store's alias, the legacy realm's <secret value>
        Arguments.of("<credential-reference clear-text=\"Pz8kQ2vR7mXw\"/>", "<credential-reference clear-text=\"<secret>\"/>"),
        Arguments.of("/subsystem=elytron/credential-store=cs:add-alias(alias=ds-pw, secret-value=\"Pz8kQ2vR7mXw\")",
            "/subsystem=elytron/credential-store=cs:add-alias(alias=ds-pw, secret-value=\"<secret>\")"),
        Arguments.of("    <secret value=\"UHo4a1EydlI3bVh3\"/>", "    <secret value=\"<secret>\"/>"),
        Arguments.of("./vault.sh --keystore vault.keystore --attribute password --sec-attr Pz8kQ2vR7mXw --iteration 120",
            "./vault.sh --keystore vault.keystore --attribute password --sec-attr <secret> --iteration 120"),
        // Windows: auto-logon, the domain tools
        Arguments.of("reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v DefaultPassword /t REG_SZ "
            + "/d Pz8kQ2vR7mXw /f", "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" "
            + "/v DefaultPassword /t REG_SZ /d <secret> /f"),
        Arguments.of("netdom join WS-042 /domain:corp /userd:joiner /passwordd:Pz8kQ2vR7mXw",
            "netdom join WS-042 /domain:corp /userd:joiner /passwordd:<secret>"),
        Arguments.of("winrs -r:srv01 -p:Pz8kQ2vR7mXw ipconfig", "winrs -r:srv01 -p:<secret> ipconfig"),
        Arguments.of("ktpass /out web.keytab /pass Pz8kQ2vR7mXw /crypto AES256-SHA1",
            "ktpass /out web.keytab /pass <secret> /crypto AES256-SHA1"),
        Arguments.of("ksetup /setcomputerpassword Pz8kQ2vR7mXw", "ksetup /setcomputerpassword <secret>"),
        // Spring Boot's messages that print an invalid property's value
        Arguments.of("Property spring.datasource.password with value 'Pz8kQ2vR7mXw' is invalid: must not contain whitespace",
            "Property spring.datasource.password with value '<secret>' is invalid: must not contain whitespace"),
        Arguments.of("Invalid value 'Pz8kQ2vR7mXw' for configuration property 'spring.datasource.password' (originating",
            "Invalid value '<secret>' for configuration property 'spring.datasource.password' (originating"),
        // SQL Server: setup's SAPWD, run-together admin/root/db keys, bcp's and osql's -P
        Arguments.of("setup.exe /Q /ACTION=Install /SAPWD=\"Kq3vN8xB2mP7\"", "setup.exe /Q /ACTION=Install /SAPWD=\"<secret>\""),
        Arguments.of("adminpwd=Kq3vN8xB2mP7", "adminpwd=<secret>"),
        Arguments.of("bcp Orders.dbo.Customers out c.dat -S db01 -U sa -P Kq3vN8xB2mP7 -c",
            "bcp Orders.dbo.Customers out c.dat -S db01 -U sa -P <secret> -c"),
        // MinIO's service account output, pgBackRest's Azure key
        Arguments.of("Access Key: ci-bot\nSecret Key: Pz8kQ2vR7mXwAbCd\nExpiration: no-expiry",
            "Access Key: ci-bot\nSecret Key: <secret>\nExpiration: no-expiry"),
        Arguments.of("repo1-azure-key=YXp1cmVzdG9yYWdla2V5MTIzNDU2Nzg5MA==", "repo1-azure-key=<secret>"),
        // GlassFish's --property: the user's value ends at ':password='
        Arguments.of("asadmin create-jdbc-connection-pool --property user=app:password=Pz8kQ2vR7mXw OrdersPool",
            "asadmin create-jdbc-connection-pool --property user=<user>:password=<secret> OrdersPool"),
        // PowerShell's variables, cmdlet identities; WLST's connect; Camel's RAW(); SQL Server's login procedures
        Arguments.of("PS C:\\> $pw = 'Pz8kQ2vR7mXw!'", "PS C:\\> $pw = '<secret>'"),
        Arguments.of("PS C:\\> Set-Mailbox -Identity jdoe -ForwardingSmtpAddress x", "PS C:\\> Set-Mailbox -Identity <user> -ForwardingSmtpAddress x"),
        Arguments.of("PS C:\\> Get-MailboxStatistics -Identity \"Jane Doe\" | fl DisplayName",
            "PS C:\\> Get-MailboxStatistics -Identity \"<name>\" | fl DisplayName"),
        Arguments.of("PS C:\\> Get-ADUser jdoe -Properties *", "PS C:\\> Get-ADUser <user> -Properties *"),
        Arguments.of("wls:/offline> connect('weblogic','Pz8kQ2vR7mXw','t3://db.example.internal:7001')",
            "wls:/offline> connect('<user>','<secret>','t3://<host>:7001')"),
        Arguments.of(".to(\"sftp://files.example.net/inbox?password=RAW(Pz8k&Q2vR7mXw)&binary=true\")",
            ".to(\"sftp://files.example.net/inbox?password=RAW(<secret>)&binary=true\")"),
        Arguments.of("EXEC sp_addlogin 'jdoe', 'Pz8kQ2vR7mXw', 'Orders';", "EXEC sp_addlogin '<user>', '<secret>', 'Orders';"),
        Arguments.of("EXEC sp_password NULL, 'Pz8kQ2vR7mXw', 'jdoe';", "EXEC sp_password NULL, '<secret>', '<user>';"),
        // users
        Arguments.of("[Principal=Name: [jane.doe], Granted Authorities: [[OIDC_USER]]",
            "[Principal=Name: [<user>], Granted Authorities: [[OIDC_USER]]"),
        Arguments.of("User name                    jdoe\nComment                      Finance",
            "User name                    <user>\nComment                      Finance"),
        Arguments.of("<Data Name=\"DisplayName\">Jane Doe</Data>", "<Data Name=\"DisplayName\"><name></Data>"),
        Arguments.of("[orders]\nUID      = jdoe\nPWD      = Kq3vN8xB2mP7", "[orders]\nUID      = <user>\nPWD      = <secret>"),
        Arguments.of("UID=jdoe;PWD=Kq3vN8xB2mP7;DATABASE=Orders", "UID=<user>;PWD=<secret>;DATABASE=Orders"),
        Arguments.of("HomeDirectory     : \\\\fs01\\home$\\jdoe", "HomeDirectory     : \\\\fs01\\home$\\<user>"),
        Arguments.of("radosgw-admin user create --uid=jdoe --display-name=\"Jane Doe\"",
            "radosgw-admin user create --uid=<user> --display-name=\"<name>\""),
        Arguments.of("Failed to authenticate user CN=Jane Doe,OU=Staff,DC=corp,DC=example,DC=net",
            "Failed to authenticate user CN=<name>,OU=Staff,DC=corp,DC=example,DC=net"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "<machineKey validationKey=\"AutoGenerate,IsolateApps\" decryptionKey=\"AutoGenerate,IsolateApps\" />",
        "  Warning  FailedMount  kubelet  MountVolume.SetUp failed for volume \"db-password\" : secret "
            + "\"orders-db-password\" not found",
        "Error from server (NotFound): secrets \"db-password\" not found",
        "Image Pull Secrets:  regcred\nMountable secrets:   orders-sa-token-abcde",
        "kube_secret_info{namespace=\"payments\",secret=\"db-password\"} 1",
        "[Authentication=UsernamePasswordAuthenticationToken [Principal=org.springframework.security.core.userdetails.User [",
        "keytool -genkeypair -alias shop -keystore shop.jks -storepass:env KS_PW -keypass:file /run/secrets/kp",
        "DRIVER={ODBC Driver 18 for SQL Server};SERVER=db01;Trusted_Connection=yes;Encrypt=yes",
        "az login --service-principal -u 1f2e3d4c-1111-2222-3333-444455556666 --tenant x",
        "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)",
        "reg add \"HKLM\\Software\\X\" /v DefaultPassword /t REG_SZ",
        "the user name is required",
        "db.connect('localhost', 'orders')",
        "PS C:\\> Get-ADUser -Filter * -Properties mail",
        "PS C:\\> Set-ADUser -Identity $user -Enabled $false");
  }
}
