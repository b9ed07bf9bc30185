#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/enum_names.h"
#include "protocols/core/message.h"
#include "protocols/core/outcome.h"
#include "protocols/core/protocol.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/core/run_result.h"

namespace smpc {
namespace {

// The names of the values first..last, then of last+1 (not a value: the unknown name). Reports,
// JSON keys and CLI choices are these strings, so a lost or misspelt table row fails here.
template <typename E>
std::vector<std::string> names(int first, int last, const char* (*name)(E)) {
  std::vector<std::string> out;
  for (int v = first; v <= last + 1; ++v) out.emplace_back(name(static_cast<E>(v)));
  return out;
}

using Names = std::vector<std::string>;

TEST(EnumNames, CoreVocabularyKeepsItsNames) {
  EXPECT_EQ(names<Outcome>(0, 5, outcome_name),
            (Names{"correct", "abort", "wrong_output", "no_output", "disagreement",
                   "correct_with_substitution", "?"}));
  EXPECT_EQ(names<ClaimScope>(0, 3, claim_scope_name),
            (Names{"within", "outside_bound", "outside_model", "outside_timing", "?"}));
  EXPECT_EQ(names<PartyStatus>(0, 2, party_status_name),
            (Names{"output", "abort", "no_output", "?"}));
  EXPECT_EQ(names<CircuitDomain>(0, 2, domain_name), (Names{"boolean", "field61", "ring64", "?"}));
  EXPECT_EQ(names<GateType>(0, 8, gate_name),
            (Names{"XOR", "AND", "INV", "EQ", "EQW", "ADD", "SUB", "MUL", "MUL_CONST", "?"}));
  EXPECT_EQ(names<OutputGuarantee>(0, 4, output_guarantee_name),
            (Names{"correct output", "correct output or abort",
                   "correct output or identified abort", "guaranteed output delivery",
                   "correct output or accountable abort", "?"}));
  // Values start at 1 (0 is not a wire kind); the unknown name here is "unknown".
  EXPECT_EQ(names<ElementKind>(0, 7, element_kind_name),
            (Names{"unknown", "field61", "ring64", "bit", "block128", "point", "byte", "field127",
                   "unknown"}));
  // JSON Schema type names; an unknown type falls back to "string" (the permissive type).
  EXPECT_EQ(names<ParamType>(0, 2, param_type_name),
            (Names{"integer", "number", "string", "string"}));
}

TEST(EnumNames, LookupIsConstexprAndParsesBack) {
  static_assert(std::string_view(outcome_name(Outcome::kNoOutput)) == "no_output");
  static_assert(enum_from_name<ClaimScope>(kClaimScopeNames, "outside_model") ==
                ClaimScope::kOutsideModel);
  static_assert(!enum_from_name<ClaimScope>(kClaimScopeNames, "outside"));
  EXPECT_EQ(enum_from_name<Outcome>(kOutcomeNames, "wrong_output"), Outcome::kWrongOutput);
  EXPECT_FALSE(enum_from_name<Outcome>(kOutcomeNames, "Wrong_Output"));  // exact names only
  // A gap in the numbering (ElementKind starts at 1) neither names nor parses.
  constexpr const char* kGap[] = {nullptr, "one"};
  EXPECT_STREQ(enum_name(kGap, ElementKind{}, "none"), "none");
  EXPECT_FALSE(enum_from_name<ElementKind>(kGap, ""));
}

}  // namespace
}  // namespace smpc
