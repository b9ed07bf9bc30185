#include "adversary/adversarial_channel.h"

#include <algorithm>

#include "protocols/core/abort.h"
#include "protocols/core/hex.h"

namespace smpc {

void Coalition::record(ViewEntry e) {
  std::lock_guard lock(mu_);
  view_.push_back(std::move(e));
}

std::vector<ViewEntry> Coalition::joint_view() const {
  std::lock_guard lock(mu_);
  return view_;
}

AdversarialChannel::AdversarialChannel(PartyContext& ctx, Coalition& coalition, Rng rng)
    : inner_(ctx.net), ctx_(ctx), coalition_(coalition), rng_(std::move(rng)) {
  const auto& program = coalition_.spec().program;
  if (program && program->factory) {
    try {
      program_ = program->factory->make(coalition_.spec().program_setup(self(), party_count()));
    } catch (const ProgramError& e) {
      program_error_ = e.what();  // reported by run_corrupted before the party runs
    }
  }
  const auto& script = coalition_.spec().script;
  hits_.resize(script.size());
  seen_.resize(script.size());
  // Party strategies (input substitution) act before the run, on every party they select.
  for (std::size_t i = 0; i < script.size(); ++i)
    if (!strategy_of(script[i]).selects_messages && (!script[i].party || *script[i].party == self()))
      hits_[i].matched = hits_[i].hits = 1;
}

bool AdversarialChannel::matches(const StrategyStep& s, PartyId to, std::string_view label,
                                 std::uint32_t round) const {
  if (s.party && *s.party != self()) return false;
  if (s.label && !label_selects(*s.label, label)) return false;
  if (s.round && *s.round != round) return false;
  // Equivocation uses `to` to choose recipients, not to select messages.
  if (!s.to.empty() && strategy_of(s).to_selects &&
      std::find(s.to.begin(), s.to.end(), to) == s.to.end())
    return false;
  return true;
}

bool AdversarialChannel::nth_occurrence(std::size_t i, std::string_view label) {
  const auto& want = coalition_.spec().script[i].occurrence;
  if (!want) return true;
  auto it = seen_[i].find(label);
  if (it == seen_[i].end()) it = seen_[i].emplace(std::string(label), 0).first;
  return ++it->second == *want;
}

void AdversarialChannel::apply_step(std::size_t i, Outgoing& out) {
  const StrategyStep& s = coalition_.spec().script[i];
  StepHits& h = hits_[i];
  ++h.matched;
  StepEffect effect = StepEffect::kUnchanged;
  try {
    effect = strategy_of(s).apply(s, out, *this);
  } catch (const Abort&) {
    ++h.hits;  // crash: the party stopped
    throw;
  }
  if (effect == StepEffect::kChanged) ++h.hits;
  if (effect == StepEffect::kOutOfRange) ++h.out_of_range;
}

void AdversarialChannel::emit(PartyId to, std::string_view label, const Message& m) {
  if (cut_off_.count(to)) return;
  sent_.push_back(ViewEntry{to, self(), std::string(label), ctx_.meter.max_round_received() + 1,
                            m.encode()});
  inner_.send(to, label, m);
  last_sent_[to] = m;
}

void AdversarialChannel::send(PartyId to, std::string_view label, const Message& message) {
  Outgoing out{to, label, ctx_.meter.max_round_received() + 1, message};
  const auto& script = coalition_.spec().script;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const StrategyStep& s = script[i];
    if (!strategy_of(s).apply || !matches(s, to, label, out.round) || !nth_occurrence(i, label))
      continue;
    apply_step(i, out);
  }
  run_program(out);
  const Message& m = out.message;
  const int copies = out.copies;
  const bool hold = out.hold;
  // A message held earlier for this recipient goes out after this one.
  std::optional<std::pair<std::string, Message>> previous;
  if (auto it = held_.find(to); it != held_.end()) {
    previous = std::move(it->second);
    held_.erase(it);
  }
  if (hold && !previous) {
    held_[to] = {std::string(label), m};
    return;
  }
  for (int i = 0; i < copies; ++i) emit(to, label, m);
  if (previous) emit(to, previous->first, previous->second);
}

void AdversarialChannel::flush() {
  auto held = std::move(held_);
  held_.clear();
  for (auto& [to, lm] : held) emit(to, lm.first, lm.second);
}

void AdversarialChannel::sleep_for(double seconds) { ctx_.clock.sleep_for(seconds); }

const Message* AdversarialChannel::last_sent(PartyId to) const {
  const auto it = last_sent_.find(to);
  return it == last_sent_.end() ? nullptr : &it->second;
}

void AdversarialChannel::cut_off(const std::vector<PartyId>& recipients) {
  cut_off_.insert(recipients.begin(), recipients.end());
}

// The program sees the message after the script's steps. Its failure stops the party: the
// error is kept for the runner, and Abort is thrown outside the handler (a simulated party must
// not block inside one, and the protocol's abort notice then goes through send again).
void AdversarialChannel::run_program(Outgoing& out) {
  if (!program_error_.empty()) {
    out.copies = 0;
    return;
  }
  if (!program_) return;
  try {
    program_->on_send(out, *this);
  } catch (const ProgramError& e) {
    program_error_ = e.what();
  }
  if (program_error_.empty()) return;
  out.copies = 0;
  throw Abort("adversary program failed: " + program_error_);
}

// Waits (once per round) for one message from each honest party and keeps it for recv: the
// party then acts after seeing them.
void AdversarialChannel::rush(std::uint32_t round, double window_s) {
  if (rushed_round_ == round) return;
  rushed_round_ = round;
  collect_honest(window_s);
}

void AdversarialChannel::collect_honest(double window_s) {
  const SimTime deadline = std::min(ctx_.clock.now() + window_s, ctx_.clock.deadline());
  for (PartyId p = 0; p < party_count(); ++p) {
    if (p == self() || coalition_.spec().corrupts(p) || !rushed_[p].empty()) continue;
    if (auto m = inner_.recv_until(p, deadline)) {
      record(*m);
      rushed_[p].push_back(std::move(*m));
    }
  }
}

void AdversarialChannel::record(const Message& m) {
  ViewEntry e{self(), m.sender(), m.label(), m.round(), m.encode()};
  own_view_.push_back(e);
  coalition_.record(std::move(e));
}

std::optional<Message> AdversarialChannel::take_rushed(PartyId from) {
  const auto it = rushed_.find(from);
  if (it == rushed_.end() || it->second.empty()) return std::nullopt;
  Message m = std::move(it->second.front());
  it->second.pop_front();
  return m;
}

Message AdversarialChannel::recv(PartyId from) {
  if (auto m = take_rushed(from)) return std::move(*m);
  Message m = inner_.recv(from);
  record(m);
  return m;
}

std::optional<Message> AdversarialChannel::recv_until(PartyId from, SimTime deadline) {
  if (auto m = take_rushed(from)) return m;
  auto m = inner_.recv_until(from, deadline);
  if (m) record(*m);
  return m;
}

nlohmann::json AdversarialChannel::view_json(const std::vector<std::uint64_t>& inputs,
                                             std::uint64_t seed) const {
  nlohmann::json received = nlohmann::json::array();
  for (const auto& e : own_view_)
    received.push_back(
        {{"from", e.from}, {"label", e.label}, {"round", e.round}, {"wire", hex_text(e.wire)}});
  // The messages the party sent are a function of its view, but having them at hand lets view
  // tests relate received values to the party's own shares (e.g. an opened value is the sum
  // of everyone's shares, its own included).
  nlohmann::json sent = nlohmann::json::array();
  for (const auto& e : sent_)
    sent.push_back({{"to", e.to}, {"label", e.label}, {"round", e.round}, {"wire", hex_text(e.wire)}});
  return {{"party", self()},
          {"inputs", inputs},
          {"randomness", {{"seed", seed}, {"party", self()}, {"stream", "party"}}},
          {"received", received},
          {"sent", sent}};
}

PartyOutput run_corrupted(PartyContext& ctx, Coalition& coalition,
                          const std::vector<std::uint64_t>& inputs, std::uint64_t seed,
                          const std::function<PartyOutput(PartyContext&)>& body) {
  AdversarialChannel adv(ctx, coalition, ctx.rng.derive("adversary"));
  PartyContext actx{adv, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
  const auto keep_view = [&] {
    if (!ctx.annotations) return;
    (*ctx.annotations)["view"] = adv.view_json(inputs, seed);
    if (!coalition.spec().script.empty())
      (*ctx.annotations)["script_hits"] = step_hits_json(adv.hits());
    if (!adv.program_error().empty()) (*ctx.annotations)["program_error"] = adv.program_error();
  };
  if (!adv.program_error().empty()) {  // the program failed as it was created
    keep_view();
    throw Abort("adversary program failed: " + adv.program_error());
  }
  try {
    PartyOutput out = body(actx);
    adv.flush();
    keep_view();
    return out;
  } catch (const Abort&) {
    keep_view();
    throw;
  }
}

}  // namespace smpc
