// Reed–Solomon decoding over Mersenne-61 for Shamir sharings, so that a reconstruction survives
// wrong (or missing) shares: Berlekamp–Welch (Welch, Berlekamp, US patent 4,633,470, 1986; the
// form used here is Asharov–Lindell, eprint 2011/136, §5.1 "Reed–Solomon decoding").
//
// N shares of a degree-t polynomial are a Reed–Solomon codeword of length N and dimension t + 1,
// with minimum distance N − t: any e ≤ ⌊(N − t − 1)/2⌋ wrong shares can be corrected. With
// n ≥ 3t + 1 parties and at most t of them lying (or silent: a missing share is simply left out,
// which costs one point but also removes one possible error), reconstruction always succeeds.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "protocols/core/field.h"

namespace smpc {

// Coefficients (lowest first, size N) of the polynomial of degree < N through the N points
// (xs[i], ys[i]); the xs must be distinct.
std::vector<Fp61> interpolate_coefficients(std::span<const Fp61> xs, std::span<const Fp61> ys);

// The number of errors decoding corrects: ⌊(N − degree − 1)/2⌋ (0 when N ≤ degree).
int rs_correctable_errors(std::size_t points, int degree);

// Berlekamp–Welch: the coefficients (size degree + 1) of the unique polynomial of degree
// ≤ `degree` that agrees with all but at most rs_correctable_errors(N, degree) of the N points
// (distinct xs), or nullopt when there is none (too many wrong points). Fast path: when the
// polynomial through the first degree + 1 points already fits, no linear system is solved.
std::optional<std::vector<Fp61>> berlekamp_welch(std::span<const Fp61> xs, std::span<const Fp61> ys,
                                                 int degree);

}  // namespace smpc
