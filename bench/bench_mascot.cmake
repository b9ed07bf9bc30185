# MASCOT preprocessing (protocols/spdz/mascot.h): triples per second for n = 2, 3 over
# LocalNetwork (all parties in threads on this machine). Run: build/release/bench/mascot_bench
add_executable(mascot_bench ${CMAKE_CURRENT_LIST_DIR}/mascot_bench.cpp)
target_link_libraries(mascot_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(mascot_bench)
