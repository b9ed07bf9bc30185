-- A FROST signer that reuses its nonces (RFC 9591 §5.1 requires fresh ones per signing; reused
-- (d, e) across three signatures reveal the signer's share, docs/applications.md): every
-- "frost.commit" after the first repeats the first one's (D_i, E_i), which is exactly what the
-- coordinator sees of a signer whose nonce generator repeats. The coordinator keeps every
-- commitment it has received and refuses a repeat, aborting before any share for the repeated
-- nonces is sent, and names the signer.
-- Expected verdict: abort blaming the signer, the claim holds (frost: correct signature or
-- abort).
about = {
  summary = "frost: send the first frost.commit's nonce commitments again in every later session",
  applies_to = {"frost"},
  expect = "the coordinator aborts at the second session, blaming the signer (claim holds)",
  params = {},
}

local first = nil

function on_send(msg)
  if msg.label ~= "frost.commit" then return nil end
  if first == nil then
    first = msg.parts
    return nil
  end
  msg.parts = first
  return msg
end
