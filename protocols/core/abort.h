// Abort: how protocol code gives up. Thrown when a check fails, or a peer's message is
// malformed or missing by the deadline; caught only by the party runner (run_party in
// run_result.h), which records it as the party's outcome.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "protocols/core/types.h"

namespace smpc {

enum class AbortKind {
  kCheckFailed,  // a protocol check (MAC, commitment, consistency) failed
  kMalformed,    // a peer's message could not be decoded or had the wrong shape
  kTimeout,      // a message did not arrive by the deadline
};

class Abort : public std::runtime_error {
 public:
  Abort(std::string reason, std::vector<PartyId> blamed = {},
        AbortKind kind = AbortKind::kCheckFailed)
      : std::runtime_error(reason), blamed_(std::move(blamed)), kind_(kind) {}
  const std::vector<PartyId>& blamed() const { return blamed_; }
  AbortKind kind() const { return kind_; }

 private:
  std::vector<PartyId> blamed_;
  AbortKind kind_;
};

}  // namespace smpc
