#!/usr/bin/python3
"""A webhook receiver for tests/scale/instances.sh: listens on 127.0.0.1
(a free port, written to PORT_FILE once listening), answers every POST 200
and appends one JSON line per delivery to LOG_FILE: the Rapport-Event-Id,
Rapport-Event-Type, Rapport-Delivery-Id and Rapport-Delivery-Attempt
headers, the body's id and the time.  Exits by itself after MAX_SECONDS.

usage: receiver.py PORT_FILE LOG_FILE [MAX_SECONDS]
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT_FILE, LOG_FILE = sys.argv[1], sys.argv[2]
MAX_SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 600
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n > 0 else b""
        try:
            body_id = json.loads(raw).get("id")
        except Exception:
            body_id = None
        rec = {
            "event_id": self.headers.get("Rapport-Event-Id"),
            "event_type": self.headers.get("Rapport-Event-Type"),
            "delivery_id": self.headers.get("Rapport-Delivery-Id"),
            "attempt": self.headers.get("Rapport-Delivery-Attempt"),
            "body_id": body_id,
            "path": self.path,
            "at": time.time(),
        }
        with LOCK, open(LOG_FILE, "a") as f:
            f.write(json.dumps(rec) + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    open(LOG_FILE, "a").close()
    with open(PORT_FILE + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(PORT_FILE + ".tmp", PORT_FILE)
    timer = threading.Timer(MAX_SECONDS, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()


if __name__ == "__main__":
    main()
