# protocols/rep3: replicated secret sharing for three parties (Araki et al.).
list(APPEND SMPC_PROTOCOL_SOURCES
  rep3/rep3.cpp
  rep3/rep3_malicious.cpp
  rep3/extract.cpp)
