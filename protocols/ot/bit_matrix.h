// Bit-matrix transposition for OT extension: IKNP produces its matrices column by column (one
// PRG stream per base OT) but needs them row by row (one 128-bit row per extended OT).
#pragma once

#include <cstddef>
#include <cstdint>

#include "protocols/core/message.h"

namespace smpc {

// `in` holds a 128 × n bit matrix as 128 rows of n/8 bytes (row i at in + i·n/8; bit j of a row
// is bit j mod 8 of byte j/8). Writes its n × 128 transpose: bit i of out[j] = bit j of row i.
// n must be a multiple of 128.
void transpose_128xn(const std::uint8_t* in, std::size_t n, Block* out);

// The same, one bit at a time: the reference the tests compare against.
void transpose_128xn_reference(const std::uint8_t* in, std::size_t n, Block* out);

}  // namespace smpc
