// Basic vocabulary shared by every layer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace smpc {

// Parties are numbered 0 .. n-1.
using PartyId = int;
using Bytes = std::vector<std::uint8_t>;
using ByteSpan = std::span<const std::uint8_t>;
// Simulated time in seconds (SimGrid's unit).
using SimTime = double;

}  // namespace smpc
