#!/usr/bin/env python3
"""Where the error-event benchmark's agent waits, from a JFR recording of one run (docs/benchmarks.md, error events,
seventh pass). Record with zero thresholds, e.g.

  D="-XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms16m -Xmx128m -XX:ReservedCodeCacheSize=24m"
  JVM_OPTS="$D -XX:StartFlightRecording=filename=ev.jfr,jdk.ThreadPark#threshold=0ms,jdk.ThreadSleep#threshold=0ms,\
jdk.JavaMonitorEnter#threshold=0ms,jdk.FileForce#threshold=0ms,jdk.SocketRead#threshold=0ms,\
jdk.SocketWrite#threshold=0ms" VARIANTS=split bench/error-event-throughput.sh 100000 1
  bench/error-event-jfr.py ev.jfr

Prints (1) for a window of the measured phase (the 4 s ending BEFORE_END s before the last fsync, i.e. before the
run's tail: 0.2 s by default, as the benchmark flushes at the end of a phase since the eighth pass; BEFORE_END=0.85
in the environment for a run with -Dbench.endFlush=false, whose last partial batch waited ~0.85 s for the SDK), the share of time in which none of the chain's six threads could run (producer, SDK worker, committer, sender,
the transport's two threads) and what each was waiting for then; (2) per request, the time from its first write to
its response (the endpoint) and from a response to the next request's first write (the agent's turnaround), medians
over the second half of the run. Needs `jfr` (the JDK's) on the PATH.
"""
import collections
import datetime
import json
import os
import re
import statistics
import subprocess
import sys


def dur(s):
    m = re.match(r'PT(?:(\d+)M)?([\d.]+)S', s)
    return (int(m.group(1) or 0)) * 60 + float(m.group(2)) if m else 0


def ts(s):
    return datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()


def events(f, types):
    out = subprocess.run(["jfr", "print", "--json", "--events", types, f], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)['recording']['events']


def blocked(f, length=4.0, before_end=0.85, step=0.0001):
    iv = collections.defaultdict(list)
    for e in events(f, "jdk.ThreadPark,jdk.ThreadSleep,jdk.JavaMonitorEnter,jdk.FileForce,jdk.SocketRead"):
        th = re.sub(r'-\d+$', '-N', (e['values'].get('eventThread') or {}).get('javaName') or '?')
        fr = [x['method']['type']['name'].split('/')[-1] + '.' + x['method']['name']
              for x in (e['values'].get('stackTrace') or {}).get('frames', [])[:20]]
        s = ts(e['values']['startTime'])
        iv[th].append((s, s + dur(e['values']['duration']), e['type'][4:], fr))
    end = max(x[1] for v in iv.values() for x in v if x[2] == 'FileForce') - before_end
    start = end - length
    n = int(length / step)

    def state(th):
        arr = [None] * n
        for s, e, t, fr in iv.get(th, []):
            lab = t
            if th == 'otlp-sender':
                lab = {'ThreadSleep': 'idle poll', 'FileForce': 'ledger send fsync'}.get(t, t)
                if t == 'ThreadPark':
                    lab = 'awaits the answer'
                elif t == 'JavaMonitorEnter':
                    lab = 'monitor ' + fr[0]
            elif th == 'egress-https-send':
                lab = {'FileForce': 'ledger result fsync', 'ThreadPark': 'parked (a request at the endpoint, or idle)'}.get(t, t)
            for i in range(max(0, int((s - start) / step)), min(n, int((e - start) / step))):
                if arr[i] is None or t == 'FileForce':
                    arr[i] = lab
        return arr

    threads = ['main', 'BatchLogRecordProcessor_WorkerThread-N', 'otlp-queue-commit', 'otlp-sender',
               'egress-https-send', 'egress-https']
    S = {t: state(t) for t in threads}
    idle = collections.Counter()
    for i in range(n):
        if all(S[t][i] for t in threads):
            idle[(S['otlp-sender'][i], S['egress-https-send'][i], 'committer: ' + S['otlp-queue-commit'][i])] += 1
    total = sum(idle.values())
    prod = sum(1 for x in S['main'] if x)
    print(f"{f}: {length:.1f} s of the measured phase: all six threads blocked {total * step:.3f} s "
          f"({total / n * 100:.1f} %), the producer held by the window {prod / n * 100:.1f} %")
    for k, v in idle.most_common(6):
        print(f"  {v * step * 1000:8.1f} ms  sender: {k[0]}; transport: {k[1]}; {k[2]}")


def turnaround(f):
    ev = []
    for e in events(f, "jdk.SocketRead,jdk.SocketWrite"):
        v = e['values']
        th = (v.get('eventThread') or {}).get('javaName') or '?'
        if e['type'] == 'jdk.SocketWrite' and v.get('bytesWritten', 0) > 1000:
            ev.append((ts(v['startTime']), 'W'))
        elif e['type'] == 'jdk.SocketRead' and th.startswith(('egress', 'HttpClient')) and v.get('bytesRead', 0) > 0:
            ev.append((ts(v['startTime']) + dur(v['duration']), 'R'))
    ev.sort()
    turn, rtt, state, last, ws = [], [], 'idle', None, 0
    for t, k in ev:
        if k == 'W' and state != 'sent':
            if last is not None and state == 'answered':
                turn.append((t - last) * 1000)
            state, ws = 'sent', t
        elif k == 'R' and state == 'sent':
            rtt.append((t - ws) * 1000)
            state, last = 'answered', t
    turn, rtt = turn[len(turn) // 2:], rtt[len(rtt) // 2:]
    if not rtt or not turn:
        print("  (no SocketWrite events: record jdk.SocketWrite#threshold=0ms for the per-request figures)")
        return
    print(f"  requests {len(rtt)} (second half): request -> response median {statistics.median(rtt):.1f} ms; "
          f"response -> next request median {statistics.median(turn):.1f} ms")


if __name__ == '__main__':
    for f in sys.argv[1:]:
        blocked(f, before_end=float(os.environ.get('BEFORE_END', '0.2')))
        turnaround(f)
