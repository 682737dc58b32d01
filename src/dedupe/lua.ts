/**
 * Lua for DedupeIndex. Keys: KEYS[1] exact-hash key (value: recordId), KEYS[2..5] the
 * four band buckets of the record's simhash (sorted sets, member "<simhash>:<recordId>",
 * score = claim sequence number, so lower = earlier), KEYS[6] the sequence counter,
 * KEYS[7..] further buckets to probe (neighbours of the record's bands), if any.
 * Redis runs a script to completion before any other command, which is what makes
 * "check, then claim" a single step for all workers.
 */

const HELPERS = `
local POP = {[0]=0,1,1,2,1,2,2,3,1,2,2,3,2,3,3,4}
local function pop32(x)
  local c = 0
  for i = 0, 28, 4 do c = c + POP[bit.band(bit.rshift(x, i), 15)] end
  return c
end
local function distance(qhi, qlo, h)
  return pop32(bit.bxor(qhi, tonumber(string.sub(h, 1, 8), 16)))
       + pop32(bit.bxor(qlo, tonumber(string.sub(h, 9, 16), 16)))
end
`;

/**
 * ARGV: recordId, simhash ('' = no near lookup), nearDistance, bucketCap.
 * Returns {'new'} | {'exact', holder} | {'near', holder, distance}.
 */
export const CLAIM_LUA = `${HELPERS}
local recordId, simhash = ARGV[1], ARGV[2]
local maxDistance, cap = tonumber(ARGV[3]), tonumber(ARGV[4])

local holder = redis.call('GET', KEYS[1])
if holder then
  if holder == recordId then return {'new'} end
  return {'exact', holder}
end

if simhash ~= '' then
  local qhi = tonumber(string.sub(simhash, 1, 8), 16)
  local qlo = tonumber(string.sub(simhash, 9, 16), 16)
  local best, bestDistance, bestSeq = nil, maxDistance + 1, nil
  local seen = {}
  local function scan(key)
    local members = redis.call('ZREVRANGE', key, 0, cap - 1, 'WITHSCORES')
    for i = 1, #members, 2 do
      local m = members[i]
      if not seen[m] then
        seen[m] = true
        local id = string.sub(m, 18)
        if id ~= recordId then
          local d = distance(qhi, qlo, m)
          local seq = tonumber(members[i + 1])
          if d < bestDistance or (best and d == bestDistance and seq < bestSeq) then
            best, bestDistance, bestSeq = id, d, seq
          end
        end
      end
    end
  end
  for b = 2, 5 do scan(KEYS[b]) end
  for b = 7, #KEYS do scan(KEYS[b]) end
  if best then return {'near', best, tostring(bestDistance)} end
end

redis.call('SET', KEYS[1], recordId)
if simhash ~= '' then
  local seq = redis.call('INCR', KEYS[6])
  local member = simhash .. ':' .. recordId
  for b = 2, 5 do
    redis.call('ZADD', KEYS[b], 'NX', seq, member)
    redis.call('ZREMRANGEBYRANK', KEYS[b], 0, -(cap + 1))
  end
end
return {'new'}
`;

/** KEYS[1..5] as in CLAIM_LUA. ARGV: recordId, simhash ('' = none). */
export const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if ARGV[2] ~= '' then
  local member = ARGV[2] .. ':' .. ARGV[1]
  for b = 2, 5 do redis.call('ZREM', KEYS[b], member) end
end
return 1
`;
