-- wrk script of tests/bench/run-tracker.sh: cycles through the prepared announce paths.
-- Usage: wrk -tN ... -s announce.lua http://127.0.0.1:PORT -- <paths file> <started|steady> <N>
--   started: every path as written (event=started) — the warm-up that fills the swarms;
--   steady:  the same paths without the event, as periodic re-announces are.
-- Requests reuse connections (HTTP/1.1 keep-alive). A "Connection: close" mode was dropped:
-- mp2pd's QtHttpServer 6.4 ignores that header and keeps the connection, so it would not
-- have measured what it claims for all three servers.
-- Thread n of N takes paths n, n+N, n+2N, ... so the threads together cover the whole list.
-- Every reply is checked: HTTP 200 and a bencoded dictionary ("d...e") without
-- "failure reason"; anything else is counted and printed by done().

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1]
  local mode = args[2] or "steady"
  local threadCount = tonumber(args[3] or "1") or 1
  local index = tonumber(wrk.thread:get("index") or 0) or 0
  paths = {}
  local n = 0
  local all = 0
  for line in io.lines(file) do
    if all % threadCount == index then
      if mode == "steady" then
        line = line:gsub("&event=started", "")
      end
      n = n + 1
      paths[n] = wrk.format("GET", line)
    end
    all = all + 1
  end
  if n == 0 then
    error("no announce paths for this thread in " .. file)
  end
  position = 0
  non200 = 0
  failures = 0
  notBencoded = 0
  bodyBytes = 0
end

function request()
  position = position % #paths + 1
  return paths[position]
end

function response(status, headers, body)
  bodyBytes = bodyBytes + #body
  if status ~= 200 then
    non200 = non200 + 1
  elseif body:sub(1, 1) ~= "d" or body:sub(-1) ~= "e" then
    notBencoded = notBencoded + 1
  elseif body:find("failure reason", 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local bad200, failed, garbled, bytes = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    bad200 = bad200 + (thread:get("non200") or 0)
    failed = failed + (thread:get("failures") or 0)
    garbled = garbled + (thread:get("notBencoded") or 0)
    bytes = bytes + (thread:get("bodyBytes") or 0)
  end
  -- "closed" counts wrk's read errors: a server that closes the connection after each reply
  -- (opentracker has no keep-alive) makes one per request; wrk then reconnects.
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50ms=%.3f p99ms=%.3f avgbody=%.0f " ..
    "non200=%d failure=%d notbencoded=%d connect=%d write=%d timeout=%d closed=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests > 0 and bytes / summary.requests or 0,
    bad200, failed, garbled, e.connect, e.write, e.timeout, e.read))
end
