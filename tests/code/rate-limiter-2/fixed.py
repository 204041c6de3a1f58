"""The repaired limiter for rate-limiter-2: the refill is capped at the
bucket's capacity, one lock makes the read, the check and the write a
single step, and buckets idle long enough to be full again are dropped."""
import math
import threading
import time

RATE = 10         # tokens added per second
CAPACITY = 20     # the most a client can save up
IDLE = 60         # seconds: a bucket unused this long is full; forget it

buckets = {}      # client id -> [tokens, time of the last refill]
lock = threading.Lock()
last_sweep = 0.0  # when idle buckets were last dropped


def allow(client_id):
    """Called by the web server's worker threads for every request."""
    global last_sweep
    with lock:
        now = time.monotonic()
        tokens, last = buckets.get(client_id, (CAPACITY, now))
        tokens = min(CAPACITY, tokens + (now - last) * RATE)
        allowed = tokens >= 1
        if allowed:
            tokens -= 1
        buckets[client_id] = [tokens, now]
        if now - last_sweep > IDLE:
            for key in [k for k, (_, t) in buckets.items() if now - t > IDLE]:
                del buckets[key]
            last_sweep = now
        return allowed


def retry_after(client_id):
    """Whole seconds until the client's next request can pass."""
    with lock:
        tokens = buckets.get(client_id, (CAPACITY, 0))[0]
        return max(0, math.ceil((1 - tokens) / RATE))
