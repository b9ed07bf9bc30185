# protocols/vote: voting with a publicly auditable tally (Pedersen VSS by voter clients, robust
# BGW-style checks among the servers, a bulletin board transcript).
list(APPEND SMPC_PROTOCOL_SOURCES
  vote/vote.cpp
  vote/ballot.cpp)
list(APPEND SMPC_PROTOCOL_SOURCES
  vote/ideal.cpp
  vote/scenario_protocol.cpp
  vote/spec.cpp)
