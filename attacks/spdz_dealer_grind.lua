-- Grinding SPDZ's simulated dealer. The dealer's common stream is built from a 32-byte
-- contribution of every party. The program rushes on the openings of the contributions
-- (spdz.dealer.seed), and, having seen the honest ones, replaces its own so that the XOR of all
-- contributions is `target` (all zero by default): a contribution chosen as a function of the
-- others' is what lets a party grind the dealer's output (try candidates until the stream gives
-- triples or keys it likes). SPDZ commits to the contributions in round 1 (spdz.dealer.commit)
-- and opens them in round 2, so the replaced contribution no longer opens its commitment and
-- every honest party aborts. Only if the XOR already is `target` (2^-256) does it send the
-- honest opening. Expected verdict: abort, within SPDZ's claim.
about = {
  summary = "rushing: see the honest dealer contributions, then choose its own so that their XOR is `target`",
  applies_to = {"spdz"},
  expect = "abort (the contributions are committed): the claim holds",
  params = {target = {default = 0, doc = "the byte (0..255) every byte of the XOR of all contributions is forced to"}},
}

local target = adv.params.target or 0
local kContribution = 32

function on_send(msg)
  if msg.label ~= "spdz.dealer.seed" then return nil end
  adv.rush(1.0)
  -- The opening of each honest party this party has received: contribution, then randomness.
  local latest = {}
  for _, m in ipairs(adv.view()) do
    if m.label == "spdz.dealer.seed" and m.to == adv.party then latest[m.from] = m end
  end
  local bytes = msg.parts[1].values
  local changed = false
  for i = 1, kContribution do
    local x = bytes[i]
    for _, m in pairs(latest) do x = x ~ m.parts[1].values[i] end
    if x ~= target then
      bytes[i] = bytes[i] ~ x ~ target
      changed = true
    end
  end
  if not changed then return nil end
  return msg
end
