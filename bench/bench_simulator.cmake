# SimGrid speed: raw mailbox ping-pong and all-to-all (simulator/raw_baseline.h) vs the same through
# SimNetwork (run_simulated, with encoding and accounting). Run: build/release/bench/bench_simulator
add_executable(bench_simulator ${CMAKE_CURRENT_LIST_DIR}/simulator_bench.cpp)
target_link_libraries(bench_simulator PRIVATE smpc::simulator benchmark::benchmark)
smpc_target_options(bench_simulator)
