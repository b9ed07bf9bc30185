# `smpc run --trace`: recording a run's timeline in the simulator and writing the Chrome trace
# (reports/trace.h) for a 1,012-message run. Run: build/release/bench/bench_trace
# (docs/performance.md, "Traces").
add_executable(bench_trace ${CMAKE_CURRENT_LIST_DIR}/trace_bench.cpp)
target_link_libraries(bench_trace PRIVATE smpc::scenarios smpc::reports benchmark::benchmark)
target_compile_definitions(bench_trace PRIVATE SMPC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
smpc_target_options(bench_trace)
