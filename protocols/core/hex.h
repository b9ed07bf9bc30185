// Lower-case hexadecimal text of bytes, two digits a byte: how reports, transcripts and sweep
// keys write digests, commitments and wire bytes.
#pragma once

#include <string>

#include "protocols/core/types.h"

namespace smpc {

inline std::string hex_text(ByteSpan bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const auto b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

}  // namespace smpc
