-- MAC-key guessing against SPDZ. The program adds `delta` to its share of the first opened
-- value d (spdz.open), betting that MACCheck will not notice: it passes only if the missing MAC
-- correction alpha * delta * r (alpha the global MAC key, r the check's random coefficient) is
-- 0, which for delta != 0 happens with probability 2^-61 per MAC key. Its sigma stays the one
-- the honest code computes: sigma is committed (spdz.maccheck.commit) before it is opened, so
-- a "guessed" sigma would have to be committed too, and the program has no better guess than
-- the honest one. Abort feedback teaches it nothing across runs: every run draws a fresh key
-- from its seed. Expected verdict: abort (MAC check), within SPDZ's claim.
about = {
  summary = "shift an opened value and bet that MACCheck passes (probability 2^-61 per MAC key)",
  applies_to = {"spdz"},
  expect = "abort: the claim holds",
  params = {delta = {default = 1, doc = "the shift added to the first opened share (a field element, not 0)"}},
}

local delta = adv.params.delta or 1
local shifted = false

function on_send(msg)
  if msg.label == "spdz.open" and not shifted then
    msg.parts[1].values[1] = adv.fadd(msg.parts[1].values[1], delta)
    shifted = true
    return msg
  end
  return nil
end
