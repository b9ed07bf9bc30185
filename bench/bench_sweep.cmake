# The sweep's run processes (scenarios/sweep.h): the machinery alone (fork, pipe, JSON row) vs a
# whole small run through it. Run: build/release/bench/bench_sweep (docs/performance.md, "Sweeps").
add_executable(bench_sweep ${CMAKE_CURRENT_LIST_DIR}/sweep_bench.cpp)
target_link_libraries(bench_sweep PRIVATE smpc::scenarios benchmark::benchmark)
target_compile_definitions(bench_sweep PRIVATE SMPC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
smpc_target_options(bench_sweep)
