#include "scenarios/compute_spec.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <fstream>
#include <sstream>

#include "protocols/core/json_text.h"

namespace smpc {

Result<CostProfile> load_profile(const std::string& source, const std::string& base_dir) {
  if (source == "reference") return builtin_profile();
  std::filesystem::path path(source);
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  std::ifstream in(path);
  if (!in)
    return Error("cannot read profile file " + path.string() +
                 " (\"reference\" is the built-in profile; `smpc calibrate --output FILE` writes one)");
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error(path.string() + ": not valid JSON");
  auto p = profile_from_json(doc);
  if (!p.ok()) return p.status().with_prefix(path.string() + ": ");
  return p;
}

namespace {

bool positive_number(const nlohmann::json& v) {
  return v.is_number() && v.get<double>() > 0 && std::isfinite(v.get<double>());
}

// A slow window (docs/simulator.md, "Slow parties"), kept sorted; overlapping windows of one
// party would leave its speed ambiguous and are refused.
Status add_window(const nlohmann::json& e, const std::string& at, ComputeSpec& spec) {
  if (spec.model != ComputeModel::kOps)
    return Error(at + ": a slow window needs \"model\": \"ops\" (under \"none\" computation "
                      "takes no simulated time, so the window would change nothing)");
  SpeedWindow w{.from_s = 0, .until_s = std::numeric_limits<double>::infinity(),
                .speed = e["speed"].get<double>()};
  for (const char* key : {"from_s", "until_s"})
    if (e.contains(key) && (!e[key].is_number() || !std::isfinite(e[key].get<double>()) ||
                            e[key].get<double>() < 0))
      return Error(at + "/" + key + ": must be a number >= 0, got " + short_json(e[key]));
  if (e.contains("from_s")) w.from_s = e["from_s"].get<double>();
  if (e.contains("until_s")) w.until_s = e["until_s"].get<double>();
  if (!(w.until_s > w.from_s))
    return Error(at + "/until_s: must be later than from_s (" + short_json(nlohmann::json(w.from_s)) +
                 "), got " + short_json(e["until_s"]));
  const auto p = e["party"].get<std::size_t>();
  if (spec.party_windows.size() <= p) spec.party_windows.resize(p + 1);
  auto& list = spec.party_windows[p];
  const auto pos = std::find_if(list.begin(), list.end(),
                                [&](const SpeedWindow& o) { return o.from_s > w.from_s; });
  if ((pos != list.end() && pos->from_s < w.until_s) ||
      (pos != list.begin() && std::prev(pos)->until_s > w.from_s))
    return Error(at + ": overlaps another slow window of party " + std::to_string(p));
  list.insert(pos, w);
  return OkStatus();
}

Status parse_party_speeds(const nlohmann::json& list, int parties, ComputeSpec& spec) {
  if (!list.empty()) spec.party_speed.assign(static_cast<std::size_t>(parties), 1.0);
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string at = "/compute/parties/" + std::to_string(k);
    const auto& e = list[k];
    if (!e.contains("party") || !e["party"].is_number_integer() || e["party"].get<long long>() < 0 ||
        e["party"].get<long long>() >= parties)
      return Error(at + "/party: no such party (0.." + std::to_string(parties - 1) + "), got " +
                   short_json(e.value("party", nlohmann::json())));
    if (!e.contains("speed") || !positive_number(e["speed"]))
      return Error(at + "/speed: must be a number > 0, got " + short_json(e.value("speed", nlohmann::json())));
    if (e.contains("from_s") || e.contains("until_s"))
      SMPC_RETURN_IF_ERROR(add_window(e, at, spec));
    else
      spec.party_speed[e["party"].get<std::size_t>()] = e["speed"].get<double>();
  }
  return OkStatus();
}

}  // namespace

Result<ComputeSpec> parse_compute(const nlohmann::json& compute, int parties,
                                  const std::string& base_dir) {
  ComputeSpec spec;
  spec.model = ComputeModel::kOps;  // the default: computation costs time (issue 16)
  if (compute.is_null()) return spec;
  if (!compute.is_object()) return Error("/compute: must be an object, got " + short_json(compute));
  if (compute.contains("model")) {
    const auto m = compute_model_from_name(compute["model"].get<std::string>());
    if (!m) return Error("/compute/model: must be \"none\", \"ops\" or \"measured\", got " + short_json(compute["model"]));
    spec.model = *m;
  }
  if (compute.contains("profile")) {
    spec.profile_source = compute["profile"].get<std::string>();
    auto p = load_profile(spec.profile_source, base_dir);
    if (!p.ok()) return p.status().with_prefix("/compute/profile: ");
    spec.profile = std::move(p).value();
  }
  if (compute.contains("speed")) {
    if (!positive_number(compute["speed"]))
      return Error("/compute/speed: must be a number > 0, got " + short_json(compute["speed"]));
    spec.speed = compute["speed"].get<double>();
  }
  SMPC_RETURN_IF_ERROR(parse_party_speeds(compute.value("parties", nlohmann::json::array()),
                                           parties, spec));
  return spec;
}

nlohmann::ordered_json compute_json(const ComputeSpec& spec) {
  nlohmann::ordered_json j{{"model", compute_model_name(spec.model)}};
  if (spec.model == ComputeModel::kNone) return j;
  if (spec.model == ComputeModel::kMeasured) {
    // Real CPU time: no profile, and the run's times are not a function of scenario and seed.
    j["deterministic"] = false;
    j["note"] = "simulated compute is this machine's measured thread CPU time per segment";
    j["speed"] = spec.speed;
    if (!spec.party_speed.empty()) j["party_speed"] = spec.party_speed;
    return j;
  }
  j["profile"] = spec.profile.name;
  j["profile_source"] = spec.profile_source;
  j["profile_machine"] = spec.profile.machine;
  j["speed"] = spec.speed;
  if (!spec.party_speed.empty()) j["party_speed"] = spec.party_speed;
  nlohmann::ordered_json windows = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < spec.party_windows.size(); ++p)
    for (const SpeedWindow& w : spec.party_windows[p])
      windows.push_back({{"party", p}, {"speed", w.speed}, {"from_s", w.from_s},
                         {"until_s", std::isinf(w.until_s) ? nlohmann::ordered_json() : nlohmann::ordered_json(w.until_s)}});
  if (!windows.empty()) j["slow_windows"] = windows;
  j["profile_ns"] = profile_json(spec.profile)["ops"];
  return j;
}

}  // namespace smpc
