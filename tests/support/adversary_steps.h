// The protocol suites' corrupted parties, through adversary/ (the same AdversarialChannel and
// strategies scenarios use): small builders of script steps, a body wrapper that runs the
// corrupted parties through run_corrupted, and the element positions a party sends (from its
// recorded view), for tests that tamper with every position in turn.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adversary/adversarial_channel.h"
#include "adversary/strategies.h"
#include "protocols/core/run_result.h"

namespace smpc::testing {

// A step of strategy `kind` on messages labelled `label` ("" = every label), optionally only
// to recipient `to`.
inline StrategyStep step_on(StrategyKind kind, const std::string& label,
                            std::optional<PartyId> to = std::nullopt) {
  StrategyStep s;
  s.kind = kind;
  if (!label.empty()) s.label = label;
  if (to) s.to = {*to};
  return s;
}

inline StrategyStep add_step(const std::string& label, std::size_t element, std::uint64_t delta,
                             std::optional<PartyId> to = std::nullopt) {
  StrategyStep s = step_on(StrategyKind::kAdd, label, to);
  s.element = element;
  s.delta = delta;
  return s;
}

// Every element of every matching message replaced by a random one.
inline StrategyStep randomize_all_step(const std::string& label,
                                       std::optional<PartyId> to = std::nullopt) {
  StrategyStep s = step_on(StrategyKind::kRandomize, label, to);
  s.element = kAllElements;
  return s;
}

// Silent on `label` ("" = silent altogether).
inline StrategyStep drop_step(const std::string& label) {
  return step_on(StrategyKind::kDrop, label);
}

// A malicious adversary corrupting the map's parties, each running its own steps.
inline AdversarySpec malicious(const std::map<PartyId, std::vector<StrategyStep>>& behaviour) {
  AdversarySpec spec;
  spec.model = AdversaryModel::kMalicious;
  for (const auto& [p, steps] : behaviour) {
    spec.corrupt.push_back(p);
    for (StrategyStep s : steps) {
      s.party = p;
      spec.script.push_back(std::move(s));
    }
  }
  return spec;
}

// Runs `body` with the spec's corrupted parties behind run_corrupted (their views end up in
// the run's annotations). The coalition lives as long as the returned body.
inline PartyBody with_adversary(AdversarySpec spec, PartyBody body) {
  auto coalition = std::make_shared<Coalition>(std::move(spec));
  return [coalition, body = std::move(body)](PartyContext& ctx) -> PartyOutput {
    if (!coalition->spec().corrupts(ctx.net.self())) return body(ctx);
    return run_corrupted(ctx, *coalition, {}, 0, body);
  };
}

inline PartyBody with_adversary(const std::map<PartyId, std::vector<StrategyStep>>& behaviour,
                                PartyBody body) {
  return with_adversary(malicious(behaviour), std::move(body));
}

// Runs the body with `party` as a semi-honest (recording) corrupted party.
inline PartyBody recording(PartyId party, PartyBody body) {
  AdversarySpec spec;
  spec.corrupt = {party};
  return with_adversary(std::move(spec), std::move(body));
}

// Per label, the largest number of elements `party` put into one message, read from the view
// run_corrupted recorded: the positions a tamper test has to try.
inline std::map<std::string, std::size_t> sent_elements(const RunResult& r, PartyId party) {
  std::map<std::string, std::size_t> out;
  const auto& view = r.parties[static_cast<std::size_t>(party)].annotations.at("view");
  for (const auto& m : view.at("sent")) {
    const std::string hex = m.at("wire").get<std::string>();
    Bytes wire(hex.size() / 2);
    for (std::size_t i = 0; i < wire.size(); ++i)
      wire[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    const auto msg = Message::decode(wire);
    auto& n = out[m.at("label").get<std::string>()];
    n = std::max(n, msg.ok() ? msg->total_elements() : 0);
  }
  return out;
}

}  // namespace smpc::testing
