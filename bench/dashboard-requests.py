#!/usr/bin/env python3
"""Counts the REST requests Flink's own web dashboard makes while one job page is open (issue 4, "against the anchor").

A counting reverse proxy sits in front of the cluster's REST port; headless Chromium opens the job's overview page
through it and stays there for the given seconds; every request that is not a static file is counted.
Usage: bench/dashboard-requests.py <rest-url> <flink-job-id> [seconds]
"""
import collections
import http.client
import http.server
import re
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

rest = urllib.parse.urlparse(sys.argv[1])
job = sys.argv[2]
seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 60
STATIC = re.compile(r"\.(js|css|html|ico|png|svg|woff2?|ttf|json\.map|map)(\?|$)|^/$|^/assets/")
counts = collections.Counter()
lock = threading.Lock()
started = [None]


def template(path):
    p = path.split("?")[0]
    p = re.sub(r"[0-9a-f]{32}", ":id", p)
    return p


class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.forward()

    def do_POST(self):
        self.forward()

    def forward(self):
        body = None
        if self.headers.get("Content-Length"):
            body = self.rfile.read(int(self.headers["Content-Length"]))
        conn = http.client.HTTPConnection(rest.hostname, rest.port, timeout=10)
        conn.request(self.command, self.path, body=body, headers={"Accept": self.headers.get("Accept", "*/*")})
        resp = conn.getresponse()
        data = resp.read()
        if not STATIC.search(self.path) and started[0] is not None:
            with lock:
                counts[self.command + " " + template(self.path)] += 1
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Proxy)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_address[1]
url = f"http://127.0.0.1:{port}/#/job/running/{job}/overview"
profile = tempfile.mkdtemp()
browser = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                            "--remote-debugging-port=0", url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(10)  # let the page load; requests of the first load are not counted
started[0] = time.time()
time.sleep(seconds)
elapsed = time.time() - started[0]
browser.terminate()
with lock:
    total = sum(counts.values())
    print(f"dashboard: {total} REST requests in {elapsed:.0f} s = {total * 60 / elapsed:.1f} per minute")
    for k, v in counts.most_common():
        print(f"  {v * 60 / elapsed:6.1f}/min  {k}")
