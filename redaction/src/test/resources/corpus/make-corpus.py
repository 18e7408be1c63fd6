#!/usr/bin/env python3
"""Writes labelled.txt: realistic log/config lines with every sensitive value marked «label|value».

Lines without a mark are hard negatives: the redactor must leave them unchanged. Deterministic (seed 7).
Run from this directory: python3 make-corpus.py > labelled.txt
"""
import random

r = random.Random(7)
FIRST = ["john", "mary", "wei", "olga", "ahmed", "priya", "lukas", "sofia", "kenji", "fatima", "carlos", "anna"]
LAST = ["smith", "mueller", "wang", "ivanova", "hassan", "patel", "schmidt", "rossi", "tanaka", "khan"]
DOM = ["example.com", "mail.example.org", "contoso.de", "fabrikam.co.uk", "corp.internal", "hq.local"]


def m(label, value):
    return f"«{label}|{value}»"


def email():
    f, l = r.choice(FIRST), r.choice(LAST)
    return r.choice([f"{f}.{l}@{r.choice(DOM)}", f"{f[0]}{l}{r.randrange(9, 99)}@{r.choice(DOM)}",
                     f"{f}+alerts@{r.choice(DOM)}", f"{f.capitalize()}.{l.capitalize()}@{r.choice(DOM)}"])


def ipv4():
    return r.choice([f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                     f"192.168.{r.randrange(256)}.{r.randrange(1, 255)}",
                     f"172.{r.randrange(16, 32)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                     f"{r.randrange(11, 223)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}",
                     f"203.0.113.{r.randrange(1, 255)}", f"198.51.100.{r.randrange(1, 255)}"])


def ipv6():
    g = [f"{r.randrange(1, 65536):x}" for _ in range(8)]
    return r.choice([":".join(g), f"2001:db8:{g[2]}::{g[7]}", f"fe80::{g[4]}:{g[5]}:{g[6]}:{g[7]}%eth0",
                     f"::ffff:{ipv4()}", f"fd00:{g[1]}::{g[6]}"])


def mac():
    o = [r.randrange(1, 255) for _ in range(6)]
    return r.choice([":".join(f"{x:02x}" for x in o), "-".join(f"{x:02X}" for x in o),
                     f"{o[0]:02x}{o[1]:02x}.{o[2]:02x}{o[3]:02x}.{o[4]:02x}{o[5]:02x}"])


def phone():
    a, b, c = r.randrange(201, 989), r.randrange(200, 999), r.randrange(10000)
    return r.choice([f"+1 ({a}) {b}-{c:04d}", f"+1-{a}-{b}-{c:04d}", f"({a}) {b}-{c:04d}", f"+44 20 {r.randrange(7000, 8999)} {c:04d}",
                     f"+49 30 {r.randrange(100000, 9999999)}", f"{a}.{b}.{c:04d}", f"+33 1 {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}"])


def luhn_digit(p):
    t = 0
    for i, ch in enumerate(reversed(p)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        t += d
    return str((10 - t % 10) % 10)


def card():
    pre = r.choice(["4", "51", "55", "6011", "2221", "37"])
    n = 15 if pre == "37" else 16
    p = pre + "".join(str(r.randrange(10)) for _ in range(n - 1 - len(pre)))
    c = p + luhn_digit(p)
    if n == 15:
        return r.choice([c, f"{c[:4]} {c[4:10]} {c[10:]}"])
    return r.choice([c, " ".join(c[i:i + 4] for i in range(0, 16, 4)), "-".join(c[i:i + 4] for i in range(0, 16, 4))])


def iban():
    cc, ln = r.choice([("DE", 18), ("FR", 23), ("ES", 20), ("CH", 17)])
    bban = "".join(str(r.randrange(10)) for _ in range(ln))
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    i = f"{cc}{98 - int(num) % 97:02d}{bban}"
    return r.choice([i, " ".join(i[k:k + 4] for k in range(0, len(i), 4))])


def ssn():
    a = r.choice([x for x in range(1, 900) if x != 666])
    return f"{a:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def rs(n, alpha=B64):
    return "".join(r.choice(alpha) for _ in range(n))


def jwt():
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + rs(60) + "." + rs(43)


def pw():
    return r.choice(["Summer2024!", "Passw0rd#1", rs(16), "Acme" + str(r.randrange(100, 999)) + "!", "correct-horse-battery"])


def host():
    return r.choice([f"db{r.randrange(1, 20):02d}.prod.internal", f"kafka-{r.randrange(1, 9)}.dc1.corp",
                     f"node-10-{r.randrange(256)}-{r.randrange(256)}-{r.randrange(256)}.k8s.internal",
                     f"files.hq.local", f"vpn.office.lan", f"nas.home.arpa"])


user = lambda: r.choice(["jdoe", "mwang", "asmith", "deploy", "olga.k", "svc_backup"])
person = lambda: f"{r.choice(FIRST).capitalize()} {r.choice(LAST).capitalize()}"

TS = lambda: f"2024-03-{r.randrange(1, 29):02d} {r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d}.{r.randrange(1000):03d}"
UUID = lambda: f"{rs(8, '0123456789abcdef')}-{rs(4, '0123456789abcdef')}-4{rs(3, '0123456789abcdef')}-a{rs(3, '0123456789abcdef')}-{rs(12, '0123456789abcdef')}"
HEX = lambda n: rs(n, "0123456789abcdef")

POS = [
    lambda: f"{TS()} INFO  [http-nio-8443-exec-3] c.c.a.LoginService - User {m('email', email())} logged in (session={UUID()})",
    lambda: f"{TS()} WARN  [main] c.c.a.LoginService - Failed login for {m('email', email())} from {m('ipv4', ipv4())}",
    lambda: f"{TS()} DEBUG [task-2] c.c.s.S3Uploader - accessKeyId={m('aws_key', 'AKIA' + rs(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'))} bucket=support",
    lambda: f"{TS()} DEBUG [task-2] c.c.s.S3Uploader - aws_secret_access_key={m('aws_secret', rs(40, B64 + '/+'))}",
    lambda: f"{TS()} INFO  [main] c.c.c.ConfigLoader - Effective property spring.datasource.password={m('secret', pw())}",
    lambda: f"{TS()} DEBUG [main] c.c.c.ConfigLoader - datasource url=jdbc:postgresql://{m('host', host())}:5432/app?user={m('user', user())}&password={m('secret', rs(12))}",
    lambda: f"{TS()} INFO  [sms-1] c.c.n.SmsGateway - SMS queued for {m('phone', phone())} (template=otp)",
    lambda: f"{TS()} WARN  [pay-4] c.c.p.CardGateway - Card authorization declined for card {m('card', card())} amount=12.50 EUR",
    lambda: f"{TS()} INFO  [bill-1] c.c.b.InvoiceService - SEPA mandate created for account {m('iban', iban())}",
    lambda: f"{TS()} INFO  [kyc-1] c.c.k.IdentityVerifier - Verified applicant ssn={m('ssn', ssn())} score=0.93",
    lambda: f"{TS()} DEBUG [oidc-2] c.c.a.OidcCallback - id_token received: {m('jwt', jwt())}",
    lambda: f"{TS()} DEBUG [api-7] c.c.a.RequestLoggingFilter - Authorization=Bearer {m('auth', rs(40))}, X-Request-Id={UUID()}",
    lambda: f"{TS()} INFO  [agent-1] c.c.a.HostInventory - Registered interface eth0 hwaddr {m('mac', mac())} mtu 1500",
    lambda: f"{TS()} WARN  [hikari] c.z.h.p.HikariPool - Connection to {m('host', host())}:5432 failed, retrying in 250 ms",
    lambda: f"{TS()} INFO  [main] c.c.g.GitSync - cloning https://{m('user', 'deploy')}:{m('secret', rs(20))}@{m('host', 'git.corp.internal')}/platform/config.git",
    lambda: f"{TS()} DEBUG [gh-1] c.c.i.GithubClient - using token {m('token', 'ghp_' + rs(36))}",
    lambda: f"{TS()} DEBUG [slack] c.c.n.Slack - bot token {m('token', 'xoxb-' + rs(12, '0123456789') + '-' + rs(24))}",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] {m('user', 'app')}@app LOG:  connection received: host={m('ipv4', ipv4())} port={r.randrange(1024, 65535)}",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] {m('user', 'app')}@app LOG:  statement: UPDATE customers SET email='{m('email', email())}' WHERE id={r.randrange(99999)}",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] postgres@postgres LOG:  statement: ALTER ROLE app WITH LOGIN PASSWORD '{m('secret', pw())}'",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] {m('user', 'app')}@app FATAL:  password authentication failed for user \"{m('user', user())}\"",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] replicator@[unknown] LOG:  replication connection authorized: user={m('user', 'replicator')} host={m('ipv4', ipv4())}",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] {m('user', 'app')}@app LOG:  statement: UPDATE contacts SET phone = '{m('phone', phone())}' WHERE id = 7",
    lambda: f"{TS()}+0000 INFO  [bolt-1] Client {m('ipv4', ipv4())}:51234 authenticated as {m('user', user())}",
    lambda: f"{TS()}+0000 WARN  Neo4j started with NEO4J_AUTH=neo4j/{m('secret', pw())}",
    lambda: f"{r.randrange(300, 65000)}:M 04 Mar 2024 10:00:00.000 * Accepted {m('ipv4', ipv4())}:{r.randrange(1024, 65535)}",
    lambda: f"{r.randrange(300, 65000)}:S 04 Mar 2024 10:00:00.000 * Connecting to MASTER {m('host', host())}:6379",
    lambda: f"{ipv4() if False else m('ipv4', ipv4())} - - [04/Mar/2024:10:00:00 +0000] \"GET /api/v2/users?email={m('email', email())} HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
    lambda: f"{m('ipv6', ipv6())} - - [04/Mar/2024:10:00:01 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.28\"",
    lambda: f"{m('ipv4', ipv4())} - - [04/Mar/2024:10:00:02 +0000] \"GET /legacy/login?user={m('user', user())}&password={m('secret', rs(10))} HTTP/1.1\" 302 0",
    lambda: f"{TS()} WARN  [org.keycloak.events] type=LOGIN_ERROR, realmId=main, clientId=portal, userId={UUID()}, ipAddress={m('ipv4', ipv4())}, error=invalid_user_credentials, username={m('user', user())}",
    lambda: f"{TS()} INFO  [org.keycloak.events] type=LOGIN, realmId=main, clientId=portal, ipAddress={m('ipv6', ipv6())}, auth_method=openid-connect, username={m('email', email())}",
    lambda: f"Mar  4 10:00:00 gw sshd[{r.randrange(300, 65000)}]: Invalid user {m('user', user())} from {m('ipv4', ipv4())} port {r.randrange(1024, 65535)}",
    lambda: f"Mar  4 10:00:00 gw sshd[{r.randrange(300, 65000)}]: Accepted publickey for {m('user', user())} from {m('ipv4', ipv4())} port 22 ssh2",
    lambda: f"Mar  4 10:00:00 gw sshd[{r.randrange(300, 65000)}]: pam_unix(sshd:session): session opened for user {m('user', user())}(uid=1000) by (uid=0)",
    lambda: f"Mar  4 10:00:00 gw postfix/smtp[{r.randrange(300, 65000)}]: 3F2A1B: to=<{m('email', email())}>, relay=mx.{m('host', 'mail.corp.internal')}[{m('ipv4', ipv4())}]:25, status=sent",
    lambda: f"Mar  4 10:00:00 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC={m('mac', ':'.join(f'{r.randrange(256):02x}' for _ in range(14)))} SRC={m('ipv4', ipv4())} DST={m('ipv4', ipv4())} PROTO=TCP",
    lambda: f"Mar  4 10:00:00 gw dhclient[{r.randrange(300, 65000)}]: DHCPACK of {m('ipv4', ipv4())} from {m('ipv4', ipv4())}",
    lambda: f"{{\"@timestamp\":\"2024-03-04T10:00:00Z\",\"level\":\"INFO\",\"message\":\"User profile updated\",\"email\":\"{m('email', email())}\",\"traceId\":\"{HEX(32)}\"}}",
    lambda: f"{{\"@timestamp\":\"2024-03-04T10:00:00Z\",\"message\":\"login attempt\",\"username\":\"{m('user', user())}\",\"password\":\"{m('secret', pw())}\"}}",
    lambda: f"{{\"message\":\"payment captured\",\"card\":\"{m('card', card())}\",\"amount\":12.5,\"spanId\":\"{HEX(16)}\"}}",
    lambda: f"{{\"message\":\"profile\",\"displayName\":\"{m('name', person())}\",\"phone\":\"{m('phone', phone())}\"}}",
    lambda: f"{{\"message\":\"tls material loaded\",\"privateKey\":\"{m('private_key', '-----BEGIN PRIVATE KEY-----' + chr(92) + 'n' + rs(64) + chr(92) + 'n-----END PRIVATE KEY-----')}\\n\"}}",
    lambda: f"{{\"kind\":\"Event\",\"reason\":\"Scheduled\",\"message\":\"Successfully assigned default/api-7d9 to {m('host', host())}\"}}",
    lambda: f"  password: {m('secret', pw())}",
    lambda: f"  smtp:\n    host: {m('host', 'smtp.corp.internal')}\n    username: {m('user', user())}",
    lambda: f"spring.mail.password={m('secret', pw())}",
    lambda: f"ldap.bind.dn=CN={m('name', person())},OU=Service,DC=corp,DC=internal",
    lambda: f"export DB_PASSWORD=\"{m('secret', pw())}\"",
    lambda: f"REDIS_PASSWORD={m('secret', rs(24))}",
    lambda: f"GITLAB_TOKEN={m('secret', 'glpat-' + rs(20))}",
    lambda: f"Warning  FailedMount  pod/api-7d9  MountVolume.SetUp failed for volume \"creds\" : secret \"db\" not found on {m('host', host())}",
    lambda: f"Caused by: java.net.ConnectException: Connection refused: {m('host', host())}/{m('ipv4', ipv4())}:9092",
    lambda: f"Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"{m('user', user())}\"",
    lambda: f"java.lang.IllegalStateException: token validation failed for {m('email', email())}",
    lambda: f"open(\"/home/{m('user', user())}/.kube/config\") failed: permission denied",
    lambda: f"{TS()} INFO  Loading C:\\Users\\{m('user', 'JSmith')}\\AppData\\Local\\agent.yaml",
]

NEG = [
    lambda: f"{TS()} INFO  [main] c.c.a.Application - Starting CompanyOS v{r.randrange(1, 9)}.{r.randrange(30)}.{r.randrange(20)} using Java 17.0.9 with PID {r.randrange(300, 65000)}",
    lambda: f"{TS()} DEBUG [api-3] c.c.a.RequestLoggingFilter - GET /api/v2/devices/{UUID()} -> 200 in {r.randrange(1, 900)} ms traceId={HEX(32)}",
    lambda: f"{TS()} INFO  [ingest] c.c.i.KafkaIngestor - Committed offset {r.randrange(10 ** 15, 10 ** 16 - 1)} for partition events-{r.randrange(9)}",
    lambda: f"{TS()} INFO  [ingest] c.c.i.KafkaIngestor - Processed {r.randrange(99999)} events in {r.randrange(999)} ms lastEventTs={1709500000000 + r.randrange(10 ** 9)}",
    lambda: f"{TS()} DEBUG [cfg] c.c.c.ConfigLoader - Property password.policy.minLength=12",
    lambda: f"{TS()} DEBUG [cfg] c.c.c.ConfigLoader - Property auth.token.ttl=3600",
    lambda: f"{TS()} DEBUG [cfg] c.c.c.ConfigLoader - Property passwordHashAlgorithm=argon2id",
    lambda: f"{TS()} DEBUG [cfg] c.c.c.ConfigLoader - Property tls.fingerprint={':'.join(HEX(2).upper() for _ in range(20))}",
    lambda: f"{TS()} INFO  [tls] c.c.s.KeyMaterialLoader - Certificate signature algorithm OID 1.2.840.113549.1.1.11",
    lambda: f"{TS()} INFO  [tls] c.c.s.KeyMaterialLoader - Loaded trust store (-----BEGIN CERTIFICATE----- blocks)",
    lambda: f"{TS()} INFO  [main] c.c.a.Application - Build git.commit.id={HEX(40)}",
    lambda: f"{TS()} DEBUG [agent] c.c.a.HostInventory - Kernel 10.0.{r.randrange(17000, 22700)}.{r.randrange(1, 4000)}, uptime 12:58:19, load 0.3",
    lambda: f"{TS()} DEBUG [cache] c.c.c.EntryCache - Evicted entry com.companyos.cache.Entry@{HEX(8)} (ttl expired)",
    lambda: f"{TS()} DEBUG [disp] o.s.w.s.DispatcherServlet - Mapped handler DeviceController::list for GET /api/v2/devices",
    lambda: f"{TS()} WARN  [api] c.c.a.Filter - Response header WWW-Authenticate: Bearer realm=\"portal\", error=\"invalid_token\"",
    lambda: f"{TS()} INFO  [bill] c.c.b.InvoiceService - Invoice CASE-{r.randrange(100, 999)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}x total=19.99 EUR",
    lambda: f"{TS()} INFO  [main] c.c.a.Application - Listening on 127.0.0.1:8080 and [::1]:8080",
    lambda: f"{TS()} INFO  [main] c.c.a.Application - bind 0.0.0.0:9090, netmask 255.255.255.0",
    lambda: f"{TS()} INFO  [exp] c.c.e.Otlp - exporting to https://telemetry.companyos.io/v1/metrics",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] LOG:  checkpoint complete: wrote {r.randrange(99999)} buffers (0.{r.randrange(9)}%); 0 WAL file(s) added, 0 removed, 1 recycled",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] LOG:  listening on IPv6 address \"::\", port 5432",
    lambda: f"{TS()} UTC [{r.randrange(300, 65000)}] {m('user', 'app')}@app LOG:  duration: {r.randrange(999)}.{r.randrange(9)} ms  statement: SELECT id FROM jobs WHERE updated_at > '2024-03-0{r.randrange(1, 9)}T10:11:12.000Z'",
    lambda: f"{r.randrange(300, 65000)}:M 04 Mar 2024 10:00:00.000 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid={r.randrange(300, 65000)}",
    lambda: f"{r.randrange(300, 65000)}:M 04 Mar 2024 10:00:00.000 * Background saving started by pid {r.randrange(300, 65000)}",
    lambda: f"127.0.0.1 - - [04/Mar/2024:10:00:00 +0000] \"GET /static/js/app.{HEX(8)}.js HTTP/1.1\" 200 1024 \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/122.0.0.0 Safari/537.36\"",
    lambda: f"Mar  4 10:00:00 gw kernel: [{r.randrange(99999)}.{r.randrange(99999)}] e1000e 0000:00:1f.6 eth0: NIC Link is Up 1000 Mbps Full Duplex",
    lambda: f"Mar  4 10:00:00 gw systemd[1]: companyos.service: Consumed {r.randrange(9)}min {r.randrange(59)}.{r.randrange(9)}s CPU time.",
    lambda: f"Mar  4 10:00:00 gw CRON[{r.randrange(300, 65000)}]: (root) CMD (/usr/local/bin/backup.sh --since 10:00:00)",
    lambda: f"Mar  4 10:00:00 gw sshd[{r.randrange(300, 65000)}]: Failed password for root from 127.0.0.1 port 22 ssh2",
    lambda: f"{{\"message\":\"password changed\",\"passwordChanged\":true,\"tokenExpiresIn\":3600,\"requestId\":\"{UUID()}\"}}",
    lambda: f"{{\"message\":\"batch routed\",\"offset\":{r.randrange(10 ** 15, 10 ** 16 - 1)},\"partition\":{r.randrange(9)},\"spanId\":\"{HEX(16)}\"}}",
    lambda: f"{{\"message\":\"artifact stored\",\"digest\":\"sha256:{HEX(64)}\"}}",
    lambda: f"{{\"kind\":\"Event\",\"reason\":\"Pulled\",\"message\":\"Successfully pulled image \\\"registry.companyos.io/api:1.4.2\\\" in 2.1s\"}}",
    lambda: f"  password_min_length: 12",
    lambda: f"  token-ttl-seconds: 300",
    lambda: f"  password: ${{DB_PASSWORD}}",
    lambda: f"DB_PASSWORD_FILE=/run/secrets/db",
    lambda: f"\tat com.companyos.api.DeviceController.handle(DeviceController.java:{r.randrange(20, 900)})",
    lambda: f"\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:{r.randrange(20, 2000)})",
    lambda: f"\t... {r.randrange(10, 60)} common frames omitted",
    lambda: f"Warning  BackOff  pod/api-{HEX(5)}  Back-off restarting failed container api in pod api-{HEX(5)}_default({UUID()})",
]

lines = []
for _ in range(300):
    lines.append(r.choice(POS)())
for _ in range(200):
    lines.append(r.choice(NEG)())
r.shuffle(lines)
for l in lines:
    print(l.replace("\n", "\\n") if False else l)
