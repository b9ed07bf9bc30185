-- A malicious psi_dh party sends the same point twice (Huberman–Franklin–Hogg PSI, issue 17):
-- in its "psi.blinded" message, point `copy_to` is replaced by point `copy_from`. It then
-- claims |Y| elements while using fewer: the receiver would miss any of its elements equal to
-- the dropped one (and, in cardinality mode with repeated reblinded points, could be made to
-- count a match twice). A set of distinct elements hashes to distinct points, so the honest
-- party can see the repetition: psi_dh aborts and blames the sender.
-- Expected verdict: abort (outside_model: psi_dh is semi-honest; the check is a consistency
-- check, not malicious security). See docs/applications.md for what stays undetectable.
about = {
  summary = "psi_dh: repeat one point of the psi.blinded message (a set with a duplicate)",
  applies_to = {"psi_dh"},
  expect = "abort blaming the sender (outside_model): the honest party rejects repeated points",
  params = {
    copy_from = {default = 0, doc = "the point (0-based) sent twice"},
    copy_to = {default = 1, doc = "the point (0-based) it replaces"},
  },
}

local from = (adv.params.copy_from or 0) + 1
local to = (adv.params.copy_to or 1) + 1

function on_send(msg)
  if msg.label ~= "psi.blinded" then return nil end
  local part = msg.parts[1]
  if part == nil or part.kind ~= "point" or part.values[from] == nil or part.values[to] == nil then
    return nil
  end
  part.values[to] = part.values[from]
  return msg
end
