# GMW benchmarks: OT-based bit-triple generation for n parties, AES-128 under gmw and
# gmw_dealer over LocalNetwork, and the 3-party AES-128 over 100 ms round-trip links on
# SimNetwork. Run: build/release/bench/gmw_bench
add_executable(gmw_bench ${CMAKE_CURRENT_LIST_DIR}/gmw_bench.cpp)
target_link_libraries(gmw_bench PRIVATE smpc::protocols smpc::circuits smpc::simulator benchmark::benchmark)
target_compile_definitions(gmw_bench PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}")
smpc_target_options(gmw_bench)
