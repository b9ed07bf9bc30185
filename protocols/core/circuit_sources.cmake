# smpc::circuits — the circuit library (issue 3): Bristol I/O, value encodings, builder,
# Boost.Graph analysis, extra evaluators. The Circuit type itself (circuit.h) is core
# vocabulary. Included by protocols/core/CMakeLists.txt; fuzz/CMakeLists.txt lists the same
# files for its instrumented copy.
set(SMPC_CIRCUIT_SOURCES
  bristol.cpp
  circuit_analysis.cpp
  circuit_builder.cpp
  circuit_encoding.cpp
  circuit_eval.cpp
)
# Boost.Graph is header-only for what we use (adjacency_list, topological_sort, write_graphviz);
# PUBLIC because circuit_analysis.h exposes a Boost graph type.
smpc_library(circuits SOURCES ${SMPC_CIRCUIT_SOURCES} PUBLIC_DEPS smpc::core Boost::boost)
