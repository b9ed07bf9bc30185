// The one explicit list of protocols. Adding a protocol = one entry here.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

struct ProtocolEntry {
  std::string name;
  std::string summary;          // one line for `smpc list protocols`
  std::string parameters;       // human description of the accepted parameters
  std::vector<std::string> parameter_names;  // keys accepted in the "protocol" object
  CircuitDomain domain;         // the circuits it evaluates
  int min_parties;
  // A representative scenario (JSON, without "adversary") that `smpc audit` attacks.
  std::string audit_scenario;
  // Builds the protocol from the scenario's "protocol" object (params, at JSON pointer
  // /protocol) for a validated circuit and party count. Errors start with the JSON pointer of
  // the offending value: "/protocol/threshold: ...".
  std::function<Result<std::unique_ptr<Protocol>>(const nlohmann::json& params,
                                                  const Circuit& circuit, int parties)>
      make;
};

const std::vector<ProtocolEntry>& protocol_registry();
const ProtocolEntry* find_protocol(std::string_view name);

}  // namespace smpc
