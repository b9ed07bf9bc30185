// Lock-step rounds for protocols with guaranteed output delivery, in the synchronous model that
// BGW assumes (Asharov–Lindell, eprint 2011/136, §2: "synchronous network with private
// point-to-point channels"): every message of round r is due by the round's deadline, and a
// message that is not there by then is treated as a wrong one.
//
// Deadlines are absolute, start + r·Δ with Δ = round_timeout_s, so honest parties never drift
// apart: a party that waited for a silent peer until the deadline of round r sends its round
// r + 1 messages at that deadline, and they arrive before the deadline of round r + 1 as long as
// Δ exceeds the largest message delay (the synchrony assumption; choose Δ accordingly). Rounds
// run as fast as the network when nothing is missing: the deadline is only waited for when a
// message really is missing. A party whose message missed a deadline is treated as crashed for
// the rest of the run (its later messages are never read), so a silent party costs one wait, and
// a late message can never be mistaken for one of a later round.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "protocols/core/channel.h"

namespace smpc {

class LockstepNet {
 public:
  // With `servers` > 0 (roles, docs/applications.md) parties() is the server count: the VSS,
  // broadcasts and openings run among parties 0..servers-1 only; clients are still reachable
  // through send and recv.
  LockstepNet(PartyContext& ctx, SimTime round_timeout_s, int servers = 0);

  PartyId self() const { return ctx_.net.self(); }
  int parties() const { return servers_ > 0 ? servers_ : ctx_.net.party_count(); }
  PartyContext& context() { return ctx_; }
  Rng& rng() { return ctx_.rng; }

  // Starts the next round; messages received from now on are this round's.
  void begin_round() { ++round_; }
  int round() const { return round_; }

  void send(PartyId to, std::string_view label, const Message& message) {
    ctx_.net.send(to, label, message);
  }
  // The message `from` sent in this round, or nullopt when it missed the round's deadline (or
  // an earlier one), or its bytes did not decode: callers treat nullopt as a wrong share.
  std::optional<Message> recv(PartyId from);

 private:
  PartyContext& ctx_;
  SimTime start_;
  SimTime round_timeout_s_;
  int round_ = 0;
  int servers_ = 0;
  std::vector<bool> crashed_;
};

// Non-throwing typed reads of a peer's message: nullopt unless the message has exactly the
// expected shape (one part of `count` field elements / one byte part).
std::optional<std::vector<Fp61>> read_field61(const std::optional<Message>& m, std::size_t count);
std::optional<Bytes> read_bytes(const std::optional<Message>& m);

// Little-endian byte writer/reader for broadcast payloads. The reader never reads past the end:
// a short or over-long payload makes ok() false.
class ByteWriter {
 public:
  void u32(std::uint32_t v) { le(v, 4); }
  void u64(std::uint64_t v) { le(v, 8); }
  void raw(ByteSpan bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
  Bytes take() { return std::move(out_); }

 private:
  void le(std::uint64_t v, std::size_t bytes);

  Bytes out_;
};

class ByteReader {
 public:
  explicit ByteReader(ByteSpan in) : in_(in) {}
  std::uint32_t u32() { return static_cast<std::uint32_t>(le(4)); }
  std::uint64_t u64() { return le(8); }
  // A canonical Mersenne-61 element; anything else sets the reader's error.
  Fp61 fp61();
  Bytes raw(std::size_t n);
  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && pos_ == in_.size(); }
  std::size_t remaining() const { return ok_ ? in_.size() - pos_ : 0; }

 private:
  std::uint64_t le(std::size_t bytes);  // the next `bytes` (<= 8) bytes, little-endian

  ByteSpan in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace smpc
