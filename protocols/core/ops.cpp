#include "protocols/core/ops.h"

namespace smpc {
namespace {

constexpr std::array<std::string_view, kOpCount> kOpNames = {
    "aes_block",    "tmmo_hash",  "chacha_byte",   "blake2b_call",  "blake2b_byte",
    "sha512_call",  "sha512_byte", "fp61_mul",     "fp61_inv",      "scalar_mul",
    "base_mul",     "point_add",  "point_decode",  "hash_to_group", "scalar_op",
    "scalar_inv",   "transpose_128"};

}  // namespace

OpCounts take_op_counts() {
  OpCounts out = t_op_counts;
  t_op_counts = OpCounts{};
  return out;
}

std::string_view op_name(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

std::optional<Op> op_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kOpCount; ++i)
    if (kOpNames[i] == name) return static_cast<Op>(i);
  return std::nullopt;
}

}  // namespace smpc
