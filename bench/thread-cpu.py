#!/usr/bin/env python3
# Per-thread CPU of a command over time (bundle export, fourth pass: are both cores busy?). Runs the command (bin/agent
# execs java, so its pid is the JVM), samples utime+stime of every thread from /proc every PERIOD s (default 1), and
# prints on stderr a timeline of CPU-s per interval per thread group (digits in names folded), the totals, and the
# CPU-s of each bundle-redactor thread with when it last ran (each worker's end of staging: the gap between them is the
# tail on one core). Load-independent view of the critical path: with one large file, one worker doing all the
# redaction shows as one thread with all the CPU.
#   PERIOD=1 bench/thread-cpu.py bin/agent export-bundle --config … 2> timeline.txt
import os, re, subprocess, sys, time, collections
period = float(os.environ.get('PERIOD', '1.0'))
tick = os.sysconf('SC_CLK_TCK')
p = subprocess.Popen(sys.argv[1:])
prev = {}
seen = {}
busy = {}
rows = []
t0 = time.time()
totals = collections.Counter()
while p.poll() is None:
    time.sleep(period)
    now = {}
    try:
        for tid in os.listdir(f'/proc/{p.pid}/task'):
            try:
                with open(f'/proc/{p.pid}/task/{tid}/stat') as f:
                    s = f.read()
                name = s[s.index('(')+1:s.rindex(')')]
                fields = s[s.rindex(')')+2:].split()
                now[tid] = (name, int(fields[11]) + int(fields[12]))
            except (FileNotFoundError, ProcessLookupError, ValueError):
                pass
    except FileNotFoundError:
        break
    groups = collections.Counter()
    for tid, (name, t) in now.items():
        d = t - prev.get(tid, (name, 0))[1]
        g = re.sub(r'\d+', 'N', name)
        groups[g] += d / tick
        totals[g] += d / tick
    for tid, (name, t) in now.items():
        if t > prev.get(tid, (name, 0))[1]:
            busy[tid] = time.time() - t0
    prev = now
    for tid, (name, t) in now.items():
        seen[tid] = (name, t)
    rows.append((time.time() - t0, groups))
rc = p.wait()
per = {}
for tid, (name, t) in seen.items():
    if name.startswith('bundle-redacto'):
        per[f'{name}/{tid}'] = (t / tick, busy.get(tid, 0.0))
sys.stderr.write('REDACTOR THREADS ' + ' '.join(f'{k}={v:.2f} (last busy {b:.1f} s)' for k, (v, b) in sorted(per.items()))
                 + '\n')
names = [g for g, v in totals.most_common() if v >= 0.05]
sys.stderr.write('t(s)  total ' + ' '.join(f'{n[:14]:>14}' for n in names) + '\n')
for t, g in rows:
    sys.stderr.write(f'{t:5.1f} {sum(g.values()):5.2f} ' + ' '.join(f'{g.get(n,0):14.2f}' for n in names) + '\n')
sys.stderr.write('TOTAL ' + ' '.join(f'{n}={totals[n]:.2f}' for n in names) + '\n')
sys.exit(rc)
