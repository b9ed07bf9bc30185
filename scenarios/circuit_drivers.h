// Drivers of `smpc circuit info|eval|dot|export`: load a Bristol circuit and inspect, evaluate,
// draw or re-export it with the circuit library. In scenarios/ because the CLI may not include
// the circuit library (docs/architecture.md); the CLI writes `out` to stdout or to -o FILE.
#pragma once

#include <string>
#include <vector>

#include "scenarios/driver_output.h"

namespace smpc {

struct CircuitRequest {
  std::string file;
  std::string format = "fashion";      // fashion or legacy
  bool json = false;                   // info only
  std::string encoding = "int_lsb0";   // eval only: how --input and output values are written
  std::vector<std::string> inputs;     // eval only: one value per circuit input, in order
};

// Gate counts by type, AND depth, input and output widths (text, or JSON with `json`).
DriverOutput run_circuit_info(const CircuitRequest& request);
// Plain evaluation: one output value per line.
DriverOutput run_circuit_eval(const CircuitRequest& request);
// The Graphviz DOT text of the circuit.
DriverOutput run_circuit_dot(const CircuitRequest& request);
// The circuit as Bristol Fashion text.
DriverOutput run_circuit_export(const CircuitRequest& request);

}  // namespace smpc
