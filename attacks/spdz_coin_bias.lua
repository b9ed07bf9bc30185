-- Coin biasing by a rushing party against SPDZ's MACCheck challenge coins. The coins are
-- committed (spdz.coin.commit) before they are opened (spdz.coin.open); the program waits for
-- the honest openings, then changes its own opened seed so that the XOR of every party's first
-- seed byte is `want`. The changed seed no longer matches its commitment, so honest parties
-- abort; only when the coin already had the wanted byte (1 in 256) does it send the honest
-- opening. Expected verdict: abort (or correct), within SPDZ's claim - never a wrong output.
about = {
  summary = "rushing: see the honest coin openings, then reopen its own seed to force the coin's first byte",
  applies_to = {"spdz"},
  expect = "abort or correct (the coin is committed): the claim holds",
  params = {want = {default = 0, doc = "the first byte (0..255) the program tries to give the XOR of the seeds"}},
}

local want = adv.params.want or 0

function on_send(msg)
  if msg.label ~= "spdz.coin.open" then return nil end
  adv.rush(1.0)
  -- The latest coin opening of each honest party this party has received.
  local latest = {}
  for _, m in ipairs(adv.view()) do
    if m.label == "spdz.coin.open" and m.to == adv.party then latest[m.from] = m end
  end
  local bytes = msg.parts[1].values
  local x = bytes[1]
  for _, m in pairs(latest) do x = x ~ m.parts[1].values[1] end
  if x == want then return nil end
  bytes[1] = bytes[1] ~ x ~ want
  return msg
end
