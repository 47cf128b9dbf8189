#!/usr/bin/python3
"""Abandoned expensive requests against `policykb serve`, and how long
another client then waits for an article page.

    Benchmarks/abandoned-requests.py SERVE_BINARY DATABASE [ABANDONED] [ROUNDS]

Starts SERVE_BINARY (policykb-serve) on DATABASE at a free loopback port;
each round sends ABANDONED (default 48) searches of 50 single characters
joined by OR (a worst case for the index: each is a prefix over every
bigram it begins), distinct so that no answer comes from the cache, and
closes each connection within 10 ms of sending it; then it times
GET /api/articles/ID from a fresh client. Prints the wait per round and
the median. The server stops at the end.
"""
import json, random, socket, statistics, subprocess, sys, time, urllib.parse, urllib.request

serve, database = sys.argv[1], sys.argv[2]
abandoned = int(sys.argv[3]) if len(sys.argv) > 3 else 48
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
chars = "数据要素市场建设发展产业企业创新技术服务平台政策支持经济工作会议项目资金"

server = subprocess.Popen([serve, "--db", database, "--port", "0", "--cache-entries", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    line = server.stdout.readline()
    base = line[line.index("http://"):].split()[0]
    host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
    article = json.load(urllib.request.urlopen(base + "api/articles?limit=1"))[0]["id"]
    rng = random.Random(7)
    waits = []
    for round_ in range(rounds):
        for _ in range(abandoned):
            query = " OR ".join(rng.choice(chars) for _ in range(50))
            path = "/api/search?q=" + urllib.parse.quote(query) + "&limit=20"
            s = socket.create_connection((host, port))
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            time.sleep(0.005)
            s.close()
        start = time.monotonic()
        urllib.request.urlopen(f"{base}api/articles/{article}", timeout=120).read()
        waits.append(time.monotonic() - start)
        print(f"round {round_ + 1}: article answered in {waits[-1] * 1000:.0f} ms under {abandoned} abandoned searches")
        time.sleep(2)  # let whatever still runs finish before the next round
    print(f"median {statistics.median(waits) * 1000:.0f} ms, worst {max(waits) * 1000:.0f} ms")
finally:
    server.terminate()
    server.wait()
