#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "protocols/core/fp_linear_algebra.h"

namespace smpc {
namespace {

using Matrix = std::vector<std::vector<Fp61>>;

Fp61 f(std::int64_t v) { return Fp61::from_i64(v); }

// Small entries (many zeros) so that random matrices are often rank-deficient and systems often
// inconsistent: the interesting cases for pivot choice and free variables.
Matrix random_matrix(std::size_t rows, std::size_t cols) {
  Matrix m(rows, std::vector<Fp61>(cols));
  for (auto& row : m)
    for (auto& v : row) v = f(*rc::gen::inRange<std::int64_t>(-2, 3));
  return m;
}

Fp61 dot(const std::vector<Fp61>& row, const std::vector<Fp61>& x) {
  Fp61 acc;
  for (std::size_t j = 0; j < x.size(); ++j) acc += row[j] * x[j];
  return acc;
}

TEST(FpLinearAlgebra, PivotsOnFirstNonZeroRowAndCarriesAugmentedColumn) {
  // Column 0 is zero in row 0, so row 1 is swapped up; the last column is never a pivot.
  Matrix m = {{f(0), f(2), f(4), f(6)}, {f(2), f(4), f(0), f(2)}, {f(0), f(0), f(3), f(3)}};
  const auto pivots = reduce_row_echelon(m, 3);
  EXPECT_EQ(pivots, (std::vector<std::size_t>{0, 1, 2}));
  const Matrix expect = {{f(1), f(0), f(0), f(-1)}, {f(0), f(1), f(0), f(1)},
                         {f(0), f(0), f(1), f(1)}};
  EXPECT_EQ(m, expect);
}

TEST(FpLinearAlgebra, SolveSetsFreeVariablesToZeroAndRejectsInconsistentSystems) {
  // x0 + x1 = 3 twice: x1 is free.
  auto x = solve_linear_system({{f(1), f(1), f(3)}, {f(2), f(2), f(6)}}, 2);
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(*x, (std::vector<Fp61>{f(3), f(0)}));
  EXPECT_FALSE(solve_linear_system({{f(1), f(1), f(3)}, {f(1), f(1), f(4)}}, 2).has_value());
  // No equations: everything free.
  EXPECT_EQ(*solve_linear_system({}, 2), (std::vector<Fp61>{f(0), f(0)}));
}

TEST(FpLinearAlgebra, KernelBasisHasOneVectorPerFreeColumn) {
  const Matrix m = {{f(1), f(2), f(3)}, {f(2), f(4), f(6)}};
  const auto basis = kernel_basis(m, 3);
  const Matrix expect = {{f(-2), f(1), f(0)}, {f(-3), f(0), f(1)}};
  EXPECT_EQ(basis, expect);
  EXPECT_TRUE(kernel_basis({{f(1), f(0)}, {f(0), f(1)}}, 2).empty());
  EXPECT_EQ(kernel_basis({}, 2).size(), 2u);
}

RC_GTEST_PROP(FpLinearAlgebraProperty, ReducedRowEchelonForm, ()) {
  const auto rows = *rc::gen::inRange<std::size_t>(0, 7);
  const auto cols = *rc::gen::inRange<std::size_t>(0, 7);
  const auto extra = *rc::gen::inRange<std::size_t>(0, 3);
  Matrix m = random_matrix(rows, cols + extra);
  const auto pivots = reduce_row_echelon(m, cols);
  RC_ASSERT(pivots.size() <= std::min(rows, cols));
  for (std::size_t r = 0; r < pivots.size(); ++r) {
    if (r > 0) RC_ASSERT(pivots[r - 1] < pivots[r]);
    for (std::size_t j = 0; j < pivots[r]; ++j) RC_ASSERT(m[r][j] == Fp61());
    for (std::size_t i = 0; i < rows; ++i)
      RC_ASSERT(m[i][pivots[r]] == (i == r ? f(1) : Fp61()));
  }
  for (std::size_t i = pivots.size(); i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) RC_ASSERT(m[i][j] == Fp61());
}

RC_GTEST_PROP(FpLinearAlgebraProperty, SolutionSatisfiesEveryEquation, ()) {
  const auto rows = *rc::gen::inRange<std::size_t>(0, 7);
  const auto unknowns = *rc::gen::inRange<std::size_t>(0, 7);
  const Matrix m = random_matrix(rows, unknowns + 1);
  const auto x = solve_linear_system(m, unknowns);
  if (!x) {
    // Inconsistent: some combination of the rows reads 0 = non-zero, i.e. the augmented matrix
    // has larger rank than the coefficient matrix.
    Matrix augmented = m, coefficients = m;
    RC_ASSERT(reduce_row_echelon(augmented, unknowns + 1).size() >
              reduce_row_echelon(coefficients, unknowns).size());
    return;
  }
  RC_ASSERT(x->size() == unknowns);
  for (const auto& row : m) RC_ASSERT(dot(row, *x) == row[unknowns]);
}

RC_GTEST_PROP(FpLinearAlgebraProperty, KernelBasisSpansTheKernel, ()) {
  const auto rows = *rc::gen::inRange<std::size_t>(0, 7);
  const auto cols = *rc::gen::inRange<std::size_t>(0, 7);
  const Matrix m = random_matrix(rows, cols);
  const auto basis = kernel_basis(m, cols);
  Matrix reduced = m;
  RC_ASSERT(basis.size() == cols - reduce_row_echelon(reduced, cols).size());  // rank–nullity
  for (const auto& v : basis) {
    RC_ASSERT(v.size() == cols);
    for (const auto& row : m) RC_ASSERT(dot(row, v) == Fp61());
  }
}

}  // namespace
}  // namespace smpc
