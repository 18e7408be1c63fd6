#!/usr/bin/env python3
"""What C1 compiled between two snapshots of a daemon's code cache, by the periodic activity its class belongs to.

usage: bench/codelist-by-activity.py LATER.txt EARLIER.txt
  where each file is the output of `jcmd PID Compiler.codelist` (e.g. at 3 and 15 minutes of
  `bench/daemon-footprint.sh curve`); the methods in LATER and not in EARLIER, summed by nmethod size (code,
  relocations and metadata, as the code cache holds them) per activity, an activity being a list of class-name
  prefixes (RULES, first match wins). Two files of different daemons at the same time compare them instead.
"""
import re, sys, collections
line = re.compile(r"^\d+ \d+ \d+ (\S+?)\.([^.(]+)\((.*?)\S* \[0x([0-9a-f]+), 0x[0-9a-f]+ - 0x([0-9a-f]+)\]")
def load(path):
    out = {}
    for l in open(path):
        m = line.match(l.strip())
        if m: out[(m.group(1), m.group(2), m.group(3))] = int(m.group(5), 16) - int(m.group(4), 16)
    return out
RULES = [
  ("PostgreSQL probe (Vert.x pg/sql client, SCRAM)", ("io.vertx.pgclient", "io.vertx.sqlclient", "com.ongres", "io.companyos.agent.collectors.health.PostgresProbe")),
  ("Redis probe (Vert.x Redis client)", ("io.vertx.redis", "io.companyos.agent.collectors.health.RedisProbe", "io.companyos.agent.collectors.health.RedisInfo")),
  ("connection set-up (Netty bootstrap, resolver, NIO connect)", ("io.netty.bootstrap", "io.netty.resolver", "io.vertx.core.net.impl.ChannelProvider", "io.vertx.core.net.impl.NetClientImpl", "io.vertx.core.dns", "io.vertx.core.impl.AddressResolver", "java.net.Inet", "sun.nio.ch.Net", "sun.nio.ch.SocketChannelImpl", "io.vertx.core.net.impl.pool", "io.vertx.core.internal.pool", "io.vertx.core.net.impl.tcp", "io.vertx.core.net.impl.endpoint", "io.vertx.core.net.endpoint")),
  ("host metrics (JNA, OSHI)", ("com.sun.jna", "oshi.", "io.companyos.agent.collectors.host")),
  ("JVM metrics (JMX, management)", ("sun.management", "com.sun.management", "javax.management", "java.lang.management", "jdk.internal.platform", "io.micrometer.core.instrument.binder.jvm")),
  ("/metrics exposition (Micrometer, Prometheus client)", ("io.micrometer", "io.prometheus")),
  ("HTTP (Vert.x HTTP server/client, Netty codec)", ("io.vertx.core.http", "io.netty.handler.codec.http", "io.companyos.agent.collectors.http", "io.companyos.agent.server", "io.vertx.ext.web")),
  ("scrape parser", ("io.companyos.agent.collectors.prometheus",)),
  ("log follower (files, time formats, regex)", ("io.companyos.agent.collectors.logs", "sun.nio.fs", "java.nio.file", "java.time", "java.util.regex", "io.companyos.agent.daemon.LogTailer")),
  ("Netty/Vert.x event loop and buffers (shared)", ("io.netty", "io.vertx.core")),
  ("agent, other", ("io.companyos.agent",)),
  ("JDK, other", ("java.", "jdk.", "sun.", "com.sun.")),
]
def activity(cls):
    for name, prefixes in RULES:
        if cls.startswith(prefixes): return name
    if "$$Lambda" in cls or cls.startswith("java.lang.invoke.LambdaForm"): return "lambda forms/proxies"
    return "other: " + ".".join(cls.split(".")[:2])
cur, base = load(sys.argv[1]), load(sys.argv[2])
new = {k: v for k, v in cur.items() if k not in base}
agg = collections.defaultdict(lambda: [0, 0])
for (cls, m, s), size in new.items():
    a = agg[activity(cls)]; a[0] += 1; a[1] += size
tot = sum(new.values())
print(f"{len(new)} methods, {tot/1024:.0f} KiB compiled in {sys.argv[1]} and not in {sys.argv[2]}")
for k, (n, s) in sorted(agg.items(), key=lambda kv: -kv[1][1]):
    print(f"  {s/1024:7.1f} KiB {100*s/tot:5.1f} % {n:5d}  {k}")
