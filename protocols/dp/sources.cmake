# Differential privacy on SPDZ outputs: binomial noise from the parties' own coins (binomial.h).
list(APPEND SMPC_PROTOCOL_SOURCES
  dp/binomial.cpp)
