-- GET {BASE_PATH}/accounts/:id/assessment with a random id from IDS_FILE per
-- request (bench/run: one file for the 20-call accounts, one for the
-- 200-call ones).
--
-- It loads the shared harness's wrk/common.lua, whose path is in
-- BENCH_COMMON, so the ids, the Authorization header, the per-thread random
-- seeds and the closing "ANCHOR requests=... rps=... p50_ms=... p99_ms=...
-- err_status=..." line are exactly those of the harness's own scripts.
--
-- Environment: BENCH_COMMON (required), IDS_FILE, BASE_PATH, AUTH (see
-- common.lua), ASSESS_QUERY (appended to the path as is, e.g.
-- "?include=pillars"; default none: every part).
local common = os.getenv("BENCH_COMMON")
if not common or #common == 0 then
   error("set BENCH_COMMON to the path of the harness's wrk/common.lua")
end
dofile(common)

local ids = bench.load_ids()
local headers = bench.headers()
local query = os.getenv("ASSESS_QUERY") or ""

function init(args)
   bench.seed()
end

function request()
   local id = ids[math.random(#ids)]
   return wrk.format("GET", bench.base .. "/accounts/" .. id .. "/assessment" .. query,
                     headers)
end
