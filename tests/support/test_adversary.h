// A small test-only corrupted party, until the adversary framework (adversary/) is used by the
// protocol suites: a Channel decorator for the corrupted party's context that changes what the
// party sends (cf. emp-tool io/trace_io.h). The party itself keeps running the honest code, so
// the decorator models "follows the protocol but tampers with its messages / stays silent".
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/rng.h"
#include "protocols/core/run_result.h"

namespace smpc::testing {

struct TamperSpec {
  enum class Mode {
    kHonest,     // forward everything unchanged
    kAddDelta,   // add delta to element `element` of every matching message
    kRandomize,  // replace every element of every matching message by a random one
    kSilent,     // drop every matching message (all messages when label is empty)
  };
  Mode mode = Mode::kHonest;
  std::string label;        // only messages with this label; empty: every label
  std::size_t element = 0;  // kAddDelta: index counted across the message's parts
  std::uint64_t delta = 1;  // kAddDelta: non-zero in every element domain used below
  PartyId only_to = -1;     // only messages to this party; -1: to everyone
  std::uint64_t seed = 0;   // kRandomize
};

// Adds delta to element k of the message, in the element's own domain (field elements mod p,
// ring elements mod 2^64, bits flipped when delta is odd, bytes/blocks/points byte-wise mod
// 256 on the element's first byte). False when the message has no element k.
inline bool add_to_element(Message& m, std::size_t k, std::uint64_t delta) {
  for (auto& part : m.mutable_parts()) {
    if (k >= part.count) {
      k -= part.count;
      continue;
    }
    switch (part.kind) {
      case ElementKind::kField61:
      case ElementKind::kRing64: {
        std::uint64_t v = 0;
        for (int i = 7; i >= 0; --i) v = (v << 8) | part.data[8 * k + static_cast<std::size_t>(i)];
        v = part.kind == ElementKind::kField61
                ? (Fp61::from_canonical(v).value_or(Fp61()) + Fp61::from_u64(delta)).value()
                : v + delta;
        for (int i = 0; i < 8; ++i)
          part.data[8 * k + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
        return true;
      }
      case ElementKind::kBit:
        if (delta & 1) part.data[k / 8] ^= static_cast<std::uint8_t>(1u << (k % 8));
        return true;
      default: {
        const std::size_t size = element_size(part.kind);
        part.data[size * k] = static_cast<std::uint8_t>(part.data[size * k] + delta);
        return true;
      }
    }
  }
  return false;
}

inline void randomize(Message& m, Rng& rng) {
  for (auto& part : m.mutable_parts()) {
    if (part.kind == ElementKind::kField61) {
      for (std::size_t k = 0; k < part.count; ++k) {
        const std::uint64_t v = rng.uniform_fp61().value();
        for (int i = 0; i < 8; ++i)
          part.data[8 * k + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
      }
    } else if (part.kind == ElementKind::kBit) {
      for (std::size_t k = 0; k < part.count; ++k)
        if (rng.next_bit()) part.data[k / 8] ^= static_cast<std::uint8_t>(1u << (k % 8));
    } else if (part.kind != ElementKind::kField127) {
      rng.fill(part.data);
    }
  }
}

class TamperingChannel final : public Channel {
 public:
  TamperingChannel(Channel& inner, TamperSpec spec)
      : inner_(inner), spec_(std::move(spec)), rng_(spec_.seed, inner.self(), "test-adversary") {}

  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& message) override {
    const bool match =
        (spec_.label.empty() || spec_.label == label) && (spec_.only_to < 0 || spec_.only_to == to);
    if (!match || spec_.mode == TamperSpec::Mode::kHonest) return inner_.send(to, label, message);
    if (spec_.mode == TamperSpec::Mode::kSilent) return;
    Message changed = message;
    if (spec_.mode == TamperSpec::Mode::kAddDelta)
      add_to_element(changed, spec_.element, spec_.delta);
    else
      randomize(changed, rng_);
    inner_.send(to, label, changed);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
  TamperSpec spec_;
  Rng rng_;
};

// Records, per label, the largest number of elements the wrapped party put in one message:
// the positions a tamper test has to try.
class RecordingChannel final : public Channel {
 public:
  RecordingChannel(Channel& inner, std::map<std::string, std::size_t>& elements, std::mutex& mu)
      : inner_(inner), elements_(elements), mu_(mu) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& message) override {
    {
      std::lock_guard lock(mu_);
      auto& e = elements_[std::string(label)];
      e = std::max(e, message.total_elements());
    }
    inner_.send(to, label, message);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
  std::map<std::string, std::size_t>& elements_;
  std::mutex& mu_;
};

// Runs `body` with the channels of the parties in `corrupt` wrapped in a TamperingChannel.
template <typename Body>
PartyBody with_corruption(std::map<PartyId, TamperSpec> corrupt, Body body) {
  return [corrupt = std::move(corrupt), body](PartyContext& ctx) -> PartyOutput {
    const auto it = corrupt.find(ctx.net.self());
    if (it == corrupt.end()) return body(ctx);
    TamperingChannel ch(ctx.net, it->second);
    PartyContext inner{ch, ctx.rng, ctx.clock, ctx.meter};
    return body(inner);
  };
}

}  // namespace smpc::testing
