#include "adversary/strategies.h"

#include <algorithm>
#include <stdexcept>

#include "protocols/core/abort.h"
#include "protocols/core/field.h"

namespace smpc {

namespace {

using Json = nlohmann::json;

ParamSpec param(std::string name, ParamType type, Json default_value, std::string doc) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  p.default_value = std::move(default_value);
  p.doc = std::move(doc);
  return p;
}

// A parameter stored as-is in its StrategyStep field.
template <typename T>
StepParam bound(ParamSpec spec, T StrategyStep::*field, std::pair<double, double> drawn) {
  StepParam p;
  p.spec = std::move(spec);
  p.property_range = drawn;
  p.set = [field](StrategyStep& s, const Json& v) { s.*field = v.get<T>(); };
  p.get = [field](const StrategyStep& s) { return nlohmann::ordered_json(s.*field); };
  return p;
}

StepParam element_param() {
  auto spec = param("element", ParamType::kInteger, 0,
                    "the element, counted across the message's parts from 0; \"all\"; or a "
                    "range {\"from\": a, \"to\": b} (inclusive)");
  spec.minimum = 0;
  StepParam p = bound(std::move(spec), &StrategyStep::element, {0, 23});
  p.accepts_all = true;
  p.set = [](StrategyStep& s, const Json& v) {
    s.element_count = 1;
    if (v.is_string()) {
      s.element = kAllElements;
    } else if (v.is_object()) {
      s.element = v["from"].get<std::size_t>();
      const std::size_t span = v["to"].get<std::size_t>() - s.element;
      s.element_count = span == kAllElements ? kAllElements : span + 1;
    } else {
      s.element = v.get<std::size_t>();
    }
  };
  p.get = [](const StrategyStep& s) {
    if (s.element == kAllElements) return nlohmann::ordered_json("all");
    if (s.element_count == 1) return nlohmann::ordered_json(s.element);
    return nlohmann::ordered_json{{"from", s.element}, {"to", s.element + s.element_count - 1}};
  };
  return p;
}

// δ as a magnitude and a sign: the whole unsigned 64-bit range, and negatives down to -2^63.
StepParam delta_param() {
  auto spec = param("delta", ParamType::kInteger, 1,
                    "added to the element in its domain (negative: subtracted); not 0");
  StepParam p = bound(std::move(spec), &StrategyStep::delta, {1, 999});
  p.set = [](StrategyStep& s, const Json& v) {
    s.delta_negative = !v.is_number_unsigned() && v.get<std::int64_t>() < 0;
    s.delta = s.delta_negative ? 0 - static_cast<std::uint64_t>(v.get<std::int64_t>())
                               : v.get<std::uint64_t>();
  };
  p.get = [](const StrategyStep& s) {
    return s.delta_negative ? nlohmann::ordered_json(0 - static_cast<std::int64_t>(s.delta - 1) - 1)
                            : nlohmann::ordered_json(s.delta);
  };
  return p;
}

StepParam value_param() {
  auto spec = param("value", ParamType::kInteger, nullptr,
                    "the substituted input: one value per circuit input wire of the party");
  spec.minimum = 0;
  spec.maximum = static_cast<double>(Fp61::kModulus - 1);
  StepParam p = bound(std::move(spec), &StrategyStep::value, {0, 1 << 20});
  p.party_inputs = true;
  p.set = [](StrategyStep& s, const Json& v) {
    s.value = v.is_array() ? v.get<std::vector<std::uint64_t>>()
                           : std::vector<std::uint64_t>{v.get<std::uint64_t>()};
  };
  return p;
}

std::vector<StepParam> make_step_params() {
  auto bit = param("bit", ParamType::kInteger, 0, "the bit of the element's encoding, from 0");
  bit.minimum = 0;
  bit.maximum = 255;
  auto delay = param("delay_s", ParamType::kNumber, nullptr, "simulated seconds to wait");
  delay.exclusive_minimum = 0;
  auto bytes = param("bytes", ParamType::kInteger, 0, "how many bytes of the encoding stay");
  bytes.minimum = 0;
  auto window = param("window_s", ParamType::kNumber, 1.0,
                      "how long to wait for the honest parties' messages");
  window.exclusive_minimum = 0;
  std::vector<StepParam> out;
  out.push_back(element_param());
  out.push_back(bound(std::move(bit), &StrategyStep::bit, {0, 63}));
  out.push_back(delta_param());
  out.push_back(bound(std::move(delay), &StrategyStep::delay_s, {0.001, 3}));
  out.push_back(bound(std::move(bytes), &StrategyStep::bytes, {0, 63}));
  out.push_back(bound(std::move(window), &StrategyStep::window_s, {0.001, 2}));
  out.push_back(value_param());
  return out;
}

// Audit parameters that do not depend on the target.
std::function<Json(const AuditTarget&)> fixed(Json params) {
  return [params = std::move(params)](const AuditTarget&) { return params; };
}

using Apply = std::function<StepEffect(const StrategyStep&, Outgoing&, SenderControl&)>;

Strategy entry(StrategyKind kind, std::string name, std::string summary,
               std::vector<std::string> params, Apply apply, Json audit = Json::object()) {
  Strategy s;
  s.kind = kind;
  s.name = std::move(name);
  s.summary = std::move(summary);
  s.params = std::move(params);
  s.apply = std::move(apply);
  s.audit_params = fixed(std::move(audit));
  return s;
}

// A strategy that always acts on what it matches, through `act`.
Apply always(std::function<void(const StrategyStep&, Outgoing&, SenderControl&)> act) {
  return [act = std::move(act)](const StrategyStep& s, Outgoing& o, SenderControl& c) {
    act(s, o, c);
    return StepEffect::kChanged;
  };
}

// An element edit that changed `n` elements: none means the selection lay beyond the message.
StepEffect changed_elements(std::size_t n) {
  return n > 0 ? StepEffect::kChanged : StepEffect::kOutOfRange;
}

bool sent_to_singled_out(const StrategyStep& s, PartyId to) {
  return std::find(s.to.begin(), s.to.end(), to) != s.to.end();
}

// drop .. truncate: what happens to the message as a whole.
void add_message_fates(std::deque<Strategy>& list) {
  using K = StrategyKind;
  list.push_back(entry(K::kDrop, "drop", "the message is not sent", {},
                       always([](const StrategyStep&, Outgoing& o, SenderControl&) { o.copies = 0; })));
  list.push_back(entry(
      K::kDelay, "delay", "the party waits delay_s simulated seconds, then sends", {"delay_s"},
      always([](const StrategyStep& s, Outgoing&, SenderControl& c) { c.sleep_for(s.delay_s); }),
      {{"delay_s", 0.5}}));
  list.push_back(entry(K::kDuplicate, "duplicate", "the message is sent twice", {},
                       always([](const StrategyStep&, Outgoing& o, SenderControl&) { o.copies = 2; })));
  list.push_back(entry(
      K::kReplay, "replay",
      "the previous message to the same recipient is sent instead (the first is sent as is)", {},
      [](const StrategyStep&, Outgoing& o, SenderControl& c) {
        const Message* last = c.last_sent(o.to);
        if (!last) return StepEffect::kUnchanged;
        o.message = *last;
        return StepEffect::kChanged;
      }));
  list.push_back(entry(K::kReorder, "reorder",
                       "the message is held back and sent after the next one to the same "
                       "recipient",
                       {}, always([](const StrategyStep&, Outgoing& o, SenderControl&) { o.hold = true; })));
  list.push_back(entry(
      K::kTruncate, "truncate", "only the first `bytes` bytes of the encoding are sent",
      {"bytes"},
      [](const StrategyStep& s, Outgoing& o, SenderControl&) {
        Bytes wire = o.message.encode();
        if (wire.size() <= s.bytes) return StepEffect::kOutOfRange;
        wire.resize(s.bytes);
        o.message = Message::raw(std::move(wire));
        return StepEffect::kChanged;
      },
      {{"bytes", 3}}));
}

// bit_flip .. equivocate: the message's contents, element by element.
void add_content_tampering(std::deque<Strategy>& list) {
  using K = StrategyKind;
  const std::size_t first = list.size();
  list.push_back(entry(
      K::kBitFlip, "bit_flip", "bit `bit` of element `element` is flipped", {"element", "bit"},
      [](const StrategyStep& s, Outgoing& o, SenderControl&) {
        return changed_elements(flip_element_bits(o.message, elements_of(s), s.bit));
      },
      {{"element", 0}, {"bit", 0}}));
  list.push_back(entry(
      K::kAdd, "add", "delta is added to element `element` in its domain", {"element", "delta"},
      [](const StrategyStep& s, Outgoing& o, SenderControl&) {
        return changed_elements(
            add_to_elements(o.message, elements_of(s), s.delta, s.delta_negative));
      },
      {{"element", 0}, {"delta", 1}}));
  list.push_back(entry(
      K::kRandomize, "randomize", "element `element` is replaced by a random one", {"element"},
      [](const StrategyStep& s, Outgoing& o, SenderControl& c) {
        return changed_elements(randomize_elements(o.message, elements_of(s), c.rng()));
      },
      {{"element", 0}}));
  list.push_back(entry(
      K::kEquivocate, "equivocate", "recipients in `to` get element + delta, the others the original",
      {"element", "delta"},
      [](const StrategyStep& s, Outgoing& o, SenderControl&) {
        if (!sent_to_singled_out(s, o.to)) return StepEffect::kUnchanged;
        return changed_elements(
            add_to_elements(o.message, elements_of(s), s.delta, s.delta_negative));
      },
      {{"element", 0}, {"delta", 1}}));
  list.back().needs_to = true;
  list.back().to_selects = false;
  // Most attacks worth finding change contents: generated scripts favour these.
  for (std::size_t i = first; i < list.size(); ++i) list[i].property_weight = 3;
}

// selective_abort .. input_substitution: what happens to the party.
void add_party_behaviours(std::deque<Strategy>& list) {
  using K = StrategyKind;
  list.push_back(entry(K::kSelectiveAbort, "selective_abort",
                       "from the first match on, nothing more is sent to the parties in `to`", {},
                       always([](const StrategyStep& s, Outgoing&, SenderControl& c) { c.cut_off(s.to); })));
  list.back().needs_to = true;
  list.push_back(entry(
      K::kCrash, "crash", "from the first match on, the party stops", {},
      [](const StrategyStep&, Outgoing& o, SenderControl& c) -> StepEffect {
        throw Abort("crashed by the adversary script (round " + std::to_string(o.round) +
                        ", label '" + std::string(o.label) + "')",
                    {c.party()}, AbortKind::kCheckFailed);
      }));
  list.push_back(entry(
      K::kRushing, "rushing",
      "before sending, waits up to window_s for one message from each honest party", {"window_s"},
      always([](const StrategyStep& s, Outgoing& o, SenderControl& c) { c.rush(o.round, s.window_s); }),
      {{"window_s", 0.5}}));
  // Applied by the runner to the party's inputs: the ideal world lets it choose them.
  list.push_back(entry(K::kInputSubstitution, "input_substitution",
                       "the party runs on `value` instead of its input", {"value"}, nullptr));
  list.back().selects_messages = false;
  list.back().audit_params = [](const AuditTarget& t) {
    return Json{{"value", t.substitute_input}};
  };
}

std::deque<Strategy>& mutable_strategies() {
  static std::deque<Strategy> list = [] {
    std::deque<Strategy> l;
    add_message_fates(l);
    add_content_tampering(l);
    add_party_behaviours(l);
    return l;
  }();
  return list;
}

}  // namespace

const std::vector<StepParam>& step_params() {
  static const std::vector<StepParam> kParams = make_step_params();
  return kParams;
}

const StepParam& step_param(std::string_view name) {
  for (const auto& p : step_params())
    if (p.spec.name == name) return p;
  throw std::logic_error("no step parameter " + std::string(name));  // a typo in the list
}

const std::deque<Strategy>& strategies() { return mutable_strategies(); }

const Strategy* find_strategy(std::string_view name) {
  for (const auto& s : strategies())
    if (s.name == name) return &s;
  return nullptr;
}

const Strategy& builtin_strategy(StrategyKind kind) {
  for (const auto& s : strategies())
    if (s.builtin && s.kind == kind) return s;
  throw std::logic_error("no built-in strategy for this kind");
}

bool register_strategy(Strategy s) {
  if (find_strategy(s.name)) throw std::logic_error("strategy registered twice: " + s.name);
  for (const auto& p : s.params) (void)step_param(p);
  s.kind = StrategyKind::kCustom;
  s.builtin = false;
  mutable_strategies().push_back(std::move(s));
  return true;
}

nlohmann::json audit_step(const Strategy& s, const AuditTarget& target) {
  Json step{{"strategy", s.name}};
  if (s.selects_messages && !target.label.empty()) step["label"] = target.label;
  if (s.needs_to) step["to"] = {target.victim};
  if (s.audit_params) step.update(s.audit_params(target));
  return step;
}

namespace {

Json param_schema(const StepParam& p) {
  Json one{{"type", param_type_name(p.spec.type)}};
  if (p.spec.minimum) one["minimum"] = *p.spec.minimum;
  if (p.spec.exclusive_minimum) one["exclusiveMinimum"] = *p.spec.exclusive_minimum;
  if (p.spec.maximum) one["maximum"] = *p.spec.maximum;
  // Integral bounds print as integers (2^61 - 2 is exact in a double).
  for (const char* k : {"minimum", "maximum"})
    if (one.contains(k) && p.spec.type == ParamType::kInteger)
      one[k] = static_cast<std::uint64_t>(one[k].get<double>());
  Json s = one;
  if (p.accepts_all) {
    const Json index{{"type", "integer"}, {"minimum", 0}};
    const Json range{{"type", "object"},
                     {"required", {"from", "to"}},
                     {"additionalProperties", false},
                     {"properties", {{"from", index}, {"to", index}}}};
    s = {{"oneOf", {one, {{"type", "string"}, {"enum", {"all"}}}, range}}};
  }
  if (p.party_inputs) s = {{"oneOf", {one, {{"type", "array"}, {"items", one}}}}};
  if (!p.spec.default_value.is_null()) s["default"] = p.spec.default_value;
  s["description"] = p.spec.doc;
  return s;
}

}  // namespace

nlohmann::json strategy_step_schema() {
  Json names = Json::array();
  for (const auto& s : strategies()) names.push_back(s.name);
  Json props{
      {"strategy", {{"type", "string"}, {"enum", names}}},
      {"party", {{"type", "integer"}, {"minimum", 0}, {"description", "selector: the corrupted sender"}}},
      {"label",
       {{"type", "string"}, {"description", "selector: message label, or a prefix ending in '*'"}}},
      {"round", {{"type", "integer"}, {"minimum", 1}, {"description", "selector: causal round"}}},
      {"occurrence",
       {{"type", "integer"},
        {"minimum", 1},
        {"description",
         "selector: only the n-th message (from 1) of each label, per corrupted sender, among "
         "those the other selectors match"}}},
      {"to",
       {{"type", "array"},
        {"items", {{"type", "integer"}, {"minimum", 0}}},
        {"description",
         "selector: recipients (equivocate / selective_abort: the recipients singled out)"}}}};
  for (const auto& p : step_params()) props[p.spec.name] = param_schema(p);
  return {{"type", "object"},
          {"required", {"strategy"}},
          {"additionalProperties", false},
          {"properties", props}};
}

}  // namespace smpc
