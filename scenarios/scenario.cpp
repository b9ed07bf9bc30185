#include "scenarios/scenario.h"

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/json_input.h"
#include "scenarios/network_spec.h"

#include <algorithm>
#include <climits>
#include <filesystem>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace smpc {
namespace {

const valijson::Schema& compiled_schema() {
  static const valijson::Schema* schema = [] {
    auto* s = new valijson::Schema;
    const auto& doc = scenario_schema();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

// valijson context ["<root>", "[network]", "[latency_ms]"] -> "/network/latency_ms".
std::string to_pointer(const std::vector<std::string>& context) {
  std::string out;
  for (const auto& c : context) {
    if (c == "<root>") continue;
    std::string token = c;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      token = token.substr(1, token.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"')
      token = token.substr(1, token.size() - 2);
    out += "/" + short_text(token, 60);  // a key may be long or hold control characters
  }
  return out.empty() ? "/" : out;
}

// The schema node that describes the value at `pointer` (following properties, items, local
// $refs and the alternatives of oneOf/anyOf); nullptr when the schema says nothing there.
const nlohmann::json* resolve_ref(const nlohmann::json* node) {
  static const nlohmann::json& root = scenario_schema();
  while (node && node->is_object() && node->contains("$ref")) {
    const auto ref = (*node)["$ref"].get<std::string>();  // "#/definitions/x"
    node = &root.at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return node;
}

const nlohmann::json* schema_child(const nlohmann::json* node, const std::string& token) {
  node = resolve_ref(node);
  if (!node || !node->is_object()) return nullptr;
  if (node->contains("properties") && (*node)["properties"].contains(token))
    return &(*node)["properties"][token];
  if (node->contains("items")) return &(*node)["items"];
  for (const char* k : {"oneOf", "anyOf"})
    if (node->contains(k))
      for (const auto& alt : (*node)[k])
        if (const auto* c = schema_child(&alt, token)) return c;
  return nullptr;
}

const nlohmann::json* schema_at(const std::string& pointer) {
  const nlohmann::json* node = &scenario_schema();
  std::size_t pos = 1;
  while (node && pos < pointer.size()) {
    const auto next = pointer.find('/', pos);
    const std::string token = pointer.substr(pos, next == std::string::npos ? next : next - pos);
    pos = next == std::string::npos ? pointer.size() : next + 1;
    node = schema_child(node, token);
  }
  return resolve_ref(node);
}

// What the schema node asks for, in the words of docs/scenarios.md ("an integer >= 0").
std::string expected_of(const nlohmann::json* node) {
  node = resolve_ref(node);
  if (!node || !node->is_object()) return "something else";
  for (const char* k : {"oneOf", "anyOf"}) {
    if (!node->contains(k)) continue;
    std::string out;
    for (const auto& alt : (*node)[k]) out += (out.empty() ? "" : " or ") + expected_of(&alt);
    return out;
  }
  if (node->contains("enum")) {
    std::string out = "one of";
    for (const auto& option : (*node)["enum"]) out += " " + option.dump();
    return out;
  }
  static const std::pair<const char*, const char*> kTypes[] = {
      {"integer", "an integer"}, {"number", "a number"}, {"string", "a string"},
      {"array", "an array"},     {"object", "an object"}, {"boolean", "true or false"}};
  std::string out = "a value of another kind";
  const auto type = node->value("type", std::string());
  for (const auto& [name, words] : kTypes)
    if (type == name) out = words;
  if (node->contains("minimum") && node->contains("maximum"))
    return out + " from " + (*node)["minimum"].dump() + " to " + (*node)["maximum"].dump();
  static const std::pair<const char*, const char*> kBounds[] = {
      {"minimum", " >= "}, {"exclusiveMinimum", " > "}, {"maximum", " <= "},
      {"exclusiveMaximum", " < "}};
  std::string bounds;
  for (const auto& [key, op] : kBounds)
    if (node->contains(key)) bounds += (bounds.empty() ? "" : " and") + (op + (*node)[key].dump());
  out += bounds;
  if (node->value("minLength", 0) > 0) out = "a non-empty string";
  if (node->contains("maxItems")) out += " of at most " + (*node)["maxItems"].dump() + " items";
  if (node->contains("minItems")) out += " of at least " + (*node)["minItems"].dump() + " items";
  return out;
}

bool has_type(const nlohmann::json& v, const std::string& type) {
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "string") return v.is_string();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  if (type == "boolean") return v.is_boolean();
  return true;
}

// The constraint of `node` that `v` breaks, computed here from the schema and the value (the
// validator's own wording never reaches the user); "" when none is found.
std::string violation(const nlohmann::json* node, const nlohmann::json& v) {
  node = resolve_ref(node);
  if (!node || !node->is_object()) return "";
  if (node->contains("oneOf") || node->contains("anyOf")) return "must be " + expected_of(node);
  // The wording of protocol parameters and script steps (protocol_spec.cpp, adversary/).
  if (node->contains("type") && (*node)["type"].is_string() &&
      !has_type(v, (*node)["type"].get<std::string>()))
    return "must be of type " + (*node)["type"].get<std::string>();
  if (node->contains("enum") && std::find((*node)["enum"].begin(), (*node)["enum"].end(), v) ==
                                    (*node)["enum"].end())
    return "must be " + expected_of(node);
  if (v.is_number()) {
    // Unsigned integers compare exactly (2^64 - 1 is not a double).
    const auto less = [&v](const nlohmann::json& b) {
      if (v.is_number_unsigned() && b.is_number_integer())
        return b.is_number_unsigned() && v.get<std::uint64_t>() < b.get<std::uint64_t>();
      return v.get<double>() < b.get<double>();
    };
    const auto equal = [&v](const nlohmann::json& b) { return v == b; };
    if (node->contains("minimum") && less((*node)["minimum"]))
      return "must be >= " + (*node)["minimum"].dump();
    if (node->contains("exclusiveMinimum") &&
        (less((*node)["exclusiveMinimum"]) || equal((*node)["exclusiveMinimum"])))
      return "must be > " + (*node)["exclusiveMinimum"].dump();
    if (node->contains("maximum") && !less((*node)["maximum"]) && !equal((*node)["maximum"]))
      return "must be <= " + (*node)["maximum"].dump();
    if (node->contains("exclusiveMaximum") && !less((*node)["exclusiveMaximum"]))
      return "must be < " + (*node)["exclusiveMaximum"].dump();
  }
  if (v.is_string() && node->value("minLength", 0) > 0 && v.get_ref<const std::string&>().empty())
    return "must not be empty";
  const auto items = [](const nlohmann::json& n) {
    return n.dump() + (n == 1 ? " item" : " items");
  };
  if (v.is_array() && node->contains("maxItems") && v.size() > (*node)["maxItems"].get<std::size_t>())
    return "must have at most " + items((*node)["maxItems"]);
  if (v.is_array() && node->contains("minItems") && v.size() < (*node)["minItems"].get<std::size_t>())
    return "must have at least " + items((*node)["minItems"]);
  return "";
}

// The schema's "protocol" part comes from the registry, and so does this wording: the same
// message the runner gives for a parameter (resolve_params), or the known protocols' names.
std::string protocol_problem(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("protocol")) return "";
  const auto& given = doc.at("protocol");
  if (!given.is_object() || !given.contains("name") || !given["name"].is_string()) return "";
  const auto name = given["name"].get<std::string>();
  const ProtocolSpec* spec = find_protocol(name);
  if (!spec)
    return "/protocol/name: unknown protocol " + short_json(nlohmann::json(name)) + " (known: " +
           protocol_names() + ")";
  auto params = resolve_params(*spec, given, 0, 0);
  return params.ok() ? "" : params.status().message();
}

// The name between the last pair of quotes of a valijson message ("… constraints: 'colour'.").
std::string quoted_name(const std::string& message) {
  const auto q2 = message.rfind('\'');
  const auto q1 = q2 == std::string::npos || q2 == 0 ? q2 : message.rfind('\'', q2 - 1);
  if (q1 == std::string::npos || q2 == std::string::npos) return "";
  return message.substr(q1 + 1, q2 - q1 - 1);
}

// Turns the (often nested) validator errors into the one message a person needs: the deepest
// location, what the schema asks for there, and the value found there.
std::string describe_schema_error(const valijson::ValidationResults& results,
                                  const nlohmann::json& doc) {
  valijson::ValidationResults::Error best;
  valijson::ValidationResults copy = results;
  valijson::ValidationResults::Error e;
  bool first = true;
  while (copy.popError(e)) {
    // Prefer the deepest context; among equals, the first reported.
    if (first || e.context.size() > best.context.size()) best = e;
    first = false;
  }
  const std::string pointer = to_pointer(best.context);
  if (pointer.rfind("/protocol", 0) == 0)
    if (auto better = protocol_problem(doc); !better.empty()) return better;
  const std::string& message = best.description;
  const std::string at = pointer == "/" ? "" : pointer;
  if (message.find("'additionalProperties'") != std::string::npos) {
    return at + "/" + short_text(quoted_name(message), 60) + ": unknown field";
  }
  if (message.rfind("Missing required property", 0) == 0)
    return pointer + ": missing required field " + short_json(quoted_name(message), 60);
  const nlohmann::json* value = nullptr;
  try {
    value = &doc.at(nlohmann::json::json_pointer(at));
  } catch (const nlohmann::json::exception&) {
  }
  std::string problem = value ? violation(schema_at(pointer), *value) : "";
  if (problem.empty())
    problem = "does not fit the scenario schema here (`smpc schema` prints it)";
  return pointer + ": " + problem + (value ? ", got " + short_json(*value) : "");
}

Result<Roles> parse_roles(const nlohmann::json& j, int parties) {
  Roles r;
  r.servers = j.at("servers").get<int>();
  if (auto st = check_roles(r.servers, {}, parties); !st.ok()) return st;
  if (j.contains("output_receivers"))
    for (const auto& v : j["output_receivers"]) r.output_receivers.push_back(v.get<PartyId>());
  SMPC_RETURN_IF_ERROR(check_roles(r.servers, r.output_receivers, parties));
  return r;
}

Result<Scenario> interpret(const nlohmann::json& doc, const std::string& path) {
  Scenario s;
  s.name = doc.at("name").get<std::string>();
  if (doc.contains("seed")) s.seed = doc["seed"].get<std::uint64_t>();
  s.parties = doc.at("parties").get<int>();
  s.protocol_params = doc.at("protocol");
  s.protocol = s.protocol_params.at("name").get<std::string>();
  s.function = doc.at("function");
  if (doc.contains("compute")) s.compute = doc["compute"];
  if (doc.contains("deadline_s")) s.deadline_s = doc["deadline_s"].get<double>();
  if (doc.contains("adversary")) {
    SMPC_ASSIGN_OR_RETURN(auto adv, parse_adversary(doc["adversary"], s.parties));
    s.adversary = std::move(adv);
  }

  const auto& inputs = doc.at("inputs");
  SMPC_RETURN_IF_ERROR(check_input_count(inputs.size(), s.parties));
  // Values are interpreted by the function (field elements, or Boolean circuit encodings).
  for (const auto& v : inputs) s.inputs.push_back(v.is_array() ? v : nlohmann::json::array({v}));

  // Files the network names (traces) are relative to the scenario file.
  std::string base_dir = ".";
  if (!path.empty() && path[0] != '<') {
    base_dir = std::filesystem::path(path).parent_path().string();
    if (base_dir.empty()) base_dir = ".";
  }
  SMPC_RETURN_IF_ERROR(parse_network(doc, s.parties, s.network, base_dir));
  if (doc.contains("roles")) {
    SMPC_ASSIGN_OR_RETURN(auto roles, parse_roles(doc["roles"], s.parties));
    s.roles = std::move(roles);
  }
  return s;
}

}  // namespace

Status check_roles(int servers, const std::vector<PartyId>& receivers, int parties) {
  if (servers < 1 || servers > parties)
    return Error("/roles/servers: must be between 1 and the party count " +
                 std::to_string(parties) + ", got " + std::to_string(servers));
  for (std::size_t i = 0; i < receivers.size(); ++i)
    if (receivers[i] < 0 || receivers[i] >= parties)
      return Error("/roles/output_receivers/" + std::to_string(i) + ": party " +
                   std::to_string(receivers[i]) + " does not exist (parties are 0.." +
                   std::to_string(parties - 1) + ")");
  return OkStatus();
}

Status check_input_count(std::size_t entries, int parties) {
  if (static_cast<int>(entries) == parties) return OkStatus();
  return Error("/inputs: has " + std::to_string(entries) + " entries but there are " +
               std::to_string(parties) + " parties: give one entry per party (use [] for none)");
}

namespace {

// The validator reads integers as int64_t, so 2^63..2^64-1 would look negative ("seed":
// 18446744073709551615 refused as "must be >= 0"). While validating, such values stand in as
// INT64_MAX, which every bound of the schema (all below 2^63) judges the same way.
class BigUnsignedStandIns {
 public:
  explicit BigUnsignedStandIns(nlohmann::json& doc) { replace(doc); }
  ~BigUnsignedStandIns() {
    for (auto& [node, value] : saved_) *node = value;
  }
  BigUnsignedStandIns(const BigUnsignedStandIns&) = delete;
  BigUnsignedStandIns& operator=(const BigUnsignedStandIns&) = delete;

 private:
  void replace(nlohmann::json& v) {  // depth is bounded by the parser (JsonLimits)
    if (v.is_structured()) {
      for (auto& child : v) replace(child);
    } else if (v.is_number_unsigned() &&
               v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      saved_.emplace_back(&v, v.get<std::uint64_t>());
      v = static_cast<std::int64_t>(INT64_MAX);
    }
  }
  std::vector<std::pair<nlohmann::json*, std::uint64_t>> saved_;
};

}  // namespace

Status check_scenario_schema(nlohmann::json& doc, const std::string& path) {
  valijson::ValidationResults results;
  bool valid = false;
  {
    const BigUnsignedStandIns stand_ins(doc);
    valijson::Validator validator;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    valid = validator.validate(compiled_schema(), adapter, &results);
  }  // the real values are back: the message shows them
  if (!valid) return Error(path + ": " + describe_schema_error(results, doc));
  return OkStatus();
}

Result<Scenario> scenario_from_json(nlohmann::json doc, const std::string& path) {
  const std::string prefix = path + ": ";
  SMPC_RETURN_IF_ERROR(check_scenario_schema(doc, path));
  auto s = interpret(doc, path);
  if (!s.ok()) return s.status().with_prefix(prefix);
  s->path = path;
  s->document = std::move(doc);
  return s;
}

Result<Scenario> parse_scenario(const std::string& text, const std::string& path) {
  SMPC_ASSIGN_OR_RETURN(nlohmann::json doc, parse_json_text(text, path));
  return scenario_from_json(std::move(doc), path);
}

Result<Scenario> load_scenario_file(const std::string& path) {
  // The text is freed before the document is validated and interpreted.
  SMPC_ASSIGN_OR_RETURN(nlohmann::json doc, read_json_file(path));
  return scenario_from_json(std::move(doc), path == "-" ? "<stdin>" : path);
}

}  // namespace smpc
