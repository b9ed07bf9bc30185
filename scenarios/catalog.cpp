#include "scenarios/catalog.h"

#include "scenarios/programs.h"

#include <algorithm>
#include <sstream>

#include "adversary/adversary_spec.h"
#include "adversary/strategies.h"
#include "protocols/registry.h"
#include "scenarios/functions.h"
#include "scenarios/scenario.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

// One "if name is X then only X's parameters" branch per protocol: the schema rejects a
// parameter the named protocol does not take, and shows each protocol's own ranges.
nlohmann::json protocol_schema() {
  nlohmann::json names = nlohmann::json::array(), branches = nlohmann::json::array();
  for (const auto* spec : protocol_registry()) {
    names.push_back(spec->name);
    nlohmann::json props = params_schema(spec->parameters);
    props["name"] = nlohmann::json::object();
    branches.push_back(
        {{"if", {{"required", {"name"}}, {"properties", {{"name", {{"const", spec->name}}}}}}},
         {"then", {{"properties", props}, {"additionalProperties", false}}}});
  }
  return {{"type", "object"},
          {"required", {"name"}},
          {"properties",
           {{"name",
             {{"type", "string"}, {"enum", names}, {"description", "See `smpc list protocols`."}}}}},
          {"allOf", branches}};
}

// The claim listings show: the one for the smallest run, with every default.
SecurityClaim smallest_claim(const ProtocolSpec& s) {
  const auto params = resolve_params(s, nlohmann::json::object(), s.min_parties, 0);
  return s.claim(params.value(), s.min_parties);
}

std::string padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// The width of a listing's first column: its longest name and two spaces, so that no name
// runs into its text (second_price_auction did).
template <typename Range, typename Name>
std::size_t column_width(const Range& rows, Name name) {
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, std::string(name(r)).size());
  return width + 2;
}

}  // namespace

const nlohmann::json& scenario_schema() {
  static const nlohmann::json schema = [] {
    auto doc = nlohmann::json::parse(scenario_schema_text());
    doc["properties"]["protocol"] = protocol_schema();
    nlohmann::json strategies = nlohmann::json::array();
    // One script step: selectors, every step parameter and the strategy enum, from the list.
    doc["properties"]["adversary"]["properties"]["script"]["items"] = strategy_step_schema();
    return doc;
  }();
  return schema;
}

Result<Scenario> audit_scenario(const ProtocolSpec& spec, const AuditSetup& a) {
  ScenarioBuilder b("audit " + spec.name + " " + a.name);
  b.protocol(spec.name, a.params)
      .parties(a.parties)
      .function(a.function)
      .inputs(a.inputs)
      .lan(a.latency_ms, a.bandwidth_mbps)
      .deadline(a.deadline_s);
  if (a.servers > 0) b.roles(Roles{a.servers, {}});
  return b.build();
}

Result<Scenario> audit_scenario(const ProtocolSpec& spec) {
  if (spec.audits.empty()) return Error("protocol " + spec.name + " has no audit scenario");
  return audit_scenario(spec, spec.audits.front());
}

nlohmann::json audit_scenario_json(const ProtocolSpec& spec, const AuditSetup& a) {
  nlohmann::json protocol = a.params;
  protocol["name"] = spec.name;
  nlohmann::json doc = {{"name", "audit " + spec.name + " " + a.name},
          {"parties", a.parties},
          {"protocol", protocol},
          {"function", a.function},
          {"inputs", a.inputs},
          {"network",
           {{"latency_ms", json_number(a.latency_ms)}, {"bandwidth_mbps", json_number(a.bandwidth_mbps)}}},
          {"deadline_s", json_number(a.deadline_s)}};
  if (a.servers > 0) doc["roles"] = {{"servers", a.servers}};
  return doc;
}

std::string protocols_listing() {
  std::ostringstream out;
  const std::size_t width = column_width(protocol_registry(), [](const auto* s) { return s->name; });
  const std::string indent(width, ' ');
  for (const auto* s : protocol_registry()) {
    out << padded(s->name, width) << s->summary << "\n"
        << indent << "domain: " << domain_name(s->domain) << "; parties: " << party_range(*s)
        << (s->client_inputs ? " (with roles: the computing servers; clients come on top)" : "")
        << "\n";
    for (const auto& p : s->parameters)
      out << indent << "parameter " << describe_param(p) << ": " << p.doc << "\n";
    if (s->parameters.empty()) out << indent << "parameters: none\n";
    std::string labels;
    for (const auto& l : s->labels) labels += (labels.empty() ? "" : ", ") + std::string(l.name);
    out << indent << "labels: " << labels << "\n"
        << indent << "claim (n = " << s->min_parties << "): " << smallest_claim(*s).statement
        << "\n";
  }
  return out.str();
}

nlohmann::ordered_json protocols_listing_json() {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto* s : protocol_registry()) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : s->parameters) {
      nlohmann::ordered_json j = {{"name", p.name}, {"type", param_type_name(p.type)}};
      if (p.minimum) j["minimum"] = json_number(*p.minimum);
      if (p.exclusive_minimum) j["exclusive_minimum"] = json_number(*p.exclusive_minimum);
      if (p.maximum) j["maximum"] = json_number(*p.maximum);
      if (!p.choices.empty()) j["choices"] = p.choices;
      j["default"] = p.default_value.is_null() ? nlohmann::ordered_json(p.default_doc)
                                               : nlohmann::ordered_json(p.default_value);
      j["derived_from_seed"] = p.derived_from_seed;
      j["doc"] = p.doc;
      params.push_back(j);
    }
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (const auto& l : s->labels) labels.push_back(std::string(l.name));
    const auto claim = smallest_claim(*s);
    all.push_back({{"name", s->name},
                   {"summary", s->summary},
                   {"domain", domain_name(s->domain)},
                   {"min_parties", s->min_parties},
                   {"max_parties", s->max_parties > 0 ? nlohmann::ordered_json(s->max_parties)
                                                      : nlohmann::ordered_json()},
                   {"parameters", params},
                   {"labels", labels},
                   {"claim",
                    {{"parties", s->min_parties},
                     {"model", adversary_model_name(claim.model)},
                     {"max_corruptions", claim.max_corruptions},
                     {"guarantee", output_guarantee_name(claim.guarantee)},
                     {"statement", claim.statement}}}});
  }
  return all;
}

namespace {

std::string text_of(const nlohmann::json& about, const char* key) {
  if (!about.contains(key)) return "";
  const auto& v = about[key];
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  if (v.is_array())
    for (const auto& e : v) out += (out.empty() ? "" : ", ") + (e.is_string() ? e.get<std::string>() : e.dump());
  return out;
}

// The shipped adversary programs, from their `about` tables (scenarios/programs.h).
std::string programs_listing() {
  std::ostringstream out;
  out << "\nPrograms for \"adversary\": {\"program\": \"attacks/NAME.lua\", \"params\": {...}} "
         "(docs/adversaries.md):\n";
  const auto attacks = shipped_attacks();
  if (!attacks.ok()) return out.str() + "  (cannot list them: " + attacks.status().message() + ")\n";
  for (const auto& a : *attacks) {
    out << "  " << a.file << "\n    " << text_of(a.about, "summary") << "\n"
        << "    applies to: " << text_of(a.about, "applies_to") << "; expected: "
        << text_of(a.about, "expect") << "\n";
    const auto params = a.about.value("params", nlohmann::json::object());
    if (!params.is_object() || params.empty()) out << "    parameters: none\n";
    for (auto it = params.begin(); params.is_object() && it != params.end(); ++it)
      out << "    parameter " << it.key() << " (default " << it.value().value("default", nlohmann::json()).dump()
          << "): " << (it.value().is_object() ? it.value().value("doc", "") : "") << "\n";
  }
  return out.str();
}

}  // namespace

std::string attacks_listing() {
  std::ostringstream out;
  out << "Strategies for \"adversary\": {\"script\": [...]} (docs/adversaries.md).\n"
         "Selectors for every message strategy: party, label (exact or prefix*), round, to,\n"
         "occurrence (the n-th message of a label). Labels and their layouts: smpc list labels.\n\n";
  const auto catalog = strategy_catalog();
  const std::size_t width = column_width(catalog, [](const auto& s) { return s.name; });
  for (const auto& s : catalog)
    out << padded(s.name, width) << s.summary << "\n"
        << std::string(width, ' ') << "parameters: " << s.parameters << "\n";
  out << "\nParameters (a step may carry only its strategy's own):\n";
  for (const auto& p : step_params())
    out << "  " << describe_param(p.spec) << ": " << p.spec.doc << "\n";
  out << programs_listing();
  return out.str();
}

Result<std::string> labels_listing(const std::string& protocol) {
  if (!protocol.empty() && !find_protocol(protocol))
    return Error("unknown protocol \"" + protocol + "\" (known: " + protocol_names() + ")");
  std::ostringstream out;
  for (const auto* s : protocol_registry()) {
    if (!protocol.empty() && s->name != protocol) continue;
    out << s->name << "\n";
    for (const auto& l : s->labels)
      out << "  " << padded(std::string(l.name), 20) << l.layout << "\n";
  }
  return out.str();
}

std::string labels_table_markdown() {
  std::ostringstream out;
  out << "| protocol | label | message layout |\n|---|---|---|\n";
  for (const auto* s : protocol_registry())
    for (const auto& l : s->labels)
      out << "| " << s->name << " | `" << l.name << "` | " << l.layout << " |\n";
  return out.str();
}

std::string functions_listing() {
  std::ostringstream out;
  const std::size_t width = column_width(function_catalog(), [](const auto& f) { return f.name; });
  for (const auto& f : function_catalog()) out << padded(f.name, width) << f.summary << "\n";
  return out.str();
}

}  // namespace smpc
