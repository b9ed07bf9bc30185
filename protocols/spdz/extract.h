// Input extraction for SPDZ (protocols/core/extraction.h, docs/extraction.md): the owner of an
// input opens ε = x − r; every party then holds [[x]] = [[r]] + ε, so the effective input is
// ε + r, with ε as the honest parties received it. Honest parties that received different ε
// (the input check then aborts them) leave the owner without an effective input.
//
// Where r comes from depends on the preprocessing:
//   - "dealer": from the simulated dealer's record (the simulator of DPSZ's proof plays F_Prep
//     and knows r), kind "mask" at every honest party. A client owner (roles, spdz.h) is read
//     the same way: the honest servers record its ε and r like any owner's, the clients
//     record nothing.
//   - "mascot": no honest party knows r; its owner authenticated it by Π_COPE with every other
//     party (mascot.h). The owner's code records its clear r (kind "mascot.mask"), and every
//     party records its Π_COPE transcript digests with every peer (MascotTranscript, kinds
//     "mascot.cope.as_a" / "mascot.cope.as_b"). r counts only when every honest party's
//     transcript with the owner as P_A is the one the owner's code produced (see extract.cpp).
#pragma once

#include <string_view>

#include "protocols/core/extraction.h"
#include "protocols/spdz/mascot.h"

namespace smpc {

inline constexpr std::string_view kMascotMaskRecord = "mascot.mask";
inline constexpr std::string_view kMascotAsARecord = "mascot.cope.as_a";
inline constexpr std::string_view kMascotAsBRecord = "mascot.cope.as_b";

// A transcript's digests as record values: 32-bit words (records hold values below a bound),
// 8 per digest, in message order.
std::vector<std::uint64_t> mascot_transcript_words(const MascotCopeTranscript& t);
inline constexpr std::size_t kMascotTranscriptWords = kMascotTranscriptMessages * 8;

Extractor spdz_extractor();

}  // namespace smpc
