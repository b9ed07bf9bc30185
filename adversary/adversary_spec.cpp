#include "adversary/adversary_spec.h"

#include <algorithm>

namespace smpc {

const std::vector<StrategyInfo>& strategy_catalog() {
  static const std::vector<StrategyInfo> kCatalog = {
      {StrategyKind::kDrop, "drop", "the message is not sent", "selectors only"},
      {StrategyKind::kDelay, "delay", "the party waits delay_s simulated seconds, then sends",
       "delay_s"},
      {StrategyKind::kDuplicate, "duplicate", "the message is sent twice", "selectors only"},
      {StrategyKind::kReplay, "replay",
       "the previous message to the same recipient is sent instead (the first is sent as is)",
       "selectors only"},
      {StrategyKind::kReorder, "reorder",
       "the message is held back and sent after the next one to the same recipient",
       "selectors only"},
      {StrategyKind::kTruncate, "truncate", "only the first `bytes` bytes of the encoding are sent",
       "bytes"},
      {StrategyKind::kBitFlip, "bit_flip", "bit `bit` of element `element` is flipped",
       "element, bit"},
      {StrategyKind::kAdd, "add", "delta is added to element `element` in its domain",
       "element, delta"},
      {StrategyKind::kRandomize, "randomize", "element `element` is replaced by a random one",
       "element"},
      {StrategyKind::kEquivocate, "equivocate",
       "recipients in `to` get element + delta, the others the original", "to, element, delta"},
      {StrategyKind::kSelectiveAbort, "selective_abort",
       "from the first match on, nothing more is sent to the parties in `to`", "to"},
      {StrategyKind::kCrash, "crash", "from the first match on, the party stops",
       "selectors (label / round)"},
      {StrategyKind::kRushing, "rushing",
       "before sending, waits up to window_s for one message from each honest party",
       "window_s"},
      {StrategyKind::kInputSubstitution, "input_substitution",
       "the party runs on `value` instead of its input", "party, value"},
  };
  return kCatalog;
}

const char* strategy_name(StrategyKind k) {
  for (const auto& s : strategy_catalog())
    if (s.kind == k) return s.name;
  return "?";
}

bool AdversarySpec::corrupts(PartyId p) const {
  return std::find(corrupt.begin(), corrupt.end(), p) != corrupt.end();
}

const StrategyStep* AdversarySpec::substitution_for(PartyId p) const {
  for (const auto& s : script)
    if (s.kind == StrategyKind::kInputSubstitution && (!s.party || *s.party == p)) return &s;
  return nullptr;
}

namespace {

Status err(const std::string& pointer, const std::string& problem) {
  return Error(pointer + ": " + problem);
}

Result<PartyId> party_at(const nlohmann::json& v, int parties, const std::string& ptr) {
  if (!v.is_number_integer()) return err(ptr, "must be a party number, got " + v.dump());
  const auto p = v.get<long long>();
  if (p < 0 || p >= parties)
    return err(ptr, "party " + std::to_string(p) + " does not exist (parties are 0.." +
                        std::to_string(parties - 1) + ")");
  return static_cast<PartyId>(p);
}

}  // namespace

Result<AdversarySpec> parse_adversary(const nlohmann::json& j, int parties) {
  AdversarySpec spec;
  const std::string base = "/adversary";
  if (!j.contains("corrupt")) return err(base, "missing required field \"corrupt\"");
  for (std::size_t i = 0; i < j["corrupt"].size(); ++i) {
    SMPC_ASSIGN_OR_RETURN(auto p, party_at(j["corrupt"][i], parties,
                                           base + "/corrupt/" + std::to_string(i)));
    if (spec.corrupts(p))
      return err(base + "/corrupt/" + std::to_string(i),
                 "party " + std::to_string(p) + " is listed twice");
    spec.corrupt.push_back(p);
  }
  if (static_cast<int>(spec.corrupt.size()) >= parties)
    return err(base + "/corrupt", "at least one party must stay honest");
  spec.model = j.value("model", "semi-honest") == "malicious" ? AdversaryModel::kMalicious
                                                              : AdversaryModel::kSemiHonest;
  const auto script = j.value("script", nlohmann::json::array());
  if (!script.empty() && spec.model == AdversaryModel::kSemiHonest)
    return err(base + "/script", "a semi-honest adversary follows the protocol and only "
                                 "records views: use \"model\": \"malicious\" for a script");
  for (std::size_t i = 0; i < script.size(); ++i) {
    const std::string ptr = base + "/script/" + std::to_string(i);
    const auto& s = script[i];
    StrategyStep step;
    const auto name = s.at("strategy").get<std::string>();
    const auto it = std::find_if(strategy_catalog().begin(), strategy_catalog().end(),
                                 [&](const StrategyInfo& info) { return name == info.name; });
    if (it == strategy_catalog().end())
      return err(ptr + "/strategy", "unknown strategy \"" + name + "\" (see smpc list attacks)");
    step.kind = it->kind;
    if (s.contains("party")) {
      SMPC_ASSIGN_OR_RETURN(auto p, party_at(s["party"], parties, ptr + "/party"));
      if (!spec.corrupts(p))
        return err(ptr + "/party", "party " + std::to_string(p) + " is not corrupted");
      step.party = p;
    }
    if (s.contains("label")) step.label = s["label"].get<std::string>();
    if (s.contains("round")) step.round = s["round"].get<std::uint32_t>();
    if (s.contains("to"))
      for (std::size_t k = 0; k < s["to"].size(); ++k) {
        SMPC_ASSIGN_OR_RETURN(auto p, party_at(s["to"][k], parties, ptr + "/to/" + std::to_string(k)));
        step.to.push_back(p);
      }
    step.element = s.value("element", std::size_t{0});
    step.bit = s.value("bit", 0u);
    step.delta = s.value("delta", std::uint64_t{1});
    step.delay_s = s.value("delay_s", 0.0);
    step.bytes = s.value("bytes", std::size_t{0});
    step.window_s = s.value("window_s", 1.0);
    if (s.contains("value")) {
      const auto& v = s["value"];
      step.value = v.is_array() ? v.get<std::vector<std::uint64_t>>()
                                : std::vector<std::uint64_t>{v.get<std::uint64_t>()};
    }
    if ((step.kind == StrategyKind::kEquivocate || step.kind == StrategyKind::kSelectiveAbort) &&
        step.to.empty())
      return err(ptr, std::string("\"") + name + "\" needs \"to\": the recipients it singles out");
    if (step.kind == StrategyKind::kInputSubstitution && !s.contains("value"))
      return err(ptr, "\"input_substitution\" needs \"value\"");
    if (step.kind == StrategyKind::kDelay && step.delay_s <= 0)
      return err(ptr + "/delay_s", "\"delay\" needs delay_s > 0");
    spec.script.push_back(std::move(step));
  }
  return spec;
}

nlohmann::ordered_json adversary_json(const AdversarySpec& spec) {
  nlohmann::ordered_json script = nlohmann::ordered_json::array();
  for (const auto& s : spec.script) {
    nlohmann::ordered_json e{{"strategy", strategy_name(s.kind)}};
    if (s.party) e["party"] = *s.party;
    if (s.label) e["label"] = *s.label;
    if (s.round) e["round"] = *s.round;
    if (!s.to.empty()) e["to"] = s.to;
    switch (s.kind) {
      case StrategyKind::kBitFlip: e["element"] = s.element; e["bit"] = s.bit; break;
      case StrategyKind::kAdd:
      case StrategyKind::kEquivocate: e["element"] = s.element; e["delta"] = s.delta; break;
      case StrategyKind::kRandomize: e["element"] = s.element; break;
      case StrategyKind::kDelay: e["delay_s"] = s.delay_s; break;
      case StrategyKind::kTruncate: e["bytes"] = s.bytes; break;
      case StrategyKind::kRushing: e["window_s"] = s.window_s; break;
      case StrategyKind::kInputSubstitution: e["value"] = s.value; break;
      default: break;
    }
    script.push_back(e);
  }
  return {{"corrupt", spec.corrupt},
          {"model", adversary_model_name(spec.model)},
          {"script", script}};
}

}  // namespace smpc
