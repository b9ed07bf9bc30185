#include "protocols/core/fp_linear_algebra.h"

#include <utility>

#include "protocols/core/status.h"

namespace smpc {

std::vector<std::size_t> reduce_row_echelon(std::vector<std::vector<Fp61>>& rows,
                                            std::size_t pivot_columns) {
  const std::size_t width = rows.empty() ? 0 : rows.front().size();
  SMPC_ASSERT(pivot_columns <= width || rows.empty());
  for (const auto& row : rows) SMPC_ASSERT(row.size() == width);
  std::vector<std::size_t> pivots;
  std::size_t rank = 0;
  for (std::size_t col = 0; col < pivot_columns && rank < rows.size(); ++col) {
    std::size_t sel = rank;
    while (sel < rows.size() && rows[sel][col] == Fp61()) ++sel;
    if (sel == rows.size()) continue;
    std::swap(rows[sel], rows[rank]);
    std::vector<Fp61>& pivot = rows[rank];
    const Fp61 inv = pivot[col].inverse();
    // Row operations start at `col`: every earlier column of the pivot row is zero (a pivot
    // column already cleared, or a free column with no non-zero at or below this rank), so
    // touching it would only cost time — this loop is the bulk of the work for wide matrices.
    for (std::size_t j = col; j < width; ++j) pivot[j] *= inv;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == rank || rows[i][col] == Fp61()) continue;
      std::vector<Fp61>& target = rows[i];
      const Fp61 f = target[col];
      for (std::size_t j = col; j < width; ++j) target[j] -= f * pivot[j];
    }
    pivots.push_back(col);
    ++rank;
  }
  return pivots;
}

std::optional<std::vector<Fp61>> solve_linear_system(std::vector<std::vector<Fp61>> rows,
                                                     std::size_t unknowns) {
  const auto pivots = reduce_row_echelon(rows, unknowns);
  // Below the rank the coefficients are all zero, so a non-zero right-hand side reads 0 = b.
  for (std::size_t r = pivots.size(); r < rows.size(); ++r)
    if (rows[r][unknowns] != Fp61()) return std::nullopt;
  std::vector<Fp61> x(unknowns);
  for (std::size_t r = 0; r < pivots.size(); ++r) x[pivots[r]] = rows[r][unknowns];
  return x;
}

std::vector<std::vector<Fp61>> kernel_basis(std::vector<std::vector<Fp61>> rows,
                                            std::size_t columns) {
  const auto pivots = reduce_row_echelon(rows, columns);
  std::vector<long> pivot_row(columns, -1);
  for (std::size_t r = 0; r < pivots.size(); ++r) pivot_row[pivots[r]] = static_cast<long>(r);
  std::vector<std::vector<Fp61>> basis;
  basis.reserve(columns - pivots.size());
  for (std::size_t f = 0; f < columns; ++f) {
    if (pivot_row[f] >= 0) continue;
    std::vector<Fp61> v(columns);
    v[f] = Fp61::from_u64(1);
    // In reduced form pivot c's row reads x_c + Σ_free a_f x_f = 0, hence x_c = −a_f here.
    for (std::size_t r = 0; r < pivots.size(); ++r) v[pivots[r]] = -rows[r][f];
    basis.push_back(std::move(v));
  }
  return basis;
}

}  // namespace smpc
