# Fixed-point private inference on SPDZ (protocols/fixedpoint/): a batch of logistic-regression
# inferences of 20 features, 2 parties over LocalNetwork, process CPU time per inference (the
# issue's ≤ 10 µs CrypTen figure), with the dealer's preprocessing inside the run.
# Run: build/release/bench/fixedpoint_bench
add_executable(fixedpoint_bench ${CMAKE_CURRENT_LIST_DIR}/fixedpoint_bench.cpp)
target_link_libraries(fixedpoint_bench PRIVATE smpc::protocols benchmark::benchmark)
smpc_target_options(fixedpoint_bench)
