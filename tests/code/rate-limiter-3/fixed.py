"""The repaired limiter for rate-limiter-3: INCR counts and reads in one
atomic step, the TTL is set once per window (EXPIRE ... NX, Redis 7), and
all three commands go in one MULTI/EXEC, so no instance can slip between
them and a crash cannot leave a count that never expires. A refused client
is told when the window ends. Before Redis 7 (no NX on EXPIRE), a Lua script
that runs INCR and calls EXPIRE only when the count is 1 does the same."""
import redis

r = redis.Redis(decode_responses=True)   # shared by all 20 API instances

LIMIT = 100       # requests per minute per API key, across the fleet
WINDOW = 60       # seconds


def allow(api_key):
    """Returns (allowed, seconds until this key's window ends)."""
    key = f"rl:{api_key}"
    pipe = r.pipeline(transaction=True)
    pipe.incr(key)
    pipe.expire(key, WINDOW, nx=True)
    pipe.ttl(key)
    count, _, ttl = pipe.execute()
    return count <= LIMIT, max(ttl, 1)


def handle(request):
    allowed, reset = allow(request.api_key)
    if not allowed:
        return Response(status=429, headers={"Retry-After": str(reset)})
    return route(request)
