// Hex <-> Block for the crypto and OT tests.
#pragma once

#include <string>

#include "protocols/core/message.h"

namespace smpc::test {

inline Block hex_block(const std::string& hex) {
  Block b{};
  for (std::size_t i = 0; i < 16; ++i)
    b[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return b;
}

inline std::string block_hex(const Block& b) {
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (auto v : b) {
    s.push_back(kHex[v >> 4]);
    s.push_back(kHex[v & 15]);
  }
  return s;
}

}  // namespace smpc::test
