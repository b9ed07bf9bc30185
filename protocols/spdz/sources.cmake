# SPDZ online phase with trusted-dealer preprocessing.
list(APPEND SMPC_PROTOCOL_SOURCES
  spdz/spdz_dealer.cpp
  spdz/mascot.cpp
  spdz/spdz.cpp
  spdz/cost.cpp
  spdz/extract.cpp)
