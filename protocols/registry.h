// The one explicit list of protocols: each protocol folder exports a ProtocolSpec
// (protocols/<name>/spec.h) and registry.cpp lists it in one line. A protocol outside
// protocols/ (a test's toy) registers itself with one ProtocolRegistration in a linked
// translation unit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/protocol_spec.h"

namespace smpc {

// The built-in specs in registry order, then the registered ones in link order.
const std::vector<const ProtocolSpec*>& protocol_registry();
const ProtocolSpec* find_protocol(std::string_view name);
// "secure_sum, bgw, ...": for error messages naming the choices.
std::string protocol_names();

// `static const ProtocolRegistration kToy(&toy_spec());` at namespace scope appends a spec
// before main() runs. Names must be unique (a duplicate aborts at start-up).
struct ProtocolRegistration {
  explicit ProtocolRegistration(const ProtocolSpec* spec);
};

}  // namespace smpc
