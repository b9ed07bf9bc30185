// What the adversary does: which parties it corrupts, in which model, and a script of named,
// parameterised strategies applied to the corrupted parties' outgoing messages.
//
// Scenario JSON (validated by scenarios/schema.json, then here):
//   "adversary": {"corrupt": [1, 3], "model": "malicious",
//                 "script": [{"strategy": "add", "label": "bgw.mult.reshare", "round": 2,
//                             "to": [0], "element": 0, "delta": 1}]}
// A step applies to a message when every selector it names matches: `party` (the corrupted
// sender), `label` (exact, or a prefix ending in '*'), `round` (the message's causal round),
// `to` (recipients). Elements are counted across the message's parts.
//
// The strategies themselves — names, typed parameters, what each does, the audit's default
// step — are one list in adversary/strategies.h; this header holds the parsed script.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

enum class StrategyKind {
  kDrop,               // the message is not sent
  kDelay,              // sent `delay_s` simulated seconds later (the party waits)
  kDuplicate,          // sent twice
  kReplay,             // an earlier message to the same recipient is sent instead
  kReorder,            // held back and sent after the next message to the same recipient
  kTruncate,           // only the first `bytes` bytes of the encoding are sent
  kBitFlip,            // bit `bit` of element `element` is flipped
  kAdd,                // δ is added to element `element` (in its domain)
  kRandomize,          // element `element` is replaced by a uniformly random one
  kEquivocate,         // recipients in `to` get element `element` + δ, others the original
  kSelectiveAbort,     // from the first match on, nothing more is sent to `to`
  kCrash,              // from the first match on, the party stops (sends nothing, ends)
  kRushing,            // before sending, wait for the honest parties' messages of the round
  kInputSubstitution,  // the party runs on `value` instead of its input
  kCustom,             // registered outside adversary/ (register_strategy): see StrategyStep::strategy
};

// `element` value meaning every element of the message ("element": "all" in a script).
inline constexpr std::size_t kAllElements = std::numeric_limits<std::size_t>::max();

// A strategy's row for `smpc list attacks` and the schema composer; derived from strategies().
struct StrategyInfo {
  StrategyKind kind;
  std::string name;
  std::string summary;
  std::string parameters;  // e.g. "element, delta" or "selectors only"
};
std::vector<StrategyInfo> strategy_catalog();
const char* strategy_name(StrategyKind k);

struct Strategy;

struct StrategyStep {
  StrategyKind kind = StrategyKind::kDrop;
  // The list entry; set by parse_adversary. Steps built in C++ may leave it null for a
  // built-in kind (strategy_of resolves it).
  const Strategy* strategy = nullptr;
  // Selectors (unset = any).
  std::optional<PartyId> party;
  std::optional<std::string> label;  // exact, or prefix when it ends in '*'
  std::optional<std::uint32_t> round;
  std::vector<PartyId> to;
  // Parameters (declared, with ranges and defaults, by step_params() in strategies.h).
  std::size_t element = 0;  // kAllElements: every element
  unsigned bit = 0;
  std::uint64_t delta = 1;
  double delay_s = 0;
  std::size_t bytes = 0;
  double window_s = 1;  // rushing: how long to wait for honest messages
  std::vector<std::uint64_t> value;
};

// The list entry of a step (its `strategy`, or the built-in entry of its kind).
const Strategy& strategy_of(const StrategyStep& step);

struct AdversarySpec {
  std::vector<PartyId> corrupt;
  AdversaryModel model = AdversaryModel::kSemiHonest;
  std::vector<StrategyStep> script;

  bool corrupts(PartyId p) const;
  // Input substitution for p, if the script has one.
  const StrategyStep* substitution_for(PartyId p) const;
};

// Parses the "adversary" object (at JSON pointer /adversary). Errors start with the pointer.
Result<AdversarySpec> parse_adversary(const nlohmann::json& j, int parties);
nlohmann::ordered_json adversary_json(const AdversarySpec& spec);

}  // namespace smpc
