// The attack strategies, one entry per attack: name, summary, typed parameters, what it does to
// a corrupted party's matching outgoing message, and the step `smpc audit` runs by default.
// Script parsing and the report's adversary JSON (adversary_spec.h), the scenario schema's step
// (strategy_step_schema), `smpc list attacks`, the audit battery and the property generator
// (tests/property/adversary_gen.h) all derive from strategies() and from nowhere else.
//
// Adding a strategy: one entry in strategies.cpp (or, test-only, register_strategy from a test
// file); a new parameter name also needs a field in StrategyStep and a row in step_params().
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "adversary/adversary_spec.h"
#include "adversary/elements.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/core/rng.h"

namespace smpc {

// One typed parameter a script step may carry, bound to its field in StrategyStep.
struct StepParam {
  ParamSpec spec;
  // The element index also takes "all" (kAllElements) and a range {"from": a, "to": b}.
  bool accepts_all = false;
  bool party_inputs = false;  // one circuit input value or a list of them (input substitution)
  // The part of the declared range the property suite draws from (larger values act alike).
  std::pair<double, double> property_range{0, 0};
  std::function<void(StrategyStep&, const nlohmann::json&)> set;  // value already checked
  std::function<nlohmann::ordered_json(const StrategyStep&)> get;
};
// Every parameter name a step may carry; strategies refer to them by name.
const std::vector<StepParam>& step_params();
const StepParam& step_param(std::string_view name);

// What a strategy may do to the sending party besides changing the message: implemented by
// AdversarialChannel.
class SenderControl {
 public:
  virtual ~SenderControl() = default;
  virtual PartyId party() const = 0;
  virtual Rng& rng() = 0;  // the adversary's own stream, never the protocol's
  virtual void sleep_for(double seconds) = 0;
  virtual const Message* last_sent(PartyId to) const = 0;
  virtual void cut_off(const std::vector<PartyId>& recipients) = 0;  // nothing more to them
  virtual void rush(std::uint32_t round, double window_s) = 0;
};

// One outgoing message of a corrupted party while the script's matching steps change it.
struct Outgoing {
  PartyId to = 0;
  std::string_view label;
  std::uint32_t round = 0;  // the message's causal round
  Message message;
  int copies = 1;     // 0: not sent
  bool hold = false;  // sent after the next message to the same recipient
};

// Whom the audit attacks: one label of the corrupted party (empty for strategies that select
// no messages), a victim among the honest parties, the corrupted party's substitute input.
struct AuditTarget {
  std::string label;
  PartyId victim = 0;
  std::vector<std::uint64_t> substitute_input;
};

// What a step did to one matching message: counted per step (StepHits) for the report.
enum class StepEffect {
  kChanged,     // the message (or the party's behaviour) changed: a hit
  kUnchanged,   // left as it is by design (the first replay, equivocate to a non-singled-out)
  kOutOfRange,  // the selected element, bit or byte count lies beyond the message
};

struct Strategy {
  StrategyKind kind = StrategyKind::kCustom;
  std::string name;     // the script's "strategy"
  std::string summary;  // one line: `smpc list attacks`, docs/adversaries.md, the schema
  std::vector<std::string> params;  // names in step_params(), in report order
  bool selects_messages = true;     // false: acts on the party, not on messages (no selectors)
  bool needs_to = false;            // `to` is required: the recipients it singles out
  bool to_selects = true;           // `to` also restricts which messages match
  // Applies the step to a matching outgoing message and says what it did; null: the runner
  // applies it (inputs). A strategy that throws (crash) counts as a hit.
  std::function<StepEffect(const StrategyStep&, Outgoing&, SenderControl&)> apply;
  // The audit's parameter values (the strategy, label and `to` are filled in by audit_step).
  std::function<nlohmann::json(const AuditTarget&)> audit_params;
  int property_weight = 1;  // relative frequency in generated scripts
  bool builtin = true;      // false: added by register_strategy (tests)
};

// The list, built-ins first in their documented order. Entries never move (a deque).
const std::deque<Strategy>& strategies();
const Strategy* find_strategy(std::string_view name);
const Strategy& builtin_strategy(StrategyKind kind);
// Adds a strategy (test-only extensions; kind kCustom). Returns true so a file can register at
// static initialisation: `const bool kRegistered = register_strategy({...});`.
bool register_strategy(Strategy s);

// The script step `smpc audit` runs for strategy s against `target`.
nlohmann::json audit_step(const Strategy& s, const AuditTarget& target);

// The JSON Schema of one script step: selectors, every step parameter, the strategy enum.
nlohmann::json strategy_step_schema();

}  // namespace smpc
