// `smpc verify tally`: the public check of a voting transcript (verify/tally.h), read from a
// file and printed for the CLI.
#pragma once

#include <string>

#include "scenarios/driver_output.h"

namespace smpc {

struct TallyRequest {
  std::string transcript;  // path: a transcript, an object holding one under
                           // "vote_transcript", or a run report (party_results[board])
  bool json = false;
};

// Exit 0 the transcript checks out, 1 it does not (each failure printed with its JSON
// pointer), 2 bad input (unreadable, not JSON, not a transcript: the pointer and the value).
DriverOutput run_verify_tally(const TallyRequest& request);

}  // namespace smpc
