# protocols/yao: half-gates garbling and Yao's semi-honest two-party protocol.
list(APPEND SMPC_PROTOCOL_SOURCES
  yao/half_gates.cpp
  yao/yao.cpp
  yao/extract.cpp)
