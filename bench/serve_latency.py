"""serve_latency.py - how soon an edit reaches an open page under
`kitgen serve` (a part of bench.py).

A copy of content/ is served on a free port; a client follows the event
stream, as a browser would. Each run rewrites one topic file (a title
changed, then changed back) and measures from just before the write to
the "reload" event arriving at the client, whose page is the published
kit's: the watch, the rebuild of that page's HTML (serve builds the open
page's edition first) and the event. Between runs it waits for the "pdf" event, so every
edit starts from a quiet server, as a person typing would. Standard
library only.
"""
import os
import re
import shutil
import socket
import subprocess
import time


def _events(port, page):
    """The event stream of the page at path page, as its script opens it."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(b"GET /_kitgen/events?page=" + page.encode() +
              b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              b"Accept: text/event-stream\r\n\r\n")
    return s


def _wait_for(sock, buf, word):
    """Read until the stream holds an "event: WORD" line; the rest."""
    pat = ("event: " + word + "\n").encode()
    while pat not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("the event stream ended")
        buf += chunk
    return buf[buf.index(pat) + len(pat):]


def measure(root, kitgen, work, runs):
    """Seconds from a topic's write to its reload event, one per run."""
    content = os.path.join(work, "serve-content")
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(os.path.join(root, "content"), content)
    topics = sorted(os.listdir(os.path.join(content, "topics")))
    topic = os.path.join(content, "topics", topics[0])
    with open(topic) as f:
        original = f.read()
    edited = re.sub(r"(?m)^title: (.*)$", r"title: \1 (edited)", original, 1)
    proc = subprocess.Popen(
        [kitgen, "serve", "--port", "0", "--content", content,
         "--templates", os.path.join(root, "templates")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(re.search(r":(\d+)/$", proc.stdout.readline()).group(1))
        # the published kit's page is the one open
        kit_id = re.search(r"(?m)^id: *(\S+)",
                           open(os.path.join(content, "kit.yaml")).read()).group(1)
        sock = _events(port, "/" + kit_id + ".html")
        buf = _wait_for_ready(sock)
        times = []
        for i in range(runs):
            text = edited if i % 2 == 0 else original
            t0 = time.perf_counter()
            with open(topic, "w") as f:
                f.write(text)
            buf = _wait_for(sock, buf, "reload")
            times.append(time.perf_counter() - t0)
            buf = _wait_for(sock, buf, "pdf")
        sock.close()
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_for_ready(sock):
    """Wait for the stream to open and the first build to end (its events
    are dropped); an empty buffer."""
    buf = b""
    while b": ready\n" not in buf:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("the event stream ended")
        buf += chunk
    time.sleep(2.0)
    sock.setblocking(False)
    try:
        while sock.recv(4096):
            pass
    except BlockingIOError:
        pass
    sock.setblocking(True)
    return b""
