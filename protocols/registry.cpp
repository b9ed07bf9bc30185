#include "protocols/registry.h"

#include <cstdio>
#include <cstdlib>

#include "protocols/bgw/spec.h"
#include "protocols/frost/spec.h"
#include "protocols/gmw/spec.h"
#include "protocols/psi/spec.h"
#include "protocols/rep3/spec.h"
#include "protocols/secagg/spec.h"
#include "protocols/spdz/spec.h"
#include "protocols/sum/spec.h"
#include "protocols/vote/spec.h"
#include "protocols/yao/spec.h"

namespace smpc {
namespace {

// Function-local so a ProtocolRegistration in another translation unit, constructed during
// static initialisation in any order, finds the list already holding the built-ins.
std::vector<const ProtocolSpec*>& registry() {
  static std::vector<const ProtocolSpec*> specs = {
      &secure_sum_spec(),
      &bgw_spec(),
      &bgw_robust_spec(),
      &spdz_spec(),
      &yao_spec(),
      &gmw_spec(),
      &gmw_dealer_spec(),
      &rep3_spec(),
      &rep3_malicious_spec(),
      &psi_dh_spec(),
      &secagg_spec(),
      &secagg_plus_spec(),
      &frost_spec(),
      &vote_spec(),
  };
  return specs;
}

}  // namespace

const std::vector<const ProtocolSpec*>& protocol_registry() { return registry(); }

const ProtocolSpec* find_protocol(std::string_view name) {
  for (const auto* s : registry())
    if (s->name == name) return s;
  return nullptr;
}

std::string protocol_names() {
  std::string out;
  for (const auto* s : registry()) out += (out.empty() ? "" : ", ") + s->name;
  return out;
}

ProtocolRegistration::ProtocolRegistration(const ProtocolSpec* spec) {
  if (find_protocol(spec->name)) {
    // Before main(): no Status to return; two protocols answering to one name is a build error.
    std::fprintf(stderr, "protocol registry: \"%s\" registered twice\n", spec->name.c_str());
    std::abort();
  }
  registry().push_back(spec);
}

}  // namespace smpc
