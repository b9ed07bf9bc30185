#include "scenarios/set_function.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "protocols/core/json_text.h"
#include "protocols/crypto/hash.h"
#include "protocols/psi/ideal.h"

namespace smpc {
namespace {

struct Element {
  std::uint64_t value = 0;
  nlohmann::json shown;  // as the user wrote it, for reports
};

Result<Element> integer_element(const std::string& text, const std::string& where) {
  std::uint64_t v = 0;
  const bool digits = !text.empty() && text.size() <= 20 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  bool fits = digits;
  for (char ch : text) {
    if (!fits) break;
    const std::uint64_t d = static_cast<std::uint64_t>(ch - '0');
    fits = v <= (UINT64_MAX - d) / 10;
    v = v * 10 + d;
  }
  if (!fits)
    return Error(where + ": not an unsigned 64-bit decimal integer, got \"" +
                 text.substr(0, 40) + "\"");
  return Element{v, v};
}

Result<Element> json_element(const nlohmann::json& v, bool strings, const std::string& ptr) {
  if (strings) {
    if (!v.is_string() || v.get<std::string>().empty())
      return Error(ptr + ": expected a non-empty string (function elements: strings), got " +
                   short_json(v));
    return Element{set_string_value(v.get<std::string>()), v};
  }
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    return Error(ptr + ": expected an unsigned 64-bit integer (function elements: integers), got " +
                 short_json(v));
  return Element{v.get<std::uint64_t>(), v};
}

constexpr std::uintmax_t kMaxSetFileBytes = std::uintmax_t{16} << 20;

Result<std::vector<Element>> file_elements(const nlohmann::json& file, bool strings,
                                           const std::string& ptr, const std::string& base_dir) {
  if (!file.is_string() || file.get<std::string>().empty())
    return Error(ptr + ": \"file\" must be a path, got " + short_json(file));
  std::filesystem::path path = file.get<std::string>();
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  // A regular file of bounded size, read to at most kMaxIdealPairs elements (no set of more can
  // be judged): /dev/zero or a FIFO would otherwise grow a line without end or block.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    return Error(ptr + ": " + path.string() + " is not a regular file");
  if (const auto bytes = std::filesystem::file_size(path, ec); !ec && bytes > kMaxSetFileBytes)
    return Error(ptr + ": " + path.string() + " is larger than " + std::to_string(kMaxSetFileBytes >> 20) +
                 " MiB (a set has at most " + std::to_string(kMaxIdealPairs) + " elements)");
  std::ifstream in(path);
  if (!in) return Error(ptr + ": cannot read " + path.string());
  std::vector<Element> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (out.size() == kMaxIdealPairs)
      return Error(ptr + ": " + path.string() + " has more than " + std::to_string(kMaxIdealPairs) +
                   " elements (scenarios judge sets with m·k <= " + std::to_string(kMaxIdealPairs) + ")");
    const std::string where = path.string() + ":" + std::to_string(n);
    if (strings) {
      out.push_back({set_string_value(line), line});
    } else {
      SMPC_ASSIGN_OR_RETURN(auto e, integer_element(line, where));
      out.push_back(std::move(e));
    }
  }
  return out;
}

// One party's set: its elements in the given order, none twice, at least one.
Result<std::vector<Element>> party_set(const nlohmann::json& in, bool strings, std::size_t p,
                                       const std::string& base_dir) {
  const std::string ptr = "/inputs/" + std::to_string(p);
  std::vector<Element> set;
  if (in.size() == 1 && in[0].is_object()) {
    for (const auto& [key, v] : in[0].items())
      if (key != "file") return Error(ptr + "/" + key + ": a set input takes only \"file\"");
    SMPC_ASSIGN_OR_RETURN(set, file_elements(in[0].value("file", nlohmann::json()), strings,
                                             ptr + "/file", base_dir));
  } else {
    for (std::size_t i = 0; i < in.size(); ++i) {
      SMPC_ASSIGN_OR_RETURN(auto e, json_element(in[i], strings, ptr + "/" + std::to_string(i)));
      set.push_back(std::move(e));
    }
  }
  if (set.empty()) return Error(ptr + ": a set needs at least one element");
  std::set<std::uint64_t> seen;
  for (const auto& e : set)
    if (!seen.insert(e.value).second)
      return Error(ptr + ": element " + short_json(e.shown) + " appears twice (a set holds each "
                   "element once" + (strings ? ", or two strings hash alike" : "") + ")");
  return set;
}

Result<PsiOutput> output_mode(const nlohmann::json& spec) {
  const std::string mode = spec.value("output", std::string("receiver"));
  for (PsiOutput o : {PsiOutput::kReceiver, PsiOutput::kBoth, PsiOutput::kCardinality})
    if (mode == psi_output_name(o)) return o;
  return Error("/function/output: must be receiver, both or cardinality, got \"" + mode + "\"");
}

}  // namespace

std::uint64_t set_string_value(const std::string& element) {
  std::array<std::uint8_t, 16> h;
  Blake2b(kSetElementDomain, h.size())
      .add(ByteSpan(reinterpret_cast<const std::uint8_t*>(element.data()), element.size()))
      .finish(h);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | h[static_cast<std::size_t>(i)];
  return v;
}

Result<Function> build_set_intersection(const nlohmann::json& spec,
                                        const std::vector<nlohmann::json>& in,
                                        const std::string& base_dir) {
  if (in.size() != 2) return Error("/parties: set_intersection has exactly 2 parties");
  SMPC_ASSIGN_OR_RETURN(const PsiOutput output, output_mode(spec));
  const std::string elements = spec.value("elements", std::string("integers"));
  if (elements != "integers" && elements != "strings")
    return Error("/function/elements: must be integers or strings, got \"" + elements + "\"");
  Function f;
  for (std::size_t p = 0; p < 2; ++p) {
    SMPC_ASSIGN_OR_RETURN(auto set, party_set(in[p], elements == "strings", p, base_dir));
    std::vector<std::uint64_t> values;
    f.set_elements.emplace_back();
    for (auto& e : set) {
      values.push_back(e.value);
      f.set_elements.back().push_back(std::move(e.shown));
    }
    f.party_inputs.push_back(PartyInput{psi_element_bits(values)});
  }
  const PsiShape shape{f.set_elements[0].size(), f.set_elements[1].size(), output};
  if (shape.m * shape.k > kMaxIdealPairs)
    return Error("/inputs: sets of " + std::to_string(shape.m) + " and " +
                 std::to_string(shape.k) + " elements need an ideal circuit of ~" +
                 std::to_string(193 * shape.m * shape.k) + " gates to judge the run; scenarios "
                 "allow m·k <= " + std::to_string(kMaxIdealPairs) +
                 " (bench/psi_bench.cpp runs 2^16 x 2^16 without a verdict)");
  f.circuit = psi_circuit(shape);
  for (const auto& g : f.circuit.outputs) f.output_names.push_back(g.name);
  return f;
}

}  // namespace smpc
