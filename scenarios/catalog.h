// What a scenario can name, derived from the lists that define it: the protocol registry
// (protocols/registry.h), the strategy list (adversary/) and the function catalog. The CLI's
// `list` and `schema` commands, the audit and the scenario loader read it from here, so cli/
// needs neither protocols/ nor adversary/.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "protocols/core/protocol_spec.h"
#include "scenarios/scenario.h"

namespace smpc {

// The scenario JSON Schema: scenarios/schema.json (the template) with the "protocol" object
// composed from the registry and the strategy enum from the strategy list. Composed once per
// process from what is linked, so a binary with an extra protocol validates against a schema
// that knows it.
const nlohmann::json& scenario_schema();

// One of the spec's audit scenarios (without adversary), named "audit <protocol> <scenario>":
// what `smpc audit` attacks. Without `setup`: the spec's first (its base scenario).
Result<Scenario> audit_scenario(const ProtocolSpec& spec, const AuditSetup& setup);
Result<Scenario> audit_scenario(const ProtocolSpec& spec);
// The same as a scenario document (the registry test validates it against the schema).
nlohmann::json audit_scenario_json(const ProtocolSpec& spec, const AuditSetup& setup);

// `smpc list protocols|attacks|functions` (text), and `smpc list protocols --json`.
std::string protocols_listing();
nlohmann::ordered_json protocols_listing_json();
std::string attacks_listing();
std::string functions_listing();
// `smpc list labels [protocol]`: each protocol's message labels with their messages' layout
// (protocols/<name>/labels.h), so a script knows which element is which. "" = every protocol;
// an unknown protocol is an error naming the known ones.
Result<std::string> labels_listing(const std::string& protocol);
// The same as the Markdown table in docs/adversaries.md (a test keeps the two equal).
std::string labels_table_markdown();

}  // namespace smpc
