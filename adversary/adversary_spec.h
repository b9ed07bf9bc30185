// What the adversary does: which parties it corrupts, in which model, and a script of named,
// parameterised strategies applied to the corrupted parties' outgoing messages.
//
// Scenario JSON (validated by scenarios/schema.json, then here):
//   "adversary": {"corrupt": [1, 3], "model": "malicious",
//                 "script": [{"strategy": "add", "label": "bgw.mult.reshare", "round": 2,
//                             "to": [0], "element": 0, "delta": 1}],
//                 "program": "attacks/coin_bias.lua", "params": {"target": 0}}
// A program (adversary/program.h) sees each message after the script's steps.
// A step applies to a message when every selector it names matches: `party` (the corrupted
// sender), `label` (exact, or a prefix ending in '*'), `round` (the message's causal round),
// `to` (recipients), `occurrence` (the n-th such message of its label, per sender). Elements
// are counted across the message's parts. Each corrupted party counts, per step, the messages
// it matched and changed (StepHits): a step that changed nothing is reported (idle_reason).
//
// The strategies themselves — names, typed parameters, what each does, the audit's default
// step — are one list in adversary/strategies.h; this header holds the parsed script.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/message_label.h"
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
  // 1-based: only the n-th message, per corrupted sender and actual label, among those the
  // other selectors match.
  std::optional<std::uint32_t> occurrence;
  // Parameters (declared, with ranges and defaults, by step_params() in strategies.h).
  std::size_t element = 0;  // the first selected element; kAllElements: every element
  std::size_t element_count = 1;  // "element": {"from": a, "to": b} selects b - a + 1
  unsigned bit = 0;
  std::uint64_t delta = 1;       // |δ|
  bool delta_negative = false;   // δ < 0: |δ| is subtracted in the element's domain
  double delay_s = 0;
  std::size_t bytes = 0;
  double window_s = 1;  // rushing: how long to wait for honest messages
  std::vector<std::uint64_t> value;
};

// Whether a `label` selector (exact, or a prefix ending in '*') selects `label`.
bool label_selects(std::string_view selector, std::string_view label);

// The list entry of a step (its `strategy`, or the built-in entry of its kind).
const Strategy& strategy_of(const StrategyStep& step);

// What a program instance knows of its place in the run.
struct ProgramSetup {
  PartyId party = 0;
  int parties = 0;
  std::vector<PartyId> coalition;
  nlohmann::json params = nlohmann::json::object();
};

class ProgramFactory;  // adversary/program.h

// The scenario's "program" and "params"; `factory` is set by resolve (scenarios/) once the
// file is read, or directly by C++ callers.
struct ProgramSpec {
  std::string path;  // as the scenario writes it
  nlohmann::json params = nlohmann::json::object();
  std::shared_ptr<const ProgramFactory> factory;
};

struct AdversarySpec {
  std::vector<PartyId> corrupt;
  AdversaryModel model = AdversaryModel::kSemiHonest;
  std::vector<StrategyStep> script;
  // "program": "attacks/x.lua", "params": {...} (malicious only); its factory is set by resolve.
  std::optional<ProgramSpec> program;

  // What corrupted party p's program instance is told about the run.
  ProgramSetup program_setup(PartyId p, int parties) const;

  bool corrupts(PartyId p) const;
  // Input substitution for p, if the script has one.
  const StrategyStep* substitution_for(PartyId p) const;
};

// What one step did in one corrupted party (counted in the party's own process, carried back
// in its run annotations under "script_hits", one entry per step).
struct StepHits {
  std::uint64_t matched = 0;       // messages its selectors matched (parties, for inputs)
  std::uint64_t hits = 0;          // messages it changed (or, for party strategies, acted on)
  std::uint64_t out_of_range = 0;  // matched, but its element / bit / byte count lay beyond
  StepHits& operator+=(const StepHits& o);
};
// {"matched": .., "hits": .., "out_of_range": ..}, and one such object per step.
nlohmann::ordered_json step_hits_json(const StepHits& h);
nlohmann::json step_hits_json(const std::vector<StepHits>& steps);
// The counts a party recorded; nullopt when absent or not one entry per step.
std::optional<std::vector<StepHits>> step_hits_from(const nlohmann::json& annotations,
                                                    std::size_t steps);
// Why a step changed no message in the whole run ("" when it changed something): what the
// summary warns about and what `smpc run --strict` (and the audit) treat as an error.
// `labels`: the protocol's message labels (to point out a label that is none of them).
std::string idle_reason(const StrategyStep& step, const StepHits& total,
                        const std::vector<MessageLabel>& labels);
// "add label=bgw.mult.reshare element=0 delta=1": a step in one line, for summaries.
std::string step_text(const StrategyStep& step);

// Parses the "adversary" object (at JSON pointer /adversary). Errors start with the pointer.
Result<AdversarySpec> parse_adversary(const nlohmann::json& j, int parties);
nlohmann::ordered_json adversary_json(const AdversarySpec& spec);

}  // namespace smpc
