package io.redstream.core.internal.task;

import io.redstream.core.internal.LuaScript;
import io.redstream.core.task.TaskBoard;

/**
 * The compare-and-set steps on a task's hash, each one Lua script on that one key (atomic on a cluster too).
 *
 * <p>Every transition appends an event to the hash in the same script: field {@code h:<seq>} holds its JSON and
 * {@code outbox} lists the seqs not yet on the events stream. The caller publishes them and removes them from the
 * outbox with {@link #FINISH}; a crash in between leaves them in the outbox, where the next claim or sweep finds
 * them. Agent names are checked by the caller to be {@code [A-Za-z0-9_-]} and notes arrive JSON-encoded, so the
 * scripts can build event JSON by concatenation.
 *
 * <p>Replies: a list whose first element is an outcome tag; see each script.
 */
final class TaskScripts {
    private static final String PRELUDE = """
            local HISTORY_LIMIT = %d
            local events = {}
            local function append(key, event, status, agent, attempt, at, note)
              local seq = redis.call('HINCRBY', key, 'seq', 1)
              local who = 'null'
              if agent and agent ~= '' then who = '"' .. agent .. '"' end
              local json = '{"event":"' .. event .. '","status":"' .. status .. '","agent":' .. who
                  .. ',"attempt":' .. attempt .. ',"at":' .. at .. ',"note":' .. note .. '}'
              redis.call('HSET', key, 'h:' .. seq, json)
              local outbox = redis.call('HGET', key, 'outbox')
              if outbox and outbox ~= '' then outbox = outbox .. ' ' .. seq else outbox = tostring(seq) end
              redis.call('HSET', key, 'outbox', outbox)
              if seq > HISTORY_LIMIT then redis.call('HDEL', key, 'h:' .. (seq - HISTORY_LIMIT)) end
              events[#events + 1] = tostring(seq)
              events[#events + 1] = json
            end
            local function num(v)
              return tonumber(v) or 0
            end
            -- A lease ran out: the task is open again, or dead when that was its last attempt.
            local function expire(key, attempt, max, owner, now)
              local outcome = 'open'
              if attempt >= max then outcome = 'dead' end
              append(key, 'expired', outcome, owner, attempt, now, '"lease expired"')
              if outcome == 'dead' then
                redis.call('HSET', key, 'status', 'dead', 'lease_expires_at', '', 'updated_at', now,
                    'note', 'lease expired on the final attempt')
                append(key, 'dead', 'dead', owner, attempt, now, '"lease expired on the final attempt"')
              else
                redis.call('HSET', key, 'status', 'open', 'owner', '', 'lease_expires_at', '', 'updated_at', now)
              end
              return outcome
            end
            """.formatted(TaskBoard.HISTORY_LIMIT);

    /**
     * Creates the hash if it does not exist. ARGV: created_at, now, then field/value pairs of the task's
     * definition. Reply: {@code {'created', events}} or {@code {'exists'}}.
     */
    static final LuaScript CREATE = new LuaScript(PRELUDE + """
            local key = KEYS[1]
            if redis.call('EXISTS', key) == 1 then return {'exists'} end
            redis.call('HSET', key, unpack(ARGV, 3))
            redis.call('HSET', key, 'status', 'open', 'attempt', '0', 'seq', '0', 'outbox', '', 'updated_at', ARGV[2])
            append(key, 'created', 'open', '', 0, ARGV[1], 'null')
            return {'created', events}
            """);

    /**
     * Hands the task to an agent if it is claimable by it now. ARGV: agent, now, lease_ms, lease_expires_at.
     * Replies: {@code {'claimed', events, hgetall}}; {@code {'dead', owner, attempt, events, trace_id}} (its
     * last lease had run out); {@code {'missing'}}; {@code {'final', status, owner, attempt}}; {@code {'assigned', assignee}};
     * {@code {'held', owner, attempt, lease_expires_at}}; {@code {'not_due', retry_at}};
     * {@code {'corrupt', status}}.
     */
    static final LuaScript CLAIM = new LuaScript(PRELUDE + """
            local key = KEYS[1]
            if redis.call('EXISTS', key) == 0 then return {'missing'} end
            local f = redis.call('HMGET', key, 'status', 'attempt', 'max_attempts', 'owner', 'lease_expires_at',
                'retry_at', 'assignee')
            local status, attempt, max, owner = f[1], num(f[2]), num(f[3]), f[4] or ''
            local agent, now = ARGV[1], ARGV[2]
            if status == 'done' or status == 'dead' then return {'final', status, owner, tostring(attempt)} end
            if f[7] and f[7] ~= '' and f[7] ~= agent then return {'assigned', f[7]} end
            if status == 'claimed' or status == 'in_progress' then
              if num(f[5]) > num(now) then return {'held', owner, tostring(attempt), f[5]} end
              if expire(key, attempt, max, owner, now) == 'dead' then
                return {'dead', owner, tostring(attempt), events, redis.call('HGET', key, 'trace_id') or ''}
              end
            elseif status == 'failed' then
              if num(f[6]) > num(now) then return {'not_due', f[6] or ''} end
            elseif status ~= 'open' then
              return {'corrupt', tostring(status)}
            end
            attempt = attempt + 1
            redis.call('HSET', key, 'status', 'claimed', 'attempt', attempt, 'owner', agent, 'lease_ms', ARGV[3],
                'lease_expires_at', ARGV[4], 'retry_at', '', 'updated_at', now)
            append(key, 'claimed', 'claimed', agent, attempt, now, 'null')
            return {'claimed', events, redis.call('HGETALL', key)}
            """);

    /**
     * An update by the holder within its lease. ARGV: agent, now, kind ({@code progress}, {@code done},
     * {@code fail}), note ('' for none), note as JSON ('null' for none), result JSON ('' for none), retry_at.
     * Replies: {@code {'ok', status, attempt, lease_expires_at, trace_id, events}}; {@code {'missing'}};
     * {@code {'final'|'not_held'|'other'|'expired', status, owner, attempt, lease_expires_at}}.
     */
    static final LuaScript UPDATE = new LuaScript(PRELUDE + """
            local key = KEYS[1]
            if redis.call('EXISTS', key) == 0 then return {'missing'} end
            local f = redis.call('HMGET', key, 'status', 'attempt', 'max_attempts', 'owner', 'lease_expires_at',
                'lease_ms', 'trace_id')
            local status, attempt, max, owner, lease = f[1], num(f[2]), num(f[3]), f[4] or '', f[5] or ''
            local agent, now, kind = ARGV[1], ARGV[2], ARGV[3]
            local refused = nil
            if status == 'done' or status == 'dead' then refused = 'final'
            elseif status ~= 'claimed' and status ~= 'in_progress' then refused = 'not_held'
            elseif owner ~= agent then refused = 'other'
            elseif num(lease) <= num(now) then refused = 'expired' end
            if refused then return {refused, tostring(status), owner, tostring(attempt), lease} end
            local new_status
            local new_lease = ''
            if kind == 'progress' then
              new_status = 'in_progress'
              new_lease = string.format('%.0f', num(now) + num(f[6]))
              redis.call('HSET', key, 'status', new_status, 'lease_expires_at', new_lease, 'updated_at', now)
              append(key, 'progress', new_status, agent, attempt, now, ARGV[5])
            elseif kind == 'done' then
              new_status = 'done'
              redis.call('HSET', key, 'status', new_status, 'lease_expires_at', '', 'updated_at', now)
              if ARGV[6] ~= '' then redis.call('HSET', key, 'result', ARGV[6]) end
              append(key, 'done', new_status, agent, attempt, now, ARGV[5])
            else
              new_status = 'failed'
              if attempt >= max then new_status = 'dead' end
              append(key, 'failed', new_status, agent, attempt, now, ARGV[5])
              if new_status == 'dead' then
                redis.call('HSET', key, 'status', 'dead', 'lease_expires_at', '', 'updated_at', now)
                append(key, 'dead', 'dead', agent, attempt, now, ARGV[5])
              else
                redis.call('HSET', key, 'status', 'failed', 'lease_expires_at', '', 'retry_at', ARGV[7],
                    'updated_at', now)
              end
            end
            if ARGV[4] ~= '' then redis.call('HSET', key, 'note', ARGV[4]) end
            return {'ok', new_status, tostring(attempt), new_lease, f[7] or '', events}
            """);

    /**
     * Records an expired lease, for a sweep. ARGV: now. Replies: {@code {'open'|'dead', events, trace_id}} or
     * {@code {'skip'}} (nothing expired, or no such task).
     */
    static final LuaScript EXPIRE = new LuaScript(PRELUDE + """
            local key = KEYS[1]
            if redis.call('EXISTS', key) == 0 then return {'skip'} end
            local f = redis.call('HMGET', key, 'status', 'attempt', 'max_attempts', 'owner', 'lease_expires_at')
            if (f[1] == 'claimed' or f[1] == 'in_progress') and num(f[5]) <= num(ARGV[1]) then
              local outcome = expire(key, num(f[2]), num(f[3]), f[4] or '', ARGV[1])
              return {outcome, events, redis.call('HGET', key, 'trace_id') or ''}
            end
            return {'skip'}
            """);

    /**
     * Records finished steps on an existing hash (never creates one). ARGV: dead-letter entry id ('' for none),
     * then the seqs now on the events stream, to drop from the outbox. Reply: the number of seqs left in it.
     */
    static final LuaScript FINISH = new LuaScript("""
            local key = KEYS[1]
            if redis.call('EXISTS', key) == 0 then return 0 end
            if ARGV[1] ~= '' then redis.call('HSET', key, 'dlq_id', ARGV[1]) end
            local drop = {}
            for i = 2, #ARGV do drop[ARGV[i]] = true end
            local keep = {}
            for s in string.gmatch(redis.call('HGET', key, 'outbox') or '', '%S+') do
              if not drop[s] then keep[#keep + 1] = s end
            end
            redis.call('HSET', key, 'outbox', table.concat(keep, ' '))
            return #keep
            """);

    private TaskScripts() {
    }
}
