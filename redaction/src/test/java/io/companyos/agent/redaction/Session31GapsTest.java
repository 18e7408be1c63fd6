package io.companyos.agent.redaction;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Session 31: a URL's userinfo without its scheme before an IP address ({@code Connect to jdoe:pw@10.0.0.5:443}),
 * which left the password whole where the same text before a host name lost it ({@link EmailDetector}'s shape); found
 * by {@link BuiltInAccountsTest}'s shapes. Only where a port or a path follows the address, as before a host name.
 * And git's ssh remote {@code git@HOST:path}, which was taken for an e-mail address (session 30's false-positive hunt);
 * the account before a password file's hash (htpasswd users left by session 30's held-out red team); Windows' account
 * lists (wmic useraccount, Get-LocalUser, net user); and the second blind red team on accounts' gaps.
 */
class Session31GapsTest extends RedactedAndKeptCases {
  static Stream<Arguments> redacted() {
    return Stream.of(
        Arguments.of("Connect to jdoe:HookPw99@10.0.0.5:443 failed", "Connect to <user>:<secret>@<ipv4>:443 failed"),
        Arguments.of("Connect to admin:HookPw99@10.0.0.5:443 failed", "Connect to admin:<secret>@<ipv4>:443 failed"),
        Arguments.of("mongosh \"app_rw:S3cr3t!x@10.2.0.9:27017/orders\"", "mongosh \"<user>:<secret>@<ipv4>:27017/orders\""),
        Arguments.of("proxy=jdoe:Pr0xy-Pw@[2001:db8::7]:3128", "proxy=<user>:<secret>@[<ipv6>]:3128"),
        Arguments.of("rsync -av ./out jdoe:pw@10.0.0.5/backup/", "rsync -av ./out <user>:<secret>@<ipv4>/backup/"),
        // a scheme without slashes names no user: SIP's user stays a user, no password
        Arguments.of("Contact: <sip:alice@10.8.3.77:5062>", "Contact: <sip:<user>@<ipv4>:5062>"),
        Arguments.of("INVITE sip:bob@192.0.2.4:5060 SIP/2.0", "INVITE sip:<user>@<ipv4>:5060 SIP/2.0"),
        // no login before the colon
        Arguments.of("at 10:00:01@10.0.0.5:443", "at 10:00:01@<ipv4>:443"),
        // git over ssh is no e-mail address: git stays (a built-in account), an internal host goes as a host
        Arguments.of("git clone git@gitlab.internal:crm/legacy.git", "git clone git@<host>:crm/legacy.git"),
        Arguments.of("notify git@corp.example.com: done", "notify <email>: done"),
        Arguments.of("push git@gitlab.example.com:22/x.git", "push <email>:22/x.git"),
        // the account that starts a password file's line before its hash (the hash went before, the user stayed)
        Arguments.of("katrin38:$2y$10$OqO80P7gs1r5Rh9TmBRVdhOdY6OtT/qsvQobEJPIMpu0d/2ajCo0C\n"
                + "vandenbergi:$apr1$Rpcbh6jd$O6S8msOR/Cwy0.s6pUqw52\ngrafana-proxy:{SHA}MtDgHzGRbJRG72v2hCOJCk+vg5s=\n"
                + "www-data:$apr1$Rpcbh6jd$O6S8msOR/Cwy0.s6pUqw52\n",
            "<user>:<password_hash>\n<user>:<password_hash>\n<user>:<password_hash>\nwww-data:<password_hash>\n"),
        Arguments.of("root:$6$saltsalt$Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1mD4kL7jH2gS6aP0iU3eR9tY1qX4zC8vB5nM2lK0jH7gF6d"
                + ":19000:0:99999:7:::\njdoe:!$6$saltsalt$Z8Yq1lKfV3rQ2e9w0oVq5p3o9bQvG3yF5tW8cN1mD4kL7jH2gS6aP0iU3eR9tY1qX4zC8v"
                + "B5nM2lK0jH7gF6d:19000:0:99999:7:::\n",
            "root:<password_hash>:19000:0:99999:7:::\n<user>:!<password_hash>:19000:0:99999:7:::\n"),
        Arguments.of("password_hash:$2y$10$OqO80P7gs1r5Rh9TmBRVdhOdY6OtT/qsvQobEJPIMpu0d/2ajCo0C",
            "password_hash:<password_hash>"),
        // Windows' account lists (session 30's held-out red team): wmic's mixed-case header over padded cells, an
        // empty cell under a typed column; Get-LocalUser's Name; net user's columns (English, German)
        Arguments.of("Disabled  FullName            Name                SID                                          \n"
                + "TRUE                          Administrator       S-1-5-21-3623811015-3361044348-30300820-500  \n"
                + "FALSE     Maximilian Lehmann  mlehmann            S-1-5-21-3623811015-3361044348-30300820-1002 \n"
                + "FALSE     Łukasz Mazur        lmazur              S-1-5-21-3623811015-3361044348-30300820-1004 \n"
                + "FALSE     Helpdesk (lokal)    helpdesk-local      S-1-5-21-3623811015-3361044348-30300820-1001 \n",
            "Disabled  FullName            Name                SID                                          \n"
                + "TRUE                          Administrator       S-1-5-21-3623811015-3361044348-30300820-500  \n"
                + "FALSE     <name>  <user>            S-1-5-21-3623811015-3361044348-30300820-1002 \n"
                + "FALSE     <name>        <user>              S-1-5-21-3623811015-3361044348-30300820-1004 \n"
                + "FALSE     Helpdesk (lokal)    <user>      S-1-5-21-3623811015-3361044348-30300820-1001 \n"),
        Arguments.of("Name               Enabled Description\n----               ------- -----------\n"
                + "Administrator      False   Built-in account for administering the computer/domain\n"
                + "mlehmann           True    \n",
            "Name               Enabled Description\n----               ------- -----------\n"
                + "Administrator      False   Built-in account for administering the computer/domain\n"
                + "<user>           True    \n"),
        Arguments.of("User accounts for \\\\WS-FIBU-0231\n\n" + "-".repeat(79) + "\n"
                + "Administrator            DefaultAccount           Guest\n"
                + "helpdesk-local           mlehmann                 lmazur\n"
                + "WDAGUtilityAccount\nThe command completed successfully.\n",
            "User accounts for \\\\WS-FIBU-0231\n\n" + "-".repeat(79) + "\n"
                + "Administrator            DefaultAccount           Guest\n"
                + "<user>           <user>                 <user>\n"
                + "WDAGUtilityAccount\nThe command completed successfully.\n"),
        Arguments.of("Benutzerkonten für \\\\WS-01\r\n\r\n" + "-".repeat(79) + "\r\n"
                + "Administrator            jschmidt                 Gast\r\nDer Befehl wurde erfolgreich ausgeführt.\r\n",
            "Benutzerkonten für \\\\WS-01\r\n\r\n" + "-".repeat(79) + "\r\n"
                + "Administrator            <user>                 Gast\r\nDer Befehl wurde erfolgreich ausgeführt.\r\n"),
        // the second blind red team on accounts: id's output (the user and its own group; other groups stay)
        Arguments.of("uid=1001(jdoe) gid=1001(jdoe) groups=1001(jdoe),27(sudo),999(docker)",
            "uid=1001(<user>) gid=1001(<user>) groups=1001(<user>),27(sudo),999(docker)"),
        Arguments.of("uid=1002(a.kowalski) gid=100(users) groups=100(users)", "uid=1002(<user>) gid=100(users) groups=100(users)"),
        // a client's or a command's user flag, on the lines of the commands whose flag it is
        Arguments.of("mysql -h db1 -u jdoe -p orders", "mysql -h db1 -u <user> -p orders"),
        Arguments.of("psql -h db1 -U jdoe orders", "psql -h db1 -U <user> orders"),
        Arguments.of("sudo -u svc_backup /opt/backup/run.sh", "sudo -u <user> /opt/backup/run.sh"),
        Arguments.of("crontab -l -u svc_backup", "crontab -l -u <user>"),
        Arguments.of("ssh -l jdoe db1.example.com uptime", "ssh -l <user> db1.example.com uptime"),
        Arguments.of("$ su - a.kowalski", "$ su - <user>"),
        Arguments.of("kubectl --as=priya.r get pods -n billing", "kubectl --as=<user> get pods -n billing"),
        Arguments.of("kubectl get pods --as jdoe", "kubectl get pods --as <user>"),
        // Oracle's user/password: a built-in user stays, its password goes
        Arguments.of("sqlplus system/Pw1234@orclpdb1", "sqlplus system/<secret>@orclpdb1"),
        Arguments.of("jdbc:oracle:thin:DBSNMP/Pw1234@//db:1521/x", "jdbc:oracle:thin:DBSNMP/<secret>@//db:1521/x"),
        // sudoers: a rule's user and run-as users, an alias' members, a user's Defaults (groups, aliases, ALL and
        // built-in accounts stay)
        Arguments.of("Defaults:svc_backup !requiretty\nUser_Alias DBAS = mlehmann, htanaka, root\n"
                + "%sudo       ALL=(ALL:ALL) ALL\nDBAS        ALL=(postgres) NOPASSWD: ALL\n"
                + "svc_backup  ALL=(root) NOPASSWD: /usr/bin/rsync\nksato       ALL=(etl_loader) /opt/etl/bin/*\n"
                + "ubuntu      ALL=(ALL) NOPASSWD:ALL\n",
            "Defaults:<user> !requiretty\nUser_Alias DBAS = <user>, <user>, root\n"
                + "%sudo       ALL=(ALL:ALL) ALL\nDBAS        ALL=(postgres) NOPASSWD: ALL\n"
                + "<user>  ALL=(root) NOPASSWD: /usr/bin/rsync\n<user>       ALL=(<user>) /opt/etl/bin/*\n"
                + "ubuntu      ALL=(ALL) NOPASSWD:ALL\n"),
        // a PostgreSQL backend's process title in ps
        Arguments.of("postgres 24411 1.3 2.2 4421100 180004 ? Ss 08:01 0:41 postgres: 16/main: app_rw orders 10.1.2.3(50122) idle",
            "postgres 24411 1.3 2.2 4421100 180004 ? Ss 08:01 0:41 postgres: 16/main: <user> orders <ipv4>(50122) idle"),
        Arguments.of("postgres: mlehmann analytics [local] idle in transaction",
            "postgres: <user> analytics [local] idle in transaction"),
        // the account a shell command acts on
        Arguments.of("$ sudo passwd -l tgreen", "$ sudo passwd -l <user>"),
        Arguments.of("  512  chage -M 90 tgreen", "  512  chage -M 90 <user>"),
        Arguments.of("chown -R jsilva:jsilva /srv/reports", "chown -R <user>:<user> /srv/reports"),
        // top's header (TIME+), an access review's account beside personal columns, SQL Server's principals
        Arguments.of("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n"
                + "  25020 mark      20   0  330120  34012  10010 S   0.2   0.4   0:03.1 python3\n"
                + "   1710 elastic+  20   0 9812000   2.2g  31000 S  22.0  28.1 301:10.4 java\n",
            "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n"
                + "  25020 <user>      20   0  330120  34012  10010 S   0.2   0.4   0:03.1 python3\n"
                + "   1710 elastic+  20   0 9812000   2.2g  31000 S  22.0  28.1 301:10.4 java\n"),
        Arguments.of("system,account,display_name,email,type\nweb-prod-03,ubuntu,Ubuntu,,cloud-default\n"
                + "web-prod-03,jkowalski,Jan Kowalski,jan.kowalski@example.com,person\n",
            "system,account,display_name,email,type\nweb-prod-03,ubuntu,Ubuntu,,cloud-default\n"
                + "web-prod-03,<user>,<name>,<email>,person\n"),
        Arguments.of("name                              type_desc     is_disabled\n"
                + "--------------------------------- ------------- -----------\n"
                + "sa                                SQL_LOGIN     1\n"
                + "app_sales                         SQL_LOGIN     0\n",
            "name                              type_desc     is_disabled\n"
                + "--------------------------------- ------------- -----------\n"
                + "sa                                SQL_LOGIN     1\n"
                + "<user>                         SQL_LOGIN     0\n"),
        Arguments.of("export PGUSER=ahassan PGPASSWORD=x", "export PGUSER=<user> PGPASSWORD=<secret>"),
        // an ssh, scp or rsync target whose host has no dot; lastb's ssh:notty; a call is no user (UUID('…'))
        Arguments.of("$ ssh -o StrictHostKeyChecking=no deploy_bot@web-prod-03 'uptime'",
            "$ ssh -o StrictHostKeyChecking=no <user>@web-prod-03 'uptime'"),
        Arguments.of("$ rsync -az ./dist/ deploy_bot@web-prod-04:/srv/app/", "$ rsync -az ./dist/ <user>@web-prod-04:/srv/app/"),
        Arguments.of("admin2   ssh:notty    10.0.0.1   Sat Nov 23 07:11 - 07:11  (00:00)",
            "<user>   ssh:notty    <ipv4>   Sat Nov 23 07:11 - 07:11  (00:00)"),
        Arguments.of("{ _id: 'admin.x', userId: UUID('6e1f0c2b-3a4d-4b5c-8d9e-0f1a2b3c4d5e'), user: 'orders_svc' }",
            "{ _id: 'admin.x', userId: UUID('6e1f0c2b-3a4d-4b5c-8d9e-0f1a2b3c4d5e'), user: '<user>' }"),
        // PostgreSQL's prefix before a replication connection's [unknown] database
        Arguments.of("2024-11-23 08:04:00.000 UTC [24501] replicator@[unknown] LOG:  replication connection authorized",
            "2024-11-23 08:04:00.000 UTC [24501] <user>@[unknown] LOG:  replication connection authorized"),
        // the held-out accounts red team: a domain account after a label's colon (the domain went, the user stayed),
        // a dotted login in a DN, ausearch -i's names, docker's -u
        Arguments.of("Account Name:\t\tCORP\\jsmith", "Account Name:\t\t<user>"),
        Arguments.of("BIND dn=\"uid=a.kowalski,cn=users,cn=accounts,dc=corp,dc=example\" method=128",
            "BIND dn=\"uid=<user>,cn=users,cn=accounts,dc=corp,dc=example\" method=128"),
        Arguments.of("type=USER_LOGIN msg=audit(11/23/2024 09:14:31.201:812) : pid=4242 uid=root auid=fatima.elamrani ses=3",
            "type=USER_LOGIN msg=audit(11/23/2024 09:14:31.201:812) : pid=4242 uid=root auid=<user> ses=3"),
        Arguments.of("docker exec -it -u ahassan orders-api sh", "docker exec -it -u <user> orders-api sh"),
        Arguments.of("$ docker run --rm -u svc_etl:etl img:2.1", "$ docker run --rm -u <user>:etl img:2.1"),
        // listings: ls -l's owner (its own group and home directory too), getfacl, FreeIPA, LDIF's memberUid; prompts
        Arguments.of("total 64\n-rw-r-----. 1 hoa.nguyen dba      1302 Mar 14 08:44 pg_hba.conf.bak\n"
                + "-rw-------. 1 postgres postgres  4821 Mar 13 22:01 pg_hba.conf\n"
                + "drwx------.  3 svc_backup      svc_backup       78 Feb 01 03:00 svc_backup\n",
            "total 64\n-rw-r-----. 1 <user> dba      1302 Mar 14 08:44 pg_hba.conf.bak\n"
                + "-rw-------. 1 postgres postgres  4821 Mar 13 22:01 pg_hba.conf\n"
                + "drwx------.  3 <user>      <user>       78 Feb 01 03:00 <user>\n"),
        Arguments.of("# file: srv/share/finance\n# owner: ihalvorsen\n# group: finance\nuser::rwx\nuser:kmensah:r-x\n"
                + "user:apache:r-x\n",
            "# file: srv/share/finance\n# owner: <user>\n# group: finance\nuser::rwx\nuser:<user>:r-x\n"
                + "user:apache:r-x\n"),
        Arguments.of("  User login: a.kowalski\n  User login: admin\n", "  User login: <user>\n  User login: admin\n"),
        Arguments.of("objectClass: posixGroup\nmemberUid: mlehmann\nmemberUid: root\n",
            "objectClass: posixGroup\nmemberUid: <user>\nmemberUid: root\n"),
        Arguments.of("[hoa.nguyen@db03 ~]$ ls -l /home", "[<user>@db03 ~]$ ls -l /home"),
        Arguments.of("jdoe@web01:~/src$ make", "<user>@web01:~/src$ make"),
        Arguments.of("  First name: Agnieszka\n  Last name: Ní Bhriain\n", "  First name: <name>\n  Last name: <name>\n"),
        Arguments.of("root@fs01:~# net ads user info kmensah -U lbrandt", "root@fs01:~# net ads user info kmensah -U <user>"),
        // not at the line's start: no password file's line
        Arguments.of("hash of x katrin38:$2y$10$OqO80P7gs1r5Rh9TmBRVdhOdY6OtT/qsvQobEJPIMpu0d/2ajCo0C",
            "hash of x katrin38:<password_hash>"));
  }

  static Stream<String> unchanged() {
    return Stream.of(
        "bind 127.0.0.1:8080 ok",
        "ssh git@127.0.0.1:22",
        "remote: git@github.com:acme/x.git",
        // mixed-case aligned headers that list no accounts; a prose line with single blanks; groups, services
        "Caption   Name      ProcessId  \nbash.exe  bash.exe  42         \n",
        "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        50G   20G   30G  40% /\n",
        "Name           Description\n----           -----------\nAdministrators Administrators have complete access\n",
        "Status  Name      DisplayName\n------  ----      -----------\nRunning WinRM     Windows Remote Management\n",
        "Role accounts for \\\\fs01 are listed in the wiki.\n",
        // built-in accounts in the same slots; the flags of other commands
        "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm)",
        "Nov 28 10:00:00 h sudo[1]: ec2-user : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls",
        "Nov 28 10:00:00 h sudo[1]:  cloud-user : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/ls",
        "Account Name:\t\tNETWORK SERVICE",
        "Account Name:\t\tLOCAL SERVICE",
        "C:\\Users\\Default\\NTUSER.DAT",
        "mysql -u root -p", "psql -U postgres", "sudo -u postgres psql", "sudo su - postgres",
        "kubectl get pods --as system:anonymous",
        "sort -u names.txt | uniq -c", "diff -u a.conf b.conf", "docker run -u 1000 img", "ls -l /tmp",
        "mysql -U --safe-updates", "Nessu - x",
        "postgres: 16/main: checkpointer", "postgres: postgres postgres [local] idle",
        "the passwd file was changed", "passwd root", "chown -R www-data:www-data /var/www",
        "Cmnd_Alias PGCTL = /usr/bin/pg_ctlcluster", "%wheel      ALL=(ALL) ALL",
        "web01 kernel: all=(1) set",
        "ssh git@gitlab uptime", "npm install pkg@latest --registry x", "pip install pkg@latest via ssh x",
        "root     ssh:notty    127.0.0.1   Sat Nov 23 07:11 - 07:11  (00:00)",
        "2024-11-23 08:04:00.000 UTC [24501] [unknown]@[unknown] LOG:  connection received: host=[local]",
        "Account Name:\t\tNT AUTHORITY\\SYSTEM", "pam: (uid=11104, gid=11100) opened",
        "type=SYSCALL msg=audit(1.2:3): arch=c000003e syscall=59 auid=1000 uid=0 gid=0 euid=0 ses=4",
        "type=USER_LOGIN msg=audit(1.2:3) : pid=1 uid=root auid=unset ses=4294967295", "docker run -u 1000:1000 img",
        "total 8\ndrwxrws---. 4 20131 20000 4096 Mar 10 11:02 finance\n", "[root@db03 ~]# id", "jdoe@web01: hello",
        "First name: not set", "Last name: 42", "  Last name: Administrator");
  }

  /** A configured keyword that stands as a Windows domain: the account after it (HOOLI\\kmensah), not a path's folder. */
  @org.junit.jupiter.api.Test
  void anAccountAfterTheCustomersDomain() {
    Redactor r = DetectorCatalogTest.masking(Redactor.builder().keywords(java.util.List.of("hooli")));
    org.assertj.core.api.Assertions.assertThat(r.redact("HOOLI\\kmensah: pam auth crap failed\nwbinfo -i HOOLI\\\\kmensah\n"
            + "HOOLI\\Administrator\nC:\\hooli\\reports\\x\n"))
        .isEqualTo("<keyword>\\<user>: pam auth crap failed\nwbinfo -i <keyword>\\\\<user>\n"
            + "<keyword>\\Administrator\nC:\\<keyword>\\reports\\x\n");
  }
}
