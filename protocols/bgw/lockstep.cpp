#include "protocols/bgw/lockstep.h"

#include <algorithm>

#include "protocols/core/abort.h"

namespace smpc {

LockstepNet::LockstepNet(PartyContext& ctx, SimTime round_timeout_s, int servers)
    : ctx_(ctx),
      start_(ctx.clock.now()),
      round_timeout_s_(round_timeout_s),
      servers_(servers),
      crashed_(static_cast<std::size_t>(ctx.net.party_count()), false) {
  SMPC_ASSERT(round_timeout_s > 0);
}

std::optional<Message> LockstepNet::recv(PartyId from) {
  SMPC_ASSERT(from != self() && round_ > 0);
  if (crashed_[static_cast<std::size_t>(from)]) return std::nullopt;
  const SimTime due = std::min(start_ + round_ * round_timeout_s_, ctx_.clock.deadline());
  try {
    auto m = ctx_.net.recv_until(from, due);
    if (!m) crashed_[static_cast<std::size_t>(from)] = true;
    return m;
  } catch (const Abort&) {
    // Undecodable bytes: consumed, so the sender stays in step; its share counts as wrong.
    return std::nullopt;
  }
}

std::optional<std::vector<Fp61>> read_field61(const std::optional<Message>& m, std::size_t count) {
  if (!m || m->parts().size() != 1) return std::nullopt;
  const MessagePart& p = m->parts()[0];
  if (p.kind != ElementKind::kField61 || p.count != count) return std::nullopt;
  return m->field61(0, count);  // cannot throw: decode already checked canonical elements
}

std::optional<Bytes> read_bytes(const std::optional<Message>& m) {
  if (!m || m->parts().size() != 1 || m->parts()[0].kind != ElementKind::kByte) return std::nullopt;
  return m->parts()[0].data;
}

void ByteWriter::le(std::uint64_t v, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint64_t ByteReader::le(std::size_t bytes) {
  if (!ok_ || in_.size() - pos_ < bytes) {
    ok_ = false;
    return 0;
  }
  std::uint64_t v = 0;
  for (std::size_t i = bytes; i-- > 0;) v = (v << 8) | in_[pos_ + i];
  pos_ += bytes;
  return v;
}

Fp61 ByteReader::fp61() {
  const auto v = Fp61::from_canonical(u64());
  if (!v) ok_ = false;
  return v.value_or(Fp61());
}

Bytes ByteReader::raw(std::size_t n) {
  if (!ok_ || in_.size() - pos_ < n) {
    ok_ = false;
    return {};
  }
  Bytes out(in_.begin() + static_cast<std::ptrdiff_t>(pos_),
            in_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
  pos_ += n;
  return out;
}

}  // namespace smpc
