// libFuzzer target: the scenario loader (JSON limits, schema, meaning) and the whole resolve
// stage (protocol and parameters, function and circuit, inputs, adversary script, ideal
// outputs) on arbitrary bytes — everything `smpc run` does before anything runs. Any crash,
// sanitizer report, hang or broken invariant (__builtin_trap) is a bug:
//   - a refused input gives one line that starts with "fuzz.json" (file, then line:col or a
//     JSON pointer) and quotes no value at length;
//   - an accepted scenario resolves to a plan whose parts agree: one input entry and one
//     expected output list per party, corrupted parties that exist.
// Circuit files named by a scenario are read relative to the working directory: run it from
// an empty directory (scripts/fuzz.sh does).
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenarios/pipeline.h"
#include "scenarios/scenario.h"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// One line, located, short: the promise of docs/scenarios.md for every refusal.
void check_refusal(const std::string& message) {
  check(message.rfind("fuzz.json", 0) == 0);
  check(message.find('\n') == std::string::npos);
  // Values are quoted in at most 80 characters and pointers abbreviated; the longest fixed
  // wording (a list of every protocol or strategy) stays well below this.
  check(message.size() <= 2000);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto scenario = smpc::parse_scenario(text, "fuzz.json");
  if (!scenario.ok()) {
    check_refusal(scenario.status().message());
    return 0;
  }
  smpc::RunOptions options;
  options.backend = smpc::Backend::kLocal;
  auto plan = smpc::resolve(*scenario, options);
  if (!plan.ok()) {
    check_refusal(plan.status().message());
    return 0;
  }
  const auto parties = static_cast<std::size_t>(plan->parties);
  check(plan->spec != nullptr && plan->protocol != nullptr);
  check(plan->inputs.size() == parties && plan->expected.size() == parties);
  check(plan->seed == scenario->seed);
  for (auto p : plan->corrupted()) check(p >= 0 && static_cast<std::size_t>(p) < parties);
  return 0;
}
