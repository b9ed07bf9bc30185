// Exact linear algebra over F_p (p = 2^61 − 1): the one Gauss–Jordan elimination that
// Berlekamp–Welch decoding, the ideal-world oracle and the privacy relation test share.
//
// Matrices are row vectors of equal length. Every routine is deterministic: pivots are taken
// column by column, left to right, each from the first row at or below the current rank with a
// non-zero entry, so callers that compare results across runs (or against recorded answers)
// see the same echelon form every time.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "protocols/core/field.h"

namespace smpc {

// Brings `rows` to reduced row echelon form in place and returns the pivot column of each of the
// first rank rows (ascending; rank = size of the result). Pivots are sought only among the first
// `pivot_columns` columns; any columns after them (e.g. the right-hand side of an augmented
// system) are carried along by the row operations but never pivoted on. Rows at and below the
// rank are then zero in the first `pivot_columns` columns.
std::vector<std::size_t> reduce_row_echelon(std::vector<std::vector<Fp61>>& rows,
                                            std::size_t pivot_columns);

// Solves the augmented system `rows` (each row: `unknowns` coefficients, then the right-hand
// side) with every free variable set to 0; nullopt when the system is inconsistent. Takes the
// rows by value because elimination destroys them.
std::optional<std::vector<Fp61>> solve_linear_system(std::vector<std::vector<Fp61>> rows,
                                                     std::size_t unknowns);

// A basis of the right kernel {c : rows · c = 0} of a matrix with `columns` columns: one vector
// per free column f, with c_f = 1 and the other free coordinates 0, in increasing order of f.
std::vector<std::vector<Fp61>> kernel_basis(std::vector<std::vector<Fp61>> rows,
                                            std::size_t columns);

}  // namespace smpc
