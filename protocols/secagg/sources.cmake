# protocols/secagg: secure aggregation with dropouts (Bonawitz et al., semi-honest).
list(APPEND SMPC_PROTOCOL_SOURCES
  secagg/graph.cpp
  secagg/ideal.cpp
  secagg/keys.cpp
  secagg/secagg.cpp
  secagg/secagg_client.cpp
  secagg/secagg_server.cpp)
