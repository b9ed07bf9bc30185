#include "scenarios/scenario.h"

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include <fstream>
#include <sstream>

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
    out += "/" + token;
  }
  return out.empty() ? "/" : out;
}

std::string short_value(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// The schema node that describes the value at `pointer` (following properties, items and
// local $refs; nullptr where the schema branches with oneOf).
const nlohmann::json* schema_at(const std::string& pointer) {
  static const nlohmann::json& root = scenario_schema();
  const auto resolve = [](const nlohmann::json* node) {
    while (node && node->contains("$ref")) {
      const auto ref = (*node)["$ref"].get<std::string>();  // "#/definitions/x"
      node = &root.at(nlohmann::json::json_pointer(ref.substr(1)));
    }
    return node;
  };
  const nlohmann::json* node = &root;
  std::size_t pos = 1;
  while (node && pos < pointer.size()) {
    const auto next = pointer.find('/', pos);
    const std::string token = pointer.substr(pos, next == std::string::npos ? next : next - pos);
    pos = next == std::string::npos ? pointer.size() : next + 1;
    node = resolve(node);
    if (node->contains("properties") && (*node)["properties"].contains(token))
      node = &(*node)["properties"][token];
    else if (node->contains("items"))
      node = &(*node)["items"];
    else
      return nullptr;
  }
  node = resolve(node);
  return node && !node->contains("oneOf") ? node : nullptr;
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
    return "/protocol/name: unknown protocol " + nlohmann::json(name).dump() + " (known: " +
           protocol_names() + ")";
  auto params = resolve_params(*spec, given, 0, 0);
  return params.ok() ? "" : params.status().message();
}

// Turns the (often nested) valijson errors into the one message a person needs: the deepest
// location, with the value found there.
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
  std::string message = best.description;
  // valijson's wording is precise but clumsy; say the common cases plainly.
  if (message.find("could not be validated using 'properties'") != std::string::npos ||
      message.find("additionalProperties") != std::string::npos) {
    const auto q1 = message.find('\'', message.find("constraints"));
    const auto q2 = q1 == std::string::npos ? q1 : message.find('\'', q1 + 1);
    if (q1 != std::string::npos && q2 != std::string::npos)
      return (pointer == "/" ? "" : pointer) + "/" + message.substr(q1 + 1, q2 - q1 - 1) +
             ": unknown field";
    return pointer + ": unknown field (" + message + ")";
  }
  if (message.rfind("Missing required property", 0) == 0) {
    const auto q1 = message.find('\'');
    const auto q2 = message.find('\'', q1 + 1);
    return pointer + ": missing required field \"" + message.substr(q1 + 1, q2 - q1 - 1) + "\"";
  }
  const nlohmann::json* sub = schema_at(pointer);
  if (message.find("'type' constraint") != std::string::npos && sub && sub->contains("type")) {
    message = "must be of type " + (*sub)["type"].get<std::string>();
  } else if (message.find("enum values") != std::string::npos && sub && sub->contains("enum")) {
    message = "must be one of";
    for (const auto& option : (*sub)["enum"]) message += " " + option.dump();
  } else {
    static const std::pair<const char*, const char*> kBounds[] = {
        {"Expected number greater than or equal to ", ">= "},
        {"Expected number less than or equal to ", "<= "},
        {"Expected number greater than ", "> "},
        {"Expected number less than ", "< "}};
    for (const auto& [from, to] : kBounds) {
      if (message.rfind(from, 0) != 0) continue;
      std::string number = message.substr(std::string(from).size());
      if (!number.empty() && number.back() == '.') number.pop_back();
      if (number.find('.') != std::string::npos) {
        while (number.back() == '0') number.pop_back();
        if (number.back() == '.') number.pop_back();
      }
      message = std::string("must be ") + to + number;
      break;
    }
  }
  std::string value;
  try {
    const auto& v = doc.at(nlohmann::json::json_pointer(pointer == "/" ? "" : pointer));
    value = ", got " + short_value(v);
  } catch (const nlohmann::json::exception&) {
  }
  return pointer + ": " + message + value;
}

Status error_at(const std::string& pointer, const std::string& problem) {
  return Error(pointer + ": " + problem);
}

Status check_party(const nlohmann::json& v, int parties, const std::string& pointer) {
  const auto p = v.get<long long>();
  if (p < 0 || p >= parties)
    return error_at(pointer, "party " + std::to_string(p) + " does not exist (parties are 0.." +
                                 std::to_string(parties - 1) + ")");
  return OkStatus();
}

Result<Scenario> interpret(const nlohmann::json& doc) {
  Scenario s;
  s.document = doc;
  s.name = doc.at("name").get<std::string>();
  if (doc.contains("seed")) s.seed = doc["seed"].get<std::uint64_t>();
  s.parties = doc.at("parties").get<int>();
  s.protocol_params = doc.at("protocol");
  s.protocol = s.protocol_params.at("name").get<std::string>();
  s.function = doc.at("function");
  if (doc.contains("deadline_s")) s.deadline_s = doc["deadline_s"].get<double>();
  if (doc.contains("adversary")) {
    SMPC_ASSIGN_OR_RETURN(auto adv, parse_adversary(doc["adversary"], s.parties));
    s.adversary = std::move(adv);
  }

  const auto& inputs = doc.at("inputs");
  SMPC_RETURN_IF_ERROR(check_input_count(inputs.size(), s.parties));
  // Values are interpreted by the function (field elements, or Boolean circuit encodings).
  for (const auto& v : inputs) s.inputs.push_back(v.is_array() ? v : nlohmann::json::array({v}));

  if (doc.contains("network")) {
    const auto& net = doc["network"];
    if (net.contains("topology"))
      s.network.topology = net["topology"] == "star" ? Topology::kStar : Topology::kFullMesh;
    if (net.contains("model"))
      s.network.model = net["model"] == "lv08" ? NetworkModel::kLV08 : NetworkModel::kCM02;
    if (net.contains("latency_ms")) s.network.latency_s = net["latency_ms"].get<double>() / 1e3;
    if (net.contains("bandwidth_mbps"))
      s.network.bandwidth_bytes_per_s = net["bandwidth_mbps"].get<double>() * 1e6 / 8;
    if (net.contains("links")) {
      const auto& links = net["links"];
      for (std::size_t i = 0; i < links.size(); ++i) {
        const auto& l = links[i];
        const std::string ptr = "/network/links/" + std::to_string(i);
        SMPC_RETURN_IF_ERROR(check_party(l["from"], s.parties, ptr + "/from"));
        LinkOverride o;
        o.from = l["from"].get<int>();
        if (s.network.topology == Topology::kFullMesh) {
          if (!l.contains("to"))
            return error_at(ptr, "a full_mesh link needs \"to\" (the link from -> to)");
          SMPC_RETURN_IF_ERROR(check_party(l["to"], s.parties, ptr + "/to"));
          o.to = l["to"].get<int>();
          if (o.to == o.from) return error_at(ptr + "/to", "a link needs two different parties");
        } else {
          if (l.contains("to"))
            return error_at(ptr + "/to", "star links belong to one party: use only \"from\"");
          o.to = -1;
        }
        o.latency_s = l.value("latency_ms", s.network.latency_s * 1e3) / 1e3;
        o.bandwidth_bytes_per_s =
            l.contains("bandwidth_mbps") ? l["bandwidth_mbps"].get<double>() * 1e6 / 8
                                         : s.network.bandwidth_bytes_per_s;
        s.network.overrides.push_back(o);
      }
    }
  }
  return s;
}

}  // namespace

Status check_input_count(std::size_t entries, int parties) {
  if (static_cast<int>(entries) == parties) return OkStatus();
  return Error("/inputs: has " + std::to_string(entries) + " entries but there are " +
               std::to_string(parties) + " parties: give one entry per party (use [] for none)");
}

Result<Scenario> parse_scenario(const std::string& text, const std::string& path) {
  const std::string prefix = path + ": ";
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // Report line and column rather than nlohmann's byte offset.
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    std::string what = e.what();
    if (auto pos = what.find("parse error"); pos != std::string::npos) what = what.substr(pos);
    return Error(path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                 ": JSON syntax error: " + what);
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  if (!validator.validate(compiled_schema(), adapter, &results))
    return Error(prefix + describe_schema_error(results, doc));
  auto s = interpret(doc);
  if (!s.ok()) return s.status().with_prefix(prefix);
  s->path = path;
  return s;
}

Result<Scenario> load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(path + ": cannot open the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Error(path + ": cannot read the file");
  return parse_scenario(ss.str(), path);
}

}  // namespace smpc
