// Values <-> wire bits for Boolean circuits: the three encodings defined in
// ../shared/circuits/bristol/README.md, in one place (CLI, tests, scenarios).
//
//   int_lsb0             "0x…" hex (or decimal up to 2^64-1) integer; wire k = bit k.
//   int_lsb0_signed      the same wires, read as two's complement: a signed decimal ("-5",
//                        -2^(w-1) .. 2^(w-1)-1 for w wires) or "0x…" (the raw bits); outputs are
//                        signed decimals.
//   bytes_reversed_lsb0  hex byte string, byte 0 first (FIPS order); wire k = bit (k mod 8) of
//                        byte (n/8 - 1 - k/8): the string read as one big-endian integer, LSB
//                        first (Bristol Fashion aes_128.txt, sha256.txt).
//   bytes_msb0           hex byte string; wire k = bit (7 - k mod 8) of byte k/8 (legacy
//                        Bristol AES).
// Bits are carried as uint64 0/1, the representation evaluate() takes and returns.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/status.h"

namespace smpc {

enum class ValueEncoding { kIntLsb0, kBytesReversedLsb0, kBytesMsb0, kIntLsb0Signed };

// "int_lsb0" | "int_lsb0_signed" | "bytes_reversed_lsb0" | "bytes_msb0".
Result<ValueEncoding> parse_value_encoding(std::string_view name);
const char* value_encoding_name(ValueEncoding e);

// Text -> `width` wire bits. Errors: malformed hex, a value that does not fit in `width` bits,
// a byte string of the wrong length, a byte encoding with a width that is not a multiple of 8.
Result<std::vector<std::uint64_t>> encode_value(std::string_view text, std::size_t width,
                                                ValueEncoding e);
// Wire bits -> text in the same form the vectors use: int_lsb0 as minimal lowercase "0x…"
// ("0x0" for zero); int_lsb0_signed as a signed decimal (at most 64 wires); byte encodings as lowercase hex of width/8 bytes. Bits other than 0/1 are an
// error, as is a byte encoding of a width that is not a multiple of 8.
Result<std::string> decode_value(std::span<const std::uint64_t> bits, ValueEncoding e);

// Small helpers for tests and builders: the low `width` bits of v, LSB first, and back.
std::vector<std::uint64_t> bits_of(std::uint64_t v, std::size_t width);
std::uint64_t value_of(std::span<const std::uint64_t> bits);  // bits beyond 64 are ignored

}  // namespace smpc
