#include "scenarios/scenario_builder.h"

#include "scenarios/network_spec.h"

#include <utility>

namespace smpc {

ScenarioBuilder::ScenarioBuilder(std::string name) {
  s_.name = std::move(name);
  s_.path = "<" + s_.name + ">";
}

ScenarioBuilder::ScenarioBuilder(Scenario base) : s_(std::move(base)) {}

ScenarioBuilder& ScenarioBuilder::path(std::string path) {
  s_.path = std::move(path);
  return *this;
}
ScenarioBuilder& ScenarioBuilder::name(std::string name) {
  s_.name = std::move(name);
  return *this;
}
ScenarioBuilder& ScenarioBuilder::seed(std::uint64_t seed) {
  s_.seed = seed;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::parties(int n) {
  s_.parties = n;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::protocol(const std::string& name, nlohmann::json params) {
  s_.protocol = name;
  s_.protocol_params = params.is_object() ? std::move(params) : nlohmann::json::object();
  s_.protocol_params["name"] = name;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::function(nlohmann::json function) {
  s_.function = std::move(function);
  return *this;
}
ScenarioBuilder& ScenarioBuilder::inputs(const std::vector<nlohmann::json>& per_party) {
  s_.inputs.clear();
  for (const auto& v : per_party) s_.inputs.push_back(v.is_array() ? v : nlohmann::json::array({v}));
  return *this;
}
ScenarioBuilder& ScenarioBuilder::network(NetworkSpec network) {
  s_.network = std::move(network);
  return *this;
}
ScenarioBuilder& ScenarioBuilder::lan(double latency_ms, double bandwidth_mbps) {
  s_.network = NetworkSpec{};
  s_.network.latency_s = latency_ms / 1e3;
  s_.network.bandwidth_bytes_per_s = bandwidth_mbps * 1e6 / 8;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::deadline(double seconds) {
  s_.deadline_s = seconds;
  return *this;
}
ScenarioBuilder& ScenarioBuilder::adversary(AdversarySpec adversary) {
  s_.adversary = std::move(adversary);
  return *this;
}
ScenarioBuilder& ScenarioBuilder::adversary(std::vector<PartyId> corrupt, AdversaryModel model,
                                            const nlohmann::json& script) {
  const nlohmann::json j{{"corrupt", corrupt},
                         {"model", model == AdversaryModel::kMalicious ? "malicious" : "semi-honest"},
                         {"script", script}};
  auto spec = parse_adversary(j, s_.parties);
  if (!spec.ok()) {
    if (status_.ok()) status_ = spec.status().with_prefix(s_.path + ": ");
    return *this;
  }
  return adversary(std::move(spec).value());
}

ScenarioBuilder& ScenarioBuilder::no_adversary() {
  s_.adversary.reset();
  return *this;
}

ScenarioBuilder& ScenarioBuilder::roles(Roles roles) {
  s_.roles = std::move(roles);
  return *this;
}

ScenarioBuilder& ScenarioBuilder::compute(nlohmann::json compute) {
  s_.compute = std::move(compute);
  return *this;
}

Result<Scenario> ScenarioBuilder::build() const {
  if (!status_.ok()) return status_;
  Scenario s = s_;
  s.document = scenario_document(s);
  return s;
}

namespace {

nlohmann::json network_document(const NetworkSpec& n, int parties) {
  nlohmann::json j = nlohmann::json::parse(network_json(n, parties).dump());
  if (n.overrides.empty()) j.erase("links");
  return j;
}

}  // namespace

nlohmann::json scenario_document(const Scenario& s) {
  nlohmann::json doc{{"name", s.name},
                     {"seed", s.seed},
                     {"parties", s.parties},
                     {"protocol", s.protocol_params},
                     {"function", s.function},
                     {"inputs", s.inputs},
                     {"network", network_document(s.network, s.parties)},
                     {"deadline_s", s.deadline_s}};
  if (!s.network.faults.empty())
    doc["faults"] = nlohmann::json::parse(faults_json(s.network.faults).dump());
  if (s.adversary) doc["adversary"] = nlohmann::json::parse(adversary_json(*s.adversary).dump());
  if (!s.compute.is_null()) doc["compute"] = s.compute;
  if (s.roles) {
    doc["roles"] = {{"servers", s.roles->servers}};
    if (!s.roles->output_receivers.empty())
      doc["roles"]["output_receivers"] = s.roles->output_receivers;
  }
  return doc;
}

}  // namespace smpc
