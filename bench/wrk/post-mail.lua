-- POST /api/v1/orders as the account that approves its orders: body from $BENCH_BODY; "LEADER" in it becomes an
-- address of its own per request, so every order's approval mail goes to a different team leader.
local dir = os.getenv("BENCH_DIR")
local token = io.open(dir .. "/approval.token"):read("*a")
local template = io.open(dir .. "/" .. os.getenv("BENCH_BODY")):read("*a")
local counter = 0
local tag = tostring(math.random(100000, 999999))
wrk.method = "POST"
wrk.path = "/api/v1/orders"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
function setup(thread) thread:set("id", tag .. "-" .. tostring(math.random(1000, 9999))) end
function request()
  counter = counter + 1
  local body = template:gsub("LEADER", "wrk-" .. id .. "-" .. counter .. "@bench.test")
  return wrk.format(nil, nil, nil, body)
end
