-- The one wrk script of scripts/bench.sh, configured through the environment:
--   BENCH_METHOD, BENCH_PATH        the request line (the path defaults to the URL's)
--   BENCH_BODY                      the body; "{}" in it (or in BENCH_PATH) is replaced by the next
--                                   value of the pool
--   BENCH_AUTH                      the Authorization header, BENCH_COOKIE the Cookie header
--   BENCH_POOL                      a file of one-time values (codes, refresh tokens), one a line,
--                                   each sent once; BENCH_POOL_FROM/BENCH_POOL_TO pick a line range
--   BENCH_CAPTURE + BENCH_OUT       a Lua pattern: its first capture in each response (Location
--                                   header or body) is appended to BENCH_OUT
--   BENCH_CHAIN=1                   the captured value goes back into the pool (refresh rotation:
--                                   each answer carries the next token)
-- done() prints one machine-readable line:
--   BENCH rps p50_us p99_us non2xx errors pool_dry requests
-- Run with one thread (-t1): the pool is per thread.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY")
local capture = os.getenv("BENCH_CAPTURE")
local chain = os.getenv("BENCH_CHAIN") == "1"
local headers = {}
if os.getenv("BENCH_AUTH") then headers["Authorization"] = os.getenv("BENCH_AUTH") end
if os.getenv("BENCH_COOKIE") then headers["Cookie"] = os.getenv("BENCH_COOKIE") end
if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end

local pool, head, tail = {}, 1, 0
exhausted = 0
local out

function init(args)
  local file = os.getenv("BENCH_POOL")
  if file then
    local from = tonumber(os.getenv("BENCH_POOL_FROM") or "1")
    local to = tonumber(os.getenv("BENCH_POOL_TO") or "1e12")
    local n = 0
    for line in io.lines(file) do
      n = n + 1
      if n >= from and n <= to and #line > 0 then
        tail = tail + 1
        pool[tail] = line
      end
    end
  end
  if capture and os.getenv("BENCH_OUT") then
    out = assert(io.open(os.getenv("BENCH_OUT"), "a"))
    out:setvbuf("line")
  end
end

local function next_value()
  if head > tail then
    exhausted = exhausted + 1
    return "exhausted"
  end
  local v = pool[head]
  pool[head] = nil
  head = head + 1
  return v
end

if os.getenv("BENCH_POOL") then
  function request()
    local v = next_value()
    local p = (path or wrk.path):gsub("{}", v)
    local b = body and body:gsub("{}", v) or nil
    return wrk.format(method, p, headers, b)
  end
else
  wrk.method = method
  if path then wrk.path = path end
  wrk.body = body
  wrk.headers = headers
end

if capture then
  function response(status, hdrs, resp_body)
    local where = hdrs["Location"] or hdrs["location"] or resp_body or ""
    local v = where:match(capture)
    if v then
      if out then out:write(v, "\n") end
      if chain then
        tail = tail + 1
        pool[tail] = v
      end
    end
  end
end

-- Threads are kept so done() can report whether a pool ran dry: such a run's figures include
-- requests that were bound to fail.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local rps = summary.requests / (summary.duration / 1e6)
  local e = summary.errors
  local dry = 0
  for _, t in ipairs(threads) do dry = dry + (t:get("exhausted") or 0) end
  io.write(string.format("BENCH %.1f %d %d %d %d %d %d\n", rps, latency:percentile(50),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout, dry,
    summary.requests))
end
