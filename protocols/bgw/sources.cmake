# Robust (malicious, t < n/3) BGW and its building blocks. bgw/shamir.cpp and
# bgw/bgw_semi_honest.cpp are listed in protocols/CMakeLists.txt.
list(APPEND SMPC_PROTOCOL_SOURCES
  bgw/reed_solomon.cpp
  bgw/lockstep.cpp
  bgw/phase_king.cpp
  bgw/bivariate_vss.cpp
  bgw/bgw_robust.cpp
  bgw/extract.cpp
  bgw/cost.cpp
  bgw/reshare_plan.cpp)
