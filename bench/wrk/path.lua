-- GET one fixed path (REQUEST_PATH, with its query) on every request:
-- bench/portfolio's portfolio pages (the first, the 100th by its cursor, a
-- filtered one) and an account's history.
--
-- It loads the shared harness's wrk/common.lua (path in BENCH_COMMON), so
-- the Authorization header and the closing "ANCHOR requests=... rps=...
-- p50_ms=... p99_ms=... err_status=..." line are the harness's own.
--
-- Environment: BENCH_COMMON (required), REQUEST_PATH (required, e.g.
-- "/v1/assessments?limit=50"), AUTH (see common.lua).
local common = os.getenv("BENCH_COMMON")
if not common or #common == 0 then
   error("set BENCH_COMMON to the path of the harness's wrk/common.lua")
end
dofile(common)

local path = os.getenv("REQUEST_PATH")
if not path or #path == 0 then
   error("set REQUEST_PATH to the path to GET, with its query")
end
local headers = bench.headers()
local req

-- Formatted at the first request, not when the script loads: wrk sets the
-- Host header of wrk.format only after loading the script.
function request()
   if not req then req = wrk.format("GET", path, headers) end
   return req
end
