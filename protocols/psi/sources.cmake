# protocols/psi: private set intersection from commutative Diffie-Hellman over ristretto255.
list(APPEND SMPC_PROTOCOL_SOURCES
  psi/ideal.cpp
  psi/psi.cpp)
