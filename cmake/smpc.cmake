# Shared build settings for every smpc target.
function(smpc_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(SMPC_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
    # GCC 12's flow-sensitive middle-end warnings give false positives inside libstdc++ at -O3
    # (e.g. -Wrestrict in std::string concatenation, GCC bug 105329): keep them visible as
    # warnings, but not fatal.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-error=restrict -Wno-error=stringop-overflow
        -Wno-error=stringop-overread -Wno-error=array-bounds -Wno-error=maybe-uninitialized)
    endif()
  endif()
endfunction()

# smpc_library(<folder-name> SOURCES ... DEPS ...) -> target smpc_<name>, alias smpc::<name>.
function(smpc_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(smpc_${name} STATIC ${ARG_SOURCES})
  add_library(smpc::${name} ALIAS smpc_${name})
  target_include_directories(smpc_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(smpc_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  smpc_target_options(smpc_${name})
endfunction()

# smpc_test(<name> SOURCES ... DEPS ... [LABELS ...] [TIMEOUT s] [COST c]): one gtest executable,
# tests discovered individually so ctest -j spreads them over the cores. COST is for a test that
# runs for minutes: a fresh checkout has no measured costs (Testing/Temporary/CTestCostData.txt),
# so ctest starts tests in their order and a long one found late runs alone on one core at the
# end; a COST starts it first, while the other core works through the rest.
# Every test executable reuses one precompiled header (GoogleTest, RapidCheck, nlohmann/json and
# the standard library): parsing them took about 3.5 s of the 10-20 s each of the hundred test
# files needs at -O3, on CI's two cores (docs/performance.md, "Build time").
function(smpc_test_pch)
  if(TARGET smpc_test_pch)
    return()
  endif()
  file(WRITE ${CMAKE_BINARY_DIR}/smpc_test_pch.cpp "// The precompiled header's own translation unit.\n")
  add_library(smpc_test_pch STATIC ${CMAKE_BINARY_DIR}/smpc_test_pch.cpp)
  smpc_test_settings(smpc_test_pch)
  target_precompile_headers(smpc_test_pch PRIVATE <gtest/gtest.h> <rapidcheck.h>
    <rapidcheck/gtest.h> <nlohmann/json.hpp> <algorithm> <cstdint> <filesystem> <fstream> <map>
    <set> <sstream> <string> <vector>)
endfunction()

# What every test target and the shared precompiled header are compiled with: one set, so the
# header stays valid for all of them.
function(smpc_test_settings target)
  target_link_libraries(${target} PRIVATE GTest::gtest GTest::gmock GTest::gtest_main
                                          rapidcheck rapidcheck_gtest nlohmann_json::nlohmann_json)
  target_compile_definitions(${target} PRIVATE SMPC_SHARED_DIR="${SMPC_SHARED_DIR}"
                                               SMPC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                               SMPC_CLI_PATH="$<TARGET_FILE:smpc>")
  smpc_target_options(${target})
  # The code under test is in the libraries, optimised as the build type says; a test's own code
  # is assertions and scenario set-up, and -O3 doubled its compile time for nothing.
  target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-Og>)
endfunction()

function(smpc_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT;COST" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
  smpc_test_settings(${name})
  if(SMPC_TEST_PCH)
    smpc_test_pch()
    target_precompile_headers(${name} REUSE_FROM smpc_test_pch)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 600)
  endif()
  if(NOT ARG_COST)
    set(ARG_COST 0)
  endif()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}" COST ${ARG_COST})
endfunction()

# smpc_link_cli(<target>): the smpc command's objects (cli/, compiled once) and what they link,
# for smpc and for smpc_toy (the toy protocol linked in). Open MPI comes first: libsimgrid also
# exports MPI_Init, MPI_Send, ... (its SMPI), and the dynamic linker takes each symbol from the
# first library in the executable's NEEDED list that has it; with libmpi after libsimgrid,
# `mpirun smpc sweep` called SimGrid's MPI_Init and aborted (tests/sweep/sweep_mpi_test.cpp runs
# the real thing). CMake puts transitive shared libraries at the end of the link line, so libmpi
# is named in the link options, which come before every library, and kept although nothing
# refers to it yet there (Debian's GCC links --as-needed).
function(smpc_link_cli target)
  set(MPI_CXX_SKIP_MPICXX ON)
  find_package(MPI REQUIRED COMPONENTS CXX)
  target_link_options(${target} PRIVATE "LINKER:--push-state,--no-as-needed" ${MPI_mpi_LIBRARY}
                      "LINKER:--pop-state")
  target_link_libraries(${target} PRIVATE smpc_cli_objects smpc::scenarios smpc::sweep_mpi
                                          smpc::reports CLI11::CLI11)
endfunction()
