# The circuit library (issue 3): Bristol I/O, value encodings, builder, Boost.Graph analysis,
# extra evaluators. Included by protocols/core/CMakeLists.txt.
set(SMPC_CIRCUIT_SOURCES
  bristol.cpp
  circuit_analysis.cpp
  circuit_builder.cpp
  circuit_encoding.cpp
  circuit_eval.cpp
)
# Boost.Graph is header-only for what we use (adjacency_list, topological_sort, write_graphviz).
set(SMPC_CIRCUIT_DEPS Boost::boost)
