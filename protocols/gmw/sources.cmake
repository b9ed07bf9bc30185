# protocols/gmw: GMW for n parties (XOR sharing, Beaver bit triples from IKNP OT or a dealer).
list(APPEND SMPC_PROTOCOL_SOURCES
  gmw/bit_triples.cpp
  gmw/gmw.cpp)
