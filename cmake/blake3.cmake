# blake3::blake3 — the BLAKE3 reference C implementation (CC0-1.0 / Apache-2.0) as Debian 12 ships
# it: the Rust crate's package librust-blake3-dev carries the upstream C sources and x86-64
# assembly under /usr/share/cargo/registry/blake3-<version>/c (scripts/setup.sh installs it). The
# meter's view digest (protocols/core/meter.cpp) hashes every received byte with it.
if(TARGET blake3::blake3)
  return()
endif()
set(SMPC_BLAKE3_DIR "" CACHE PATH "Folder with BLAKE3's blake3.h and blake3.c (default: Debian's librust-blake3-dev)")
if(NOT SMPC_BLAKE3_DIR)
  file(GLOB _smpc_blake3_found /usr/share/cargo/registry/blake3-*/c/blake3.h)
  list(SORT _smpc_blake3_found COMPARE NATURAL ORDER DESCENDING)
  list(GET _smpc_blake3_found 0 _smpc_blake3_header)
  if(_smpc_blake3_header)
    get_filename_component(_smpc_blake3_dir "${_smpc_blake3_header}" DIRECTORY)
    set(SMPC_BLAKE3_DIR "${_smpc_blake3_dir}" CACHE PATH "" FORCE)
  endif()
endif()
if(NOT EXISTS "${SMPC_BLAKE3_DIR}/blake3.h")
  message(FATAL_ERROR "BLAKE3's C sources not found: install Debian's librust-blake3-dev "
                      "(scripts/setup.sh) or set SMPC_BLAKE3_DIR to a folder with blake3.h and blake3.c")
endif()
set(_b3 "${SMPC_BLAKE3_DIR}")
set(_smpc_blake3_sources ${_b3}/blake3.c ${_b3}/blake3_dispatch.c ${_b3}/blake3_portable.c)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$" AND UNIX)
  # Upstream's own assembly for SSE2, SSE4.1, AVX2 and AVX-512, chosen at run time by CPUID.
  enable_language(ASM)
  list(APPEND _smpc_blake3_sources ${_b3}/blake3_sse2_x86-64_unix.S ${_b3}/blake3_sse41_x86-64_unix.S
       ${_b3}/blake3_avx2_x86-64_unix.S ${_b3}/blake3_avx512_x86-64_unix.S)
  set(_smpc_blake3_defs "")
else()
  set(_smpc_blake3_defs BLAKE3_NO_SSE2 BLAKE3_NO_SSE41 BLAKE3_NO_AVX2 BLAKE3_NO_AVX512)
endif()
enable_language(C)
add_library(smpc_blake3 STATIC ${_smpc_blake3_sources})
add_library(blake3::blake3 ALIAS smpc_blake3)
set_target_properties(smpc_blake3 PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_definitions(smpc_blake3 PRIVATE ${_smpc_blake3_defs})
# Third-party code: built as upstream ships it, without our warning flags.
target_compile_options(smpc_blake3 PRIVATE $<$<COMPILE_LANGUAGE:C>:-w -O3>)
target_include_directories(smpc_blake3 SYSTEM PUBLIC "${_b3}")
