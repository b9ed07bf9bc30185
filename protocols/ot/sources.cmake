# protocols/ot: Masny–Rindal base OT over ristretto255 and semi-honest IKNP OT extension.
list(APPEND SMPC_PROTOCOL_SOURCES
  ot/base_ot.cpp
  ot/bit_matrix.cpp
  ot/iknp.cpp)
