-- Rushing output forcing against secure_sum (semi-honest): the corrupted party waits for the
-- honest parties' openings of the round, then sends the opening that makes every honest
-- party's sum equal `target`. Its message is a function of honest messages of the same round,
-- which only a rushing adversary has. Expected verdict: wrong_output, outside_model (secure_sum
-- claims nothing against a malicious party).
about = {
  summary = "rushing: wait for the honest sum.open messages, then open so the sum is `target`",
  applies_to = {"secure_sum"},
  expect = "wrong_output (outside_model): secure_sum is semi-honest",
  params = {target = {default = 0, doc = "the sum every honest party outputs (a field element)"}},
}

local target = adv.params.target or 0

function on_send(msg)
  if msg.label ~= "sum.open" then return nil end
  adv.rush(1.0)
  -- Every honest party's opening, as this party received it in this round.
  local total = 0
  local seen = {}
  for _, m in ipairs(adv.view()) do
    if m.label == "sum.open" and m.to == adv.party and not seen[m.from] then
      seen[m.from] = true
      total = adv.fadd(total, m.parts[1].values[1])
    end
  end
  -- The other corrupted parties send their honest opening; this program controls one party.
  return {parts = {{kind = "field61", values = {adv.fsub(target, total)}}}}
end
