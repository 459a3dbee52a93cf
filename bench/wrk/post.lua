-- POST /api/v1/orders with the guide's example body, as the prepared account.
local dir = os.getenv("BENCH_DIR")
local token = io.open(dir .. "/account.token"):read("*a")
wrk.method = "POST"
wrk.path = "/api/v1/orders"
wrk.body = io.open(dir .. "/body.json"):read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
