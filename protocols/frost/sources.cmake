# protocols/frost: FROST(ristretto255, SHA-512) threshold Schnorr signatures (RFC 9591).
list(APPEND SMPC_PROTOCOL_SOURCES
  frost/frost.cpp
  frost/sign_protocol.cpp
  frost/dkg.cpp
  frost/ideal.cpp
  frost/scenario_protocol.cpp
  frost/spec.cpp)
