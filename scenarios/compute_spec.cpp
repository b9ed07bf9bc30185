#include "scenarios/compute_spec.h"

#include <filesystem>
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

Result<ComputeSpec> parse_compute(const nlohmann::json& compute, int parties,
                                  const std::string& base_dir) {
  ComputeSpec spec;
  if (compute.is_null()) return spec;
  if (!compute.is_object()) return Error("/compute: must be an object, got " + short_json(compute));
  if (compute.contains("model")) {
    const auto m = compute_model_from_name(compute["model"].get<std::string>());
    if (!m) return Error("/compute/model: must be \"none\" or \"ops\", got " + short_json(compute["model"]));
    spec.model = *m;
  }
  if (compute.contains("profile")) {
    spec.profile_source = compute["profile"].get<std::string>();
    auto p = load_profile(spec.profile_source, base_dir);
    if (!p.ok()) return p.status().with_prefix("/compute/profile: ");
    spec.profile = std::move(p).value();
  }
  const auto positive = [](const nlohmann::json& v) {
    return v.is_number() && v.get<double>() > 0 && std::isfinite(v.get<double>());
  };
  if (compute.contains("speed")) {
    if (!positive(compute["speed"]))
      return Error("/compute/speed: must be a number > 0, got " + short_json(compute["speed"]));
    spec.speed = compute["speed"].get<double>();
  }
  const auto& list = compute.value("parties", nlohmann::json::array());
  if (!list.empty()) spec.party_speed.assign(static_cast<std::size_t>(parties), 1.0);
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string at = "/compute/parties/" + std::to_string(k);
    const auto& e = list[k];
    if (!e.contains("party") || !e["party"].is_number_integer() || e["party"].get<long long>() < 0 ||
        e["party"].get<long long>() >= parties)
      return Error(at + "/party: no such party (0.." + std::to_string(parties - 1) + "), got " +
                   short_json(e.value("party", nlohmann::json())));
    if (!e.contains("speed") || !positive(e["speed"]))
      return Error(at + "/speed: must be a number > 0, got " + short_json(e.value("speed", nlohmann::json())));
    spec.party_speed[e["party"].get<std::size_t>()] = e["speed"].get<double>();
  }
  return spec;
}

nlohmann::ordered_json compute_json(const ComputeSpec& spec) {
  nlohmann::ordered_json j{{"model", compute_model_name(spec.model)}};
  if (spec.model == ComputeModel::kNone) return j;
  j["profile"] = spec.profile.name;
  j["profile_source"] = spec.profile_source;
  j["profile_machine"] = spec.profile.machine;
  j["speed"] = spec.speed;
  if (!spec.party_speed.empty()) j["party_speed"] = spec.party_speed;
  j["profile_ns"] = profile_json(spec.profile)["ops"];
  return j;
}

}  // namespace smpc
