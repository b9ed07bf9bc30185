# secagg: the per-client work (key agreement, PRG masks, a client's round 2) in
# bench/secagg_bench.cpp; whole runs at scale in bench/secagg_scale.sh. Run: build/release/bench/secagg_bench
add_executable(secagg_bench ${CMAKE_CURRENT_LIST_DIR}/secagg_bench.cpp)
target_link_libraries(secagg_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(secagg_bench)
