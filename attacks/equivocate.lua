-- The script strategy "equivocate" (adversary/strategies.h) rewritten as a program, for
-- reference: recipients in `to` get field element `element` of every `label` message plus
-- `delta`, the others the honest message. With scripts this is one step
--   {"strategy": "equivocate", "label": L, "to": [...], "element": k, "delta": d};
-- a program can do the same and more (choose the recipients or the delta from its view).
about = {
  summary = "the equivocate script strategy as a program: to the parties in `to`, element + delta",
  applies_to = {"secure_sum", "bgw", "bgw_robust", "spdz"},
  expect = "as the script step: outside the claim for semi-honest protocols, caught by malicious ones",
  params = {
    label = {default = "sum.open", doc = "the message label to change (exact)"},
    to = {default = {0}, doc = "the recipients that get the changed element"},
    element = {default = 0, doc = "the element (0-based, across the message's field61 part 1)"},
    delta = {default = 1, doc = "added to the element (a field element)"},
  },
}

local label = adv.params.label or "sum.open"
local element = adv.params.element or 0
local delta = adv.params.delta or 1
local targets = {}
for _, p in ipairs(adv.params.to or {0}) do targets[p] = true end

function on_send(msg)
  if msg.label ~= label or not targets[msg.to] then return nil end
  local part = msg.parts[1]
  if part == nil or part.kind ~= "field61" or part.values[element + 1] == nil then return nil end
  part.values[element + 1] = adv.fadd(part.values[element + 1], delta)
  return msg
end
