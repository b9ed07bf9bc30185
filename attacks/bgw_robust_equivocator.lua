-- An input-dependent equivocator against robust BGW's broadcast. Whenever the corrupted party
-- broadcasts (bgwr.bcast.send), it sends recipients of one parity its payload and the others a
-- payload with one byte changed, choosing which parity gets which from the parity of the first
-- field element it received (a function of the honest parties' inputs and randomness). The
-- broadcast (phase king) gives every honest party the same value anyway. Expected verdict:
-- correct output, within robust BGW's claim (guaranteed output delivery).
about = {
  summary = "send different broadcast payloads to even and odd parties, the split chosen by what it received",
  applies_to = {"bgw_robust"},
  expect = "correct: broadcast agreement holds (guaranteed output delivery)",
  params = {},
}

local function first_field_parity()
  for _, m in ipairs(adv.view()) do
    local part = m.parts and m.parts[1]
    if part and part.kind == "field61" and part.values[1] then return part.values[1] % 2 end
  end
  return 0
end

function on_send(msg)
  if msg.label ~= "bgwr.bcast.send" then return nil end
  if (msg.to + first_field_parity()) % 2 == 0 then return nil end
  local part = msg.parts[1]
  if #part.values == 0 then
    part.values[1] = 1
  else
    part.values[1] = (part.values[1] + 1) % 256
  end
  return msg
end
