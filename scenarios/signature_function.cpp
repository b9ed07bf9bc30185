#include "scenarios/signature_function.h"

#include "protocols/core/json_text.h"
#include "protocols/frost/frost.h"
#include "protocols/frost/ideal.h"
#include "protocols/frost/scenario_protocol.h"

namespace smpc {
namespace {

Status bad(const std::string& ptr, const std::string& problem, const nlohmann::json& got) {
  return Error(ptr + ": " + problem + ", got " + short_json(got));
}

Result<std::vector<std::uint64_t>> signers_of(const nlohmann::json& spec, std::size_t n) {
  std::vector<std::uint64_t> ids;
  if (!spec.contains("signers")) {
    for (std::uint64_t i = 1; i <= n; ++i) ids.push_back(i);
    return ids;
  }
  const auto& s = spec["signers"];
  if (!s.is_array() || s.empty()) return bad("/function/signers", "a non-empty list of participants", s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::string ptr = "/function/signers/" + std::to_string(i);
    if (!s[i].is_number_integer() || s[i].get<std::int64_t>() < 1 ||
        s[i].get<std::uint64_t>() > n)
      return bad(ptr, "must be a participant, 1 .. " + std::to_string(n) +
                          " (party 0 coordinates)", s[i]);
    ids.push_back(s[i].get<std::uint64_t>());
  }
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
    return bad("/function/signers", "names a participant twice", s);
  return ids;
}

Result<std::vector<Bytes>> messages_of(const nlohmann::json& spec) {
  const auto m = spec.value("messages", nlohmann::json());
  if (!m.is_array() || m.empty()) return bad("/function/messages", "a non-empty list of strings", m);
  std::vector<Bytes> out;
  std::size_t total = 0;
  for (std::size_t j = 0; j < m.size(); ++j) {
    if (!m[j].is_string())
      return bad("/function/messages/" + std::to_string(j), "must be a string", m[j]);
    const auto text = m[j].get<std::string>();
    if ((total += text.size()) > frost::kMaxMessageBytes)
      return Error("/function/messages: more than " + std::to_string(frost::kMaxMessageBytes) +
                   " bytes of messages in all");
    out.emplace_back(text.begin(), text.end());
  }
  return out;
}

// The predicate of the header: party p's key agrees with every honest party's, and the
// coordinator's signatures verify under it.
OutputCheck signature_check(std::vector<Bytes> messages) {
  return [messages = std::move(messages)](const RunResult& run, PartyId p,
                                          const std::vector<PartyId>& corrupted) -> std::string {
    const auto& out = run.parties[static_cast<std::size_t>(p)].outputs;
    const std::size_t want = frost::kKeyWords + (p == 0 ? frost::kSignatureWords * messages.size() : 0);
    if (out.size() != want)
      return std::to_string(out.size()) + " output words, expected " + std::to_string(want);
    const PointBytes key = frost::key_of_words(out.data());
    const auto pk = RistrettoPoint::decode(key);
    if (!pk) return "the group key is not a valid ristretto255 encoding";
    for (const auto& q : run.parties) {
      if (q.status != PartyStatus::kOutput || is_party_in(corrupted, q.party) ||
          q.outputs.size() < frost::kKeyWords)
        continue;
      if (frost::key_of_words(q.outputs.data()) != key)
        return "its group key differs from honest party " + std::to_string(q.party) + "'s";
    }
    for (std::size_t j = 0; p == 0 && j < messages.size(); ++j) {
      frost::Signature sig;
      for (std::size_t w = 0; w < frost::kSignatureWords; ++w)
        for (std::size_t b = 0; b < 8; ++b)
          sig[8 * w + b] = static_cast<std::uint8_t>(
              out[frost::kKeyWords + frost::kSignatureWords * j + w] >> (8 * b));
      if (!frost::verify_signature(*pk, messages[j], sig))
        return "signature " + std::to_string(j) + " does not verify under the group key";
    }
    return "";
  };
}

std::string hex_of_words(const std::uint64_t* words, std::size_t count) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  for (std::size_t w = 0; w < count; ++w)
    for (std::size_t b = 0; b < 8; ++b) {
      const auto byte = static_cast<std::uint8_t>(words[w] >> (8 * b));
      s += kDigits[byte >> 4];
      s += kDigits[byte & 15];
    }
  return s;
}

}  // namespace

Result<Function> build_threshold_signature(const nlohmann::json& spec,
                                           const std::vector<nlohmann::json>& in) {
  if (in.size() < 2)
    return Error("/parties: threshold_signature needs the coordinator and a participant");
  for (std::size_t p = 0; p < in.size(); ++p)
    if (!in[p].is_array() || !in[p].empty())
      return bad("/inputs/" + std::to_string(p),
                 "threshold_signature takes no inputs (the key comes from the DKG)", in[p]);
  frost::SigningShape shape;
  SMPC_ASSIGN_OR_RETURN(shape.signers, signers_of(spec, in.size() - 1));
  SMPC_ASSIGN_OR_RETURN(shape.messages, messages_of(spec));
  Function f;
  f.party_inputs.resize(in.size());
  f.circuit = frost::signing_circuit(shape);
  for (const auto& g : f.circuit.outputs) f.output_names.push_back(g.name);
  f.output_check = signature_check(shape.messages);
  f.output_check_doc = "every honest party's group_public_key equal, and each signature_j "
                       "verifying as plain Schnorr under it over message j";
  return f;
}

nlohmann::ordered_json describe_signature_outputs(const Function& f, PartyId party,
                                                  const std::vector<std::uint64_t>& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  std::size_t k = 0;
  for (const auto& g : f.circuit.outputs) {
    if (!g.delivered_to(party)) continue;
    if (k + g.wires.size() > values.size()) break;
    out[g.name] = hex_of_words(values.data() + k, g.wires.size());
    k += g.wires.size();
  }
  return out;
}

}  // namespace smpc
