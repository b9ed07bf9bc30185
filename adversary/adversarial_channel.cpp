#include "adversary/adversarial_channel.h"

#include <algorithm>

#include "protocols/core/abort.h"

namespace smpc {

void Coalition::record(ViewEntry e) {
  std::lock_guard lock(mu_);
  view_.push_back(std::move(e));
}

std::vector<ViewEntry> Coalition::joint_view() const {
  std::lock_guard lock(mu_);
  return view_;
}

namespace {

std::uint64_t load_u64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
void store_u64(std::uint8_t* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

}  // namespace

bool tamper_element(Message& m, const StrategyStep& step, Rng& rng) {
  if (m.is_raw()) return false;
  std::size_t k = step.element;
  for (auto& part : m.mutable_parts()) {
    if (k >= part.count) {
      k -= part.count;
      continue;
    }
    if (part.kind == ElementKind::kBit) {
      const std::uint8_t mask = static_cast<std::uint8_t>(1u << (k % 8));
      bool flip = true;
      if (step.kind == StrategyKind::kAdd || step.kind == StrategyKind::kEquivocate)
        flip = step.delta & 1;
      if (step.kind == StrategyKind::kRandomize) flip = rng.next_bit();
      if (flip) part.data[k / 8] ^= mask;
      return true;
    }
    const std::size_t size = element_size(part.kind);
    std::uint8_t* e = &part.data[k * size];
    switch (step.kind) {
      case StrategyKind::kBitFlip:
        e[(step.bit / 8) % size] ^= static_cast<std::uint8_t>(1u << (step.bit % 8));
        return true;
      case StrategyKind::kRandomize:
        if (part.kind == ElementKind::kField61) {
          store_u64(e, rng.uniform_fp61().value());
        } else if (part.kind == ElementKind::kField127) {
          // Uniform below 2^127 - 1: 127 random bits, rejecting the one value p.
          for (;;) {
            rng.fill(std::span<std::uint8_t>(e, 16));
            e[15] &= 0x7f;
            bool all_ones = e[15] == 0x7f;
            for (int i = 0; i < 15 && all_ones; ++i) all_ones = e[i] == 0xff;
            if (!all_ones) break;
          }
        } else {
          rng.fill(std::span<std::uint8_t>(e, size));
        }
        return true;
      case StrategyKind::kAdd:
      case StrategyKind::kEquivocate:
        switch (part.kind) {
          case ElementKind::kField61:
            store_u64(e, (Fp61::from_u64(load_u64(e)) + Fp61::from_u64(step.delta)).value());
            return true;
          case ElementKind::kField127: {
            const uint128_t p = (uint128_t{1} << 127) - 1;
            uint128_t v = (static_cast<uint128_t>(load_u64(e + 8)) << 64) | load_u64(e);
            v += step.delta % p;
            if (v >= p) v -= p;
            store_u64(e, static_cast<std::uint64_t>(v));
            store_u64(e + 8, static_cast<std::uint64_t>(v >> 64));
            return true;
          }
          case ElementKind::kRing64: store_u64(e, load_u64(e) + step.delta); return true;
          case ElementKind::kByte: e[0] = static_cast<std::uint8_t>(e[0] + step.delta); return true;
          default:  // blocks and points have no arithmetic: XOR δ into their first bytes
            store_u64(e, load_u64(e) ^ step.delta);
            return true;
        }
      default: return false;
    }
  }
  return false;
}

AdversarialChannel::AdversarialChannel(PartyContext& ctx, Coalition& coalition, Rng rng)
    : inner_(ctx.net), ctx_(ctx), coalition_(coalition), rng_(std::move(rng)) {}

bool AdversarialChannel::matches(const StrategyStep& s, PartyId to, std::string_view label,
                                 std::uint32_t round) const {
  if (s.party && *s.party != self()) return false;
  if (s.label) {
    const std::string& want = *s.label;
    if (!want.empty() && want.back() == '*') {
      if (label.substr(0, want.size() - 1) != std::string_view(want).substr(0, want.size() - 1))
        return false;
    } else if (label != want) {
      return false;
    }
  }
  if (s.round && *s.round != round) return false;
  // Equivocation and selective abort use `to` to choose recipients, not to select messages.
  if (!s.to.empty() && s.kind != StrategyKind::kEquivocate &&
      std::find(s.to.begin(), s.to.end(), to) == s.to.end())
    return false;
  return true;
}

void AdversarialChannel::emit(PartyId to, std::string_view label, const Message& m) {
  if (cut_off_.count(to)) return;
  sent_.push_back(ViewEntry{to, self(), std::string(label), ctx_.meter.max_round_received() + 1,
                            m.encode()});
  inner_.send(to, label, m);
  last_sent_[to] = m;
}

void AdversarialChannel::send(PartyId to, std::string_view label, const Message& message) {
  const std::uint32_t round = ctx_.meter.max_round_received() + 1;
  Message m = message;
  int copies = 1;
  bool hold = false;
  const Coalition& c = coalition_;
  for (const StrategyStep& s : c.spec().script) {
    if (s.kind == StrategyKind::kInputSubstitution || !matches(s, to, label, round)) continue;
    switch (s.kind) {
      case StrategyKind::kDrop: copies = 0; break;
      case StrategyKind::kDelay: ctx_.clock.sleep_for(s.delay_s); break;
      case StrategyKind::kDuplicate: copies = 2; break;
      case StrategyKind::kReplay:
        if (auto it = last_sent_.find(to); it != last_sent_.end()) m = it->second;
        break;
      case StrategyKind::kReorder: hold = true; break;
      case StrategyKind::kTruncate: {
        Bytes wire = m.encode();
        wire.resize(std::min(wire.size(), s.bytes));
        m = Message::raw(std::move(wire));
        break;
      }
      case StrategyKind::kBitFlip:
      case StrategyKind::kAdd:
      case StrategyKind::kRandomize: tamper_element(m, s, rng_); break;
      case StrategyKind::kEquivocate:
        if (std::find(s.to.begin(), s.to.end(), to) != s.to.end()) tamper_element(m, s, rng_);
        break;
      case StrategyKind::kSelectiveAbort:
        cut_off_.insert(s.to.begin(), s.to.end());
        break;
      case StrategyKind::kCrash:
        throw Abort("crashed by the adversary script (round " + std::to_string(round) +
                        ", label '" + std::string(label) + "')",
                    {self()}, AbortKind::kCheckFailed);
      case StrategyKind::kRushing: rush(round); break;
      case StrategyKind::kInputSubstitution: break;
    }
  }
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

void AdversarialChannel::rush(std::uint32_t round) {
  if (rushed_round_ == round) return;
  rushed_round_ = round;
  for (const StrategyStep& s : coalition_.spec().script) {
    if (s.kind != StrategyKind::kRushing) continue;
    const SimTime deadline = std::min(ctx_.clock.now() + s.window_s, ctx_.clock.deadline());
    for (PartyId p = 0; p < party_count(); ++p) {
      if (p == self() || coalition_.spec().corrupts(p) || !rushed_[p].empty()) continue;
      if (auto m = inner_.recv_until(p, deadline)) {
        record(*m);
        rushed_[p].push_back(std::move(*m));
      }
    }
    break;
  }
}

void AdversarialChannel::record(const Message& m) {
  ViewEntry e{self(), m.sender(), m.label(), m.round(), m.encode()};
  own_view_.push_back(e);
  coalition_.record(std::move(e));
}

Message AdversarialChannel::recv(PartyId from) {
  if (auto it = rushed_.find(from); it != rushed_.end() && !it->second.empty()) {
    Message m = std::move(it->second.front());
    it->second.pop_front();
    return m;
  }
  Message m = inner_.recv(from);
  record(m);
  return m;
}

std::optional<Message> AdversarialChannel::recv_until(PartyId from, SimTime deadline) {
  if (auto it = rushed_.find(from); it != rushed_.end() && !it->second.empty()) {
    Message m = std::move(it->second.front());
    it->second.pop_front();
    return m;
  }
  auto m = inner_.recv_until(from, deadline);
  if (m) record(*m);
  return m;
}

nlohmann::json AdversarialChannel::view_json(const std::vector<std::uint64_t>& inputs,
                                             std::uint64_t seed) const {
  static const char* kHex = "0123456789abcdef";
  const auto hex_of = [](const Bytes& wire) {
    std::string hex;
    hex.reserve(wire.size() * 2);
    for (auto b : wire) {
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    return hex;
  };
  nlohmann::json received = nlohmann::json::array();
  for (const auto& e : own_view_)
    received.push_back(
        {{"from", e.from}, {"label", e.label}, {"round", e.round}, {"wire", hex_of(e.wire)}});
  // The messages the party sent are a function of its view, but having them at hand lets view
  // tests relate received values to the party's own shares (e.g. an opened value is the sum
  // of everyone's shares, its own included).
  nlohmann::json sent = nlohmann::json::array();
  for (const auto& e : sent_)
    sent.push_back({{"to", e.to}, {"label", e.label}, {"round", e.round}, {"wire", hex_of(e.wire)}});
  return {{"party", self()},
          {"inputs", inputs},
          {"randomness", {{"seed", seed}, {"party", self()}, {"stream", "party"}}},
          {"received", received},
          {"sent", sent}};
}

}  // namespace smpc
