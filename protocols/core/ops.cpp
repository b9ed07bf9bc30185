#include "protocols/core/ops.h"

#include <time.h>

namespace smpc {
namespace {

constexpr std::array<std::string_view, kOpCount> kOpNames = {
    "aes_block",    "tmmo_hash",  "chacha_byte",   "blake2b_call",  "blake2b_byte",
    "sha512_call",  "sha512_byte", "fp61_mul",     "fp61_inv",      "scalar_mul",
    "base_mul",     "point_add",  "point_decode",  "hash_to_group", "scalar_op",
    "scalar_inv",   "transpose_128", "message",     "message_byte",
    "gate_xor",     "gate_and",   "alloc_byte"};

}  // namespace

OpCounts take_op_counts() {
  OpCounts out = t_op_counts;
  t_op_counts = OpCounts{};
  return out;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double party_cpu_seconds() { return thread_cpu_seconds() + t_helper_cpu_s; }

std::string_view op_name(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

std::optional<Op> op_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kOpCount; ++i)
    if (kOpNames[i] == name) return static_cast<Op>(i);
  return std::nullopt;
}

}  // namespace smpc
