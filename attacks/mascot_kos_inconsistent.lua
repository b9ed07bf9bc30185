-- Inconsistent choice bits in MASCOT's KOS OT extension (spdz with "preprocessing": "mascot").
-- As the OT receiver of every pair, the program flips the choice bit of OT `row` in the even
-- columns of u (64 of the κ = 128) of its first "spdz.mascot.ot.extend" message to each party:
-- the u^i of those columns encode another choice than the rest, the attack plain IKNP cannot
-- see and that lets a receiver learn bits of the sender's Δ. The KOS consistency check (kos.h,
-- KOS §4) passes only if it guesses all 64 of those Δ bits: 2^-64. Expected verdict: abort
-- (the OT sender's KOS check, blaming this party), within SPDZ's claim.
about = {
  summary = "flip one OT's choice bit in half the columns of the KOS extension matrix u",
  applies_to = {"spdz"},
  expect = "abort at the KOS check with \"preprocessing\": \"mascot\" (no effect with the dealer)",
  params = {row = {default = 5, doc = "the OT (row of the matrix, 0..127) whose choice bit is made inconsistent"}},
}

local row = adv.params.row or 5
local done = {}

function on_send(msg)
  if msg.label ~= "spdz.mascot.ot.extend" or done[msg.to] then return nil end
  done[msg.to] = true
  local v = msg.parts[1].values
  local per_column = #v // 128  -- blocks per column: the batch's OT count / 128
  local byte, bit = row // 8 + 1, 1 << (row % 8)
  for i = 0, 127, 2 do
    local b = v[i * per_column + 1]
    v[i * per_column + 1] = b:sub(1, byte - 1) .. string.char(b:byte(byte) ~ bit) .. b:sub(byte + 1)
  end
  return msg
end
