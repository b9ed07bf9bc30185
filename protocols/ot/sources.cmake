# protocols/ot: Masny–Rindal base OT over ristretto255 and semi-honest IKNP OT extension,
# KOS (IKNP with the malicious-receiver consistency check) and its GF(2^128) arithmetic.
list(APPEND SMPC_PROTOCOL_SOURCES
  ot/base_ot.cpp
  ot/bit_matrix.cpp
  ot/iknp.cpp
  ot/gf128.cpp
  ot/kos.cpp)
