#pragma once
// What a network counts for a message it sends (ops.h), in one place for LocalNetwork and
// SimNetwork so that a run counts the same operations on either.

#include <cstddef>
#include <cstdint>

#include "protocols/core/ops.h"

namespace smpc {

// glibc serves an allocation this large (its M_MMAP_THRESHOLD default, 128 KiB) from pages
// that are fresh again each time: mmapped and unmapped, or the top of a thread's arena, which
// free() trims back to the kernel above the same threshold. Smaller copies reuse warm memory.
inline constexpr std::size_t kFreshCopyBytes = std::size_t{128} << 10;

// The transport's work for one message sent: the per-message and per-byte work (kMessage,
// kMessageByte), and the copy each network keeps for the recipient (its parcel holds the message
// itself): page faults at alloc_byte's rate when the copy is large enough to land on fresh
// pages. Uncounted, a 3-party SPDZ inner product of 10^4 values (two 160 KB openings per party
// and layer) modelled 0.84-0.88 of its parties' measured CPU (docs/performance.md).
inline void count_transport_send(std::size_t encoded_bytes) noexcept {
  count_op(Op::kMessage);
  count_op(Op::kMessageByte, encoded_bytes);
  if (encoded_bytes >= kFreshCopyBytes) count_alloc<std::uint8_t>(encoded_bytes);
}

}  // namespace smpc
