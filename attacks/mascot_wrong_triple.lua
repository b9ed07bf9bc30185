-- A wrong triple share in MASCOT (spdz with "preprocessing": "mascot"). In Π_Triple's Multiply
-- the program is the OT sender of Gilboa's multiplication towards every other party: it adds
-- `delta` to each of its d_h = q_0 − q_1 + b messages for the first triple (τ·61 = 244 of
-- them), which is the same as multiplying with b + delta there while its [[b]] stays b. The
-- resulting triple has c ≠ a·b under correct MACs, so MACs alone would not catch it: MASCOT's
-- sacrifice does (s·c − ĉ − ρ·b ≠ 0). Adding to only some d_h would instead be a selective
-- failure on the receiver's bits of a, which the combine step makes harmless. Expected
-- verdict: abort (sacrifice), within SPDZ's claim.
about = {
  summary = "multiply with b + delta in MASCOT's Gilboa messages for the first triple (a wrong triple share)",
  applies_to = {"spdz"},
  expect = "abort at MASCOT's sacrifice with \"preprocessing\": \"mascot\" (no effect with the dealer)",
  params = {delta = {default = 1, doc = "the field element added to each Gilboa message of the first triple (not 0)"}},
}

local delta = adv.params.delta or 1
local kPerTriple = 4 * 61  -- τ · bits per element

function on_send(msg)
  if msg.label ~= "spdz.mascot.multiply" then return nil end
  local v = msg.parts[1].values
  for i = 1, math.min(kPerTriple, #v) do v[i] = adv.fadd(v[i], delta) end
  return msg
end
