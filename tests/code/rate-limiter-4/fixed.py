"""The repaired limiter for rate-limiter-4.

The whole check-and-update is one step that the store runs atomically with
its own clock. In Redis that step is a Lua script (EVALSHA) that reads the
server's TIME, so no instance can read or write the bucket between another
instance's read and write, and the instances' clocks no longer matter:

    local t = redis.call('TIME')
    local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
    local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
    local tokens = tonumber(b[1]) or tonumber(ARGV[2])
    local elapsed = math.max(0, now - (tonumber(b[2]) or now))
    tokens = math.min(tonumber(ARGV[2]), tokens + elapsed * tonumber(ARGV[1]))
    local ok = 0
    if tokens >= 1 then tokens = tokens - 1; ok = 1 end
    redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
    redis.call('EXPIRE', KEYS[1], ARGV[3])
    return ok

step() below is the same logic in Python, which the test runs.
"""

RATE = 100 / 60    # tokens per second: 100 requests a minute
CAPACITY = 20      # burst allowance
TTL = 120          # seconds: an idle bucket is full again long before this


def step(bucket, now):
    """One check-and-update: tokens are kept as a float (no truncated
    refill) and elapsed time never counts backwards."""
    tokens = float(bucket.get("tokens", CAPACITY))
    elapsed = max(0.0, now - float(bucket.get("ts", now)))
    tokens = min(CAPACITY, tokens + elapsed * RATE)
    allowed = tokens >= 1
    if allowed:
        tokens -= 1
    return allowed, {"tokens": tokens, "ts": now}


def allow(store, key):
    """Run by every API instance: the store runs step() atomically, with
    the store's clock, and sets the key's TTL."""
    return store.atomic(key, step, ttl=TTL)
