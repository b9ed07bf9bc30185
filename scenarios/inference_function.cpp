#include "scenarios/inference_function.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "protocols/core/json_text.h"
#include "protocols/bgw/extract.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/fixedpoint/models.h"
#include "protocols/spdz/extract.h"

namespace smpc {
namespace {

constexpr PartyId kModelOwner = 0, kDataOwner = 1;

Result<fx::Model> load_model(const nlohmann::json& spec, const std::string& base_dir) {
  if (!spec.contains("model")) return Error("/function/model: missing (a model file or inline weights)");
  const auto& m = spec["model"];
  if (m.is_object()) return fx::parse_model(m, "/function/model");
  if (!m.is_string()) return Error("/function/model: must be a file name or an object, got " + short_json(m));
  std::filesystem::path path(m.get<std::string>());
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  std::ifstream file(path);
  if (!file) return Error("/function/model: cannot read " + path.string());
  const auto j = nlohmann::json::parse(file, nullptr, false);
  if (j.is_discarded()) return Error(path.string() + ": not valid JSON");
  auto model = fx::parse_model(j, "");
  if (!model.ok()) return Error(path.string() + ": " + model.status().message());
  return model;
}

Result<fx::Params> params_of(const nlohmann::json& spec) {
  fx::Params p;
  if (spec.contains("f")) {
    if (!spec["f"].is_number_integer()) return Error("/function/f: must be an integer, got " + short_json(spec["f"]));
    const auto f = spec["f"].get<std::int64_t>();  // get<int> would wrap 2^32 + 12 to 12
    if (f != static_cast<int>(f)) return Error("/function/f: out of range, got " + short_json(spec["f"]));
    p.f = static_cast<int>(f);  // fx::validate below bounds it
  }
  if (auto st = fx::validate(p); !st.ok()) return Error("/function/f: " + st.message());
  return p;
}

Result<std::vector<std::int64_t>> encode_all(const std::vector<double>& v, const fx::Params& p,
                                             const std::string& ptr) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto e = fx::encode(v[i], p);
    if (!e.ok()) return Error(ptr + "/" + std::to_string(i) + ": " + e.status().message());
    out.push_back(*e);
  }
  return out;
}

Result<std::vector<double>> features_of(const nlohmann::json& in, std::size_t d) {
  const std::string ptr = "/inputs/" + std::to_string(kDataOwner);
  if (!in.is_array() || in.size() != d)
    return Error(ptr + ": the data owner gives the model's " + std::to_string(d) + " features");
  std::vector<double> x;
  for (std::size_t i = 0; i < d; ++i) {
    const auto& v = in[i];
    char* end = nullptr;
    const std::string s = v.is_string() ? v.get<std::string>() : "";
    const double d_val = v.is_number() ? v.get<double>() : std::strtod(s.c_str(), &end);
    if (!v.is_number() && (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d_val)))
      return Error(ptr + "/" + std::to_string(i) + ": a feature is a number or a decimal string, got " + short_json(v));
    x.push_back(d_val);
  }
  return x;
}

// The program's inputs as signed integers: the model's, then the features.
Result<std::vector<std::int64_t>> program_inputs(const RunResult& run, PartyId p,
                                                 const std::vector<PartyId>& corrupted,
                                                 const Circuit& c, const Extractor& extractor,
                                                 std::vector<std::int64_t> truth) {
  std::vector<PartyId> extract;
  for (PartyId owner : {kModelOwner, kDataOwner})
    if (is_party_in(corrupted, owner)) extract.push_back(owner);
  if (extract.empty()) return truth;
  ExtractionQuery q{&c, &run, corrupted, extract};
  (void)p;
  SMPC_ASSIGN_OR_RETURN(auto got, extractor(q));
  const std::size_t model_count = c.input_wires_of(kModelOwner).size();
  for (const auto& e : got) {
    if (!e.values) return Error("party " + std::to_string(e.party) + "'s input: " + e.note);
    const std::size_t at = e.party == kModelOwner ? 0 : model_count;
    for (std::size_t i = 0; i < e.values->size(); ++i)
      truth[at + i] = fx::from_field(Fp61::from_u64((*e.values)[i]));
  }
  return truth;
}

// An input the run took (extracted from a corrupted owner) outside the fixed-point range: the
// MPC uses it unchecked (no range proof), and the program's result for it is no fixed-point
// value, so no valid model and features give the score. Empty when every input is in range.
std::string out_of_range_input(const std::vector<std::int64_t>& inputs, const std::vector<std::int64_t>& truth,
                               const fx::Params& params) {
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i] != truth[i] && !fx::in_range(inputs[i], params))
      return "a corrupted owner's input " + std::to_string(i) + " (model first, then features) is " +
             std::to_string(inputs[i]) + " in fixed point, outside |v| < 2^" + std::to_string(params.k() - 1) +
             ": the MPC uses it unchecked (no range proof), so the score is no fixed-point inference of any "
             "valid model and features";
  return "";
}

OutputCheck inference_check(fx::Program prog, Circuit carrier, Extractor extractor,
                            std::vector<std::int64_t> truth) {
  return [prog = std::move(prog), carrier = std::move(carrier), extractor = std::move(extractor),
          truth = std::move(truth)](
             const RunResult& run, PartyId p, const std::vector<PartyId>& corrupted) -> std::string {
    const auto& out = run.parties[static_cast<std::size_t>(p)].outputs;
    if (out.size() != (p == kDataOwner ? 1u : 0u))
      return "party " + std::to_string(p) + " output " + std::to_string(out.size()) + " values";
    if (p != kDataOwner) return "";
    const auto inputs = program_inputs(run, p, corrupted, carrier, extractor, truth);
    if (!inputs.ok()) return "could not check the score: " + inputs.status().message();
    if (auto bad = out_of_range_input(*inputs, truth, prog.params); !bad.empty()) return bad;
    const auto opened = input_phase_record(run, p, fx::kOpenedTruncRecord, 0, fx::needs_of(prog).truncs,
                                           Fp61::kModulus);
    if (!opened.ok()) return "could not check the score: " + opened.status().message();
    const auto want = fx::evaluate_opened(prog, *inputs, *opened);
    if (!want.ok()) return "could not check the score: the reference failed: " + want.status().message();
    if (fx::from_field(Fp61::from_u64(out[0])) == (*want)[0]) return "";
    return "score " + std::to_string(fx::from_field(Fp61::from_u64(out[0]))) +
           " (fixed point) differs from the reference " + std::to_string((*want)[0]) +
           " replayed from the opened truncation values";
  };
}

}  // namespace

Result<Function> build_inference(const nlohmann::json& spec, const std::vector<nlohmann::json>& in,
                                 int parties, const std::string& base_dir,
                                 const std::string& protocol) {
  if (parties < 2) return Error("/parties: inference needs a model owner (party 0) and a data owner (party 1)");
  SMPC_ASSIGN_OR_RETURN(const fx::Model model, load_model(spec, base_dir));
  const bool want_mlp = spec.at("name").get<std::string>() == "mlp";
  if (model.is_mlp() != want_mlp)
    return Error(std::string("/function/model: the model's type must be \"") +
                 (want_mlp ? "mlp" : "logistic_regression") + "\"");
  SMPC_ASSIGN_OR_RETURN(const fx::Params params, params_of(spec));
  for (std::size_t p = 0; p < in.size(); ++p)
    if (p != static_cast<std::size_t>(kDataOwner) && !(in[p].is_array() && in[p].empty()))
      return Error("/inputs/" + std::to_string(p) + ": only the data owner (party 1) gives values; the model comes from /function/model");
  SMPC_ASSIGN_OR_RETURN(const auto x, features_of(in.size() > 1 ? in[1] : nlohmann::json(), model.features()));
  SMPC_ASSIGN_OR_RETURN(auto w_fixed, encode_all(fx::model_inputs(model), params, "/function/model"));
  SMPC_ASSIGN_OR_RETURN(auto x_fixed, encode_all(x, params, "/inputs/1"));
  const fx::Program prog = fx::inference_program(model, params);
  std::vector<std::int64_t> all = w_fixed;
  all.insert(all.end(), x_fixed.begin(), x_fixed.end());
  // Every rounding, not the all-down one only: a run whose TruncPrs round up must not leave the
  // range either, or the verdict's replay would fail on an honest run.
  const auto range = fx::check_every_rounding(prog, all);
  if (!range.ok()) return Error("/inputs/1: the inference leaves the fixed-point range: " + range.status().message());
  InputGroup mg{"model", kModelOwner, {}}, xg{"features", kDataOwner, {}};
  for (std::uint32_t i = 0; i < w_fixed.size(); ++i) mg.wires.push_back(i);
  for (std::uint32_t i = 0; i < x_fixed.size(); ++i) xg.wires.push_back(static_cast<std::uint32_t>(w_fixed.size()) + i);
  Function f;
  f.circuit = fx::carrier_circuit(prog, {mg, xg}, {OutputGroup{"score", {kDataOwner}, {0}}});
  f.party_inputs.resize(static_cast<std::size_t>(parties));
  for (auto v : w_fixed) f.party_inputs[kModelOwner].values.push_back(fx::to_field(v).value());
  for (auto v : x_fixed) f.party_inputs[kDataOwner].values.push_back(fx::to_field(v).value());
  f.output_names = {"score"};
  f.fixed_point_bits = params.f;
  f.output_check = inference_check(prog, f.circuit,
                                   protocol == "bgw" ? shamir_extractor() : spdz_extractor(), all);
  f.output_check_doc = std::string("the fixed-point score replayed from the run's opened truncation values "
                                   "(bit-exact reference, protocols/fixedpoint/fixed.h); the honest inputs stay in range ") +
                       (*range ? "for every rounding of the truncations"
                               : "when every truncation rounds down and when every one rounds up (over " +
                                     std::to_string(fx::kMaxRoundingsChecked) + " truncations: not every mix was tried)");
  return f;
}

nlohmann::ordered_json describe_inference_outputs(const Function& f, PartyId /*party*/,
                                                  const std::vector<std::uint64_t>& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (values.empty()) return out;
  const std::int64_t v = fx::from_field(Fp61::from_u64(values[0]));
  out["score"] = fx::decode(v, {f.fixed_point_bits.value_or(12)});
  out["score_fixed"] = v;
  return out;
}

}  // namespace smpc
