# Fixed-point arithmetic over Mersenne-61: encoding, programs, plain reference, models.
list(APPEND SMPC_PROTOCOL_SOURCES
  fixedpoint/fixed.cpp
  fixedpoint/models.cpp)
