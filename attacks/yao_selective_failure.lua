-- Selective failure against Yao's OT (a corrupted garbler). In the OT of the evaluator's input
-- wire `wire`, the garbler corrupts only the masked 1-label: an evaluator whose bit is 0 never
-- touches it and finishes; one whose bit is 1 decodes a garbage label and aborts. Whether the
-- run aborts is the honest bit. Yao here is semi-honest, so this is outside its claim: the
-- leak is expected and measured (`smpc verify aborts`), not a violation of the claim.
about = {
  summary = "garbler corrupts only the 1-label of one evaluator input wire in the OT: abort-or-not reveals that bit",
  applies_to = {"yao"},
  expect = "leaks one input bit through abort-or-not (outside Yao's semi-honest claim)",
  params = {wire = {default = 0, doc = "the evaluator's input wire (0-based, within the OT batch) whose bit leaks"}},
}

local wire = adv.params.wire or 0

function on_send(msg)
  if msg.label ~= "yao.ot.messages" then return nil end
  local labels = msg.parts[1].values
  local k = 2 * wire + 2  -- the masked 1-label of `wire` (values are 1-based: 0-label, 1-label)
  if labels[k] == nil then return nil end
  local first = string.byte(labels[k], 1)
  labels[k] = string.char((first + 1) % 256) .. string.sub(labels[k], 2)
  return msg
end
