#include "scenarios/vote_drivers.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "verify/tally.h"

namespace smpc {
namespace {

// The transcript inside `j`: j itself, or j["vote_transcript"], or in a run report (`smpc run
// --json`) the bulletin board's entry of party_results (the one holding "vote_transcript").
const nlohmann::json* find_transcript(const nlohmann::json& j) {
  if (!j.is_object()) return &j;
  if (j.contains("format")) return &j;
  if (j.contains("vote_transcript")) return &j["vote_transcript"];
  if (j.contains("party_results") && j["party_results"].is_array())
    for (const auto& p : j["party_results"])
      if (p.is_object() && p.contains("vote_transcript")) return &p["vote_transcript"];
  return &j;
}

std::string text_of(const TallyCheck& c) {
  std::ostringstream os;
  os << (c.ok ? "tally verified" : "tally REJECTED") << ": " << c.counted << " counted, "
     << c.rejected << " rejected, " << c.disqualified << " disqualified; tally [";
  for (std::size_t i = 0; i < c.tally.size(); ++i) os << (i ? ", " : "") << c.tally[i];
  os << "]\n";
  for (const auto& f : c.failures) os << "  failed: " << f << "\n";
  os << "trusted, not checked:\n";
  for (const auto& t : c.trusted) os << "  - " << t << "\n";
  return os.str();
}

}  // namespace

DriverOutput run_verify_tally(const TallyRequest& request) {
  std::ifstream in(request.transcript, std::ios::binary);
  if (!in) return driver_bad_input(request.transcript + ": cannot read the file");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    return driver_bad_input(request.transcript + ": not JSON: " + e.what());
  }
  const auto check = verify_tally(*find_transcript(j));
  if (!check.ok()) return driver_bad_input(request.transcript + ": " + check.status().message());
  const TallyCheck& c = check.value();
  DriverOutput out;
  out.exit_code = c.ok ? kDriverOk : kDriverFailed;
  if (!request.json) {
    out.out = text_of(c);
    return out;
  }
  nlohmann::ordered_json r = {{"ok", c.ok}, {"counted", c.counted}, {"rejected", c.rejected},
                              {"disqualified", c.disqualified}, {"tally", c.tally},
                              {"failures", c.failures}, {"trusted", c.trusted}};
  out.out = r.dump(2) + "\n";
  return out;
}

}  // namespace smpc
