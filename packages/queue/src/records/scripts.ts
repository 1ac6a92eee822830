// The Lua scripts that keep a campaign's records. Each runs atomically in Redis, so two
// workers (or a worker and a coordinator) can never both believe they own a recipient.
//
// A record is JSON in the campaign's records hash, under the recipient's key:
//   s    state: "q" queued, "a" attempting, or the outcome "sent" | "failed" | "unknown"
//   r    the run (the coordinator's fencing token) that last claimed it
//   i    its position in that run's input, to tell a duplicate row from the same row
//   tok  the attempt's token (only while attempting); `by` keeps it once the outcome is in
//   t, w when the attempt started, and which worker made it
//   m, q, d  message id, request id and detail of the outcome
// The campaign's hash (`meta`) counts records per state (`n:<state>`). A recipient whose
// outcome is written goes on the done list of the run that claimed it (`<done>:<r>`), so a
// coordinator that lost its lock can never take what the run holding it waits for. Every script first
// checks that the campaign still exists: a Redis that lost its data answers "lost", and
// nothing is sent or recreated.
import { LuaScript } from "./lua-script.js";

const MOVE = `
local function move(meta, from, to)
  if from then redis.call("HINCRBY", meta, "n:" .. from, -1) end
  redis.call("HINCRBY", meta, "n:" .. to, 1)
end
`;

/**
 * The coordinator claims a batch of recipients for its run before enqueueing them.
 * KEYS: meta, records. ARGV: fence, retryUnknown ("1"/"0"), then key, index pairs.
 * Returns verdict, detail pairs: "enqueue" | "wait" (an attempt is under way) | "sent" |
 * "unknown" (detail: the record) | "duplicate" (detail: the other row's index); or
 * {"lost"} / {"fenced"} for the whole batch.
 */
export const CLAIM = new LuaScript(
  `${MOVE}
local meta, records = KEYS[1], KEYS[2]
if redis.call("EXISTS", meta) == 0 then return {"lost"} end
if redis.call("HGET", meta, "fence") ~= ARGV[1] then return {"fenced"} end
local run = tonumber(ARGV[1])
local retryUnknown = ARGV[2] == "1"
local out = {}
for n = 3, #ARGV, 2 do
  local key, index = ARGV[n], tonumber(ARGV[n + 1])
  local raw = redis.call("HGET", records, key)
  local verdict, detail = "enqueue", ""
  if not raw then
    redis.call("HSET", records, key, cjson.encode({s = "q", r = run, i = index}))
    move(meta, nil, "q")
  else
    local rec = cjson.decode(raw)
    if rec.r == run and rec.i ~= index then
      verdict, detail = "duplicate", tostring(rec.i)
      redis.call("HINCRBY", meta, "n:duplicate", 1)
    else
      rec.r, rec.i = run, index
      if rec.s == "a" then
        verdict = "wait"
      elseif rec.s == "sent" then
        verdict, detail = "sent", raw
      elseif rec.s == "failed" or (rec.s == "unknown" and retryUnknown) then
        move(meta, rec.s, "q")
        rec = {s = "q", r = run, i = index}
      elseif rec.s == "unknown" then
        verdict, detail = "unknown", raw
      end
      redis.call("HSET", records, key, cjson.encode(rec))
    end
  end
  out[#out + 1] = verdict
  out[#out + 1] = detail
end
return out
`,
  2,
);

/**
 * A worker records its attempt before the request leaves, only if the recipient is queued.
 * KEYS: meta, records, done. ARGV: key, token, now, worker.
 * Returns "go" (the attempt is ours), "done" (an outcome exists), "in-doubt" (an attempt
 * without an outcome was found; it is now recorded unknown, nothing is sent), or "lost".
 * With the campaign's retryUnknown, an attempt without an outcome is taken over instead.
 */
export const BEGIN = new LuaScript(
  `${MOVE}
local meta, records, done = KEYS[1], KEYS[2], KEYS[3]
if redis.call("EXISTS", meta) == 0 then return "lost" end
local key, token, now, worker = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local raw = redis.call("HGET", records, key)
local rec
if raw then
  rec = cjson.decode(raw)
else
  -- Enqueued without a claim (not by kapsokit's coordinator): queued all the same.
  rec = {s = "q", r = 0, i = -1}
  move(meta, nil, "q")
end
if rec.s == "q" then
  rec.s, rec.tok, rec.t, rec.w = "a", token, now, worker
  redis.call("HSET", records, key, cjson.encode(rec))
  move(meta, "q", "a")
  return "go"
end
if rec.s == "a" and rec.tok == token then
  -- This very attempt, asked again after a reply was lost with the connection.
  return "go"
end
if rec.s == "a" then
  if redis.call("HGET", meta, "retryUnknown") == "1" then
    rec.tok, rec.t, rec.w = token, now, worker
    redis.call("HSET", records, key, cjson.encode(rec))
    return "go"
  end
  rec.s, rec.tok = "unknown", nil
  rec.d = "an earlier attempt (by " .. tostring(rec.w) .. ") left no outcome; check before sending again"
  redis.call("HSET", records, key, cjson.encode(rec))
  move(meta, "a", "unknown")
  redis.call("RPUSH", done .. ":" .. tostring(rec.r), key)
  return "in-doubt"
end
return "done"
`,
  3,
);

/**
 * Writes the outcome of an attempt, only for the attempt that holds the record (`token`), or
 * for a queued recipient that failed before any attempt (`token` empty).
 * KEYS: meta, records, done. ARGV: key, token, outcome JSON {s, m?, q?, d?}.
 * Returns "ok", "stale" (the record moved on without this attempt), or "lost".
 */
export const FINISH = new LuaScript(
  `${MOVE}
local meta, records, done = KEYS[1], KEYS[2], KEYS[3]
if redis.call("EXISTS", meta) == 0 then return "lost" end
local key, token = ARGV[1], ARGV[2]
local raw = redis.call("HGET", records, key)
if not raw then return "stale" end
local rec = cjson.decode(raw)
-- Written already by this attempt, asked again after a reply was lost with the connection.
if token ~= "" and rec.by == token then return "ok" end
local holds = (token ~= "" and rec.s == "a" and rec.tok == token) or (token == "" and rec.s == "q")
if not holds then return "stale" end
local outcome = cjson.decode(ARGV[3])
local from = rec.s
rec.s, rec.tok, rec.m, rec.q, rec.d = outcome.s, nil, outcome.m, outcome.q, outcome.d
if token ~= "" then rec.by = token end
redis.call("HSET", records, key, cjson.encode(rec))
move(meta, from, rec.s)
redis.call("RPUSH", done .. ":" .. tostring(rec.r), key)
return "ok"
`,
  3,
);

/**
 * Gives an attempt back before or without any effect (a 429, or a send that would leave too
 * late for the rate limit's bound): the recipient is queued again.
 * KEYS: meta, records. ARGV: key, token, counter to count it in ("rateLimited" or "late").
 * Returns "ok", "stale" or "lost".
 */
export const RELEASE = new LuaScript(
  `${MOVE}
local meta, records = KEYS[1], KEYS[2]
if redis.call("EXISTS", meta) == 0 then return "lost" end
local raw = redis.call("HGET", records, ARGV[1])
if not raw then return "stale" end
local rec = cjson.decode(raw)
if rec.s ~= "a" or rec.tok ~= ARGV[2] then return "stale" end
rec.s, rec.tok, rec.t, rec.w = "q", nil, nil, nil
redis.call("HSET", records, ARGV[1], cjson.encode(rec))
move(meta, "a", "q")
redis.call("HINCRBY", meta, ARGV[3], 1)
return "ok"
`,
  2,
);

/**
 * The coordinator settles a recipient whose job BullMQ failed without running it (its worker
 * died; the job stalled). An attempt without an outcome becomes unknown (or, with
 * retryUnknown, queued again); a queued recipient was never attempted and is enqueued again.
 * KEYS: meta, records, done. ARGV: key, detail.
 * Returns "requeue", "unknown", "done" (an outcome exists) or "lost".
 */
export const SETTLE_STALLED = new LuaScript(
  `${MOVE}
local meta, records, done = KEYS[1], KEYS[2], KEYS[3]
if redis.call("EXISTS", meta) == 0 then return "lost" end
local raw = redis.call("HGET", records, ARGV[1])
if not raw then return "requeue" end
local rec = cjson.decode(raw)
if rec.s == "q" then return "requeue" end
if rec.s ~= "a" then return "done" end
if redis.call("HGET", meta, "retryUnknown") == "1" then
  rec.s, rec.tok = "q", nil
  redis.call("HSET", records, ARGV[1], cjson.encode(rec))
  move(meta, "a", "q")
  return "requeue"
end
rec.s, rec.tok, rec.d = "unknown", nil, ARGV[2]
redis.call("HSET", records, ARGV[1], cjson.encode(rec))
move(meta, "a", "unknown")
redis.call("RPUSH", done .. ":" .. tostring(rec.r), ARGV[1])
return "unknown"
`,
  3,
);

/**
 * Creates a campaign, only if none has its id.
 * KEYS: meta. ARGV: field, value pairs. Returns "ok" or "exists".
 */
export const CREATE = new LuaScript(
  `
if redis.call("EXISTS", KEYS[1]) == 1 then return "exists" end
redis.call("HSET", KEYS[1], unpack(ARGV))
return "ok"
`,
  1,
);

/**
 * Takes the coordinator's lock and a new fencing token (the run number).
 * KEYS: meta, lock. ARGV: nonce, ttl ms, holder.
 * Returns {"ok", fence, token}, {"locked", holder, pttl} or {"missing"}.
 */
export const ACQUIRE = new LuaScript(
  `
local meta, lock = KEYS[1], KEYS[2]
if redis.call("EXISTS", meta) == 0 then return {"missing"} end
if redis.call("EXISTS", lock) == 1 then
  return {"locked", redis.call("HGET", meta, "holder") or "", redis.call("PTTL", lock)}
end
local fence = redis.call("HINCRBY", meta, "fence", 1)
local token = fence .. ":" .. ARGV[1]
redis.call("SET", lock, token, "PX", ARGV[2])
redis.call("HSET", meta, "holder", ARGV[3])
return {"ok", fence, token}
`,
  2,
);

/**
 * Extends the lock while it is still ours. A lock that lapsed (Redis was away longer than
 * its expiry) is taken back when no other coordinator took the campaign since: the fence
 * tells. KEYS: meta, lock. ARGV: token, ttl ms, fence.
 * Returns "ok", "taken" (another coordinator has it) or "lost".
 */
export const RENEW = new LuaScript(
  `
if redis.call("EXISTS", KEYS[1]) == 0 then return "lost" end
local current = redis.call("GET", KEYS[2])
if current == ARGV[1] then
  redis.call("PEXPIRE", KEYS[2], ARGV[2])
  return "ok"
end
if not current and redis.call("HGET", KEYS[1], "fence") == ARGV[3] then
  redis.call("SET", KEYS[2], ARGV[1], "PX", ARGV[2])
  return "ok"
end
return "taken"
`,
  2,
);

/** Lets go of the lock if it is still ours. KEYS: meta, lock. ARGV: token. */
export const UNLOCK = new LuaScript(
  `
if redis.call("GET", KEYS[2]) == ARGV[1] then
  redis.call("DEL", KEYS[2])
  redis.call("HDEL", KEYS[1], "holder")
  return "ok"
end
return "taken"
`,
  2,
);
