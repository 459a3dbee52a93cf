-- GET /api/v1/orders/{id} over the prepared orders, picked at random.
local dir = os.getenv("BENCH_DIR")
local token = io.open(dir .. "/account.token"):read("*a")
local ids = {}
for line in io.lines(dir .. "/order-ids.txt") do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. token }

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/api/v1/orders/" .. ids[math.random(#ids)], headers)
end
