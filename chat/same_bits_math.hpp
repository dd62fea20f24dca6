// exp and log that give the same bits natively and in WebAssembly. glibc's and
// musl's differ in the last bit now and then, and a confidence that lands on a
// rounding midpoint (weights are small integers times a scale, so sums often
// do) then prints as 0.91 natively and 0.909 in the browser. These use only
// +, -, *, / and exact scalings by powers of two, which IEEE 754 rounds the same
// everywhere; they are within a few ulps of the true values, which is all the
// scores need.
#pragma once

#include <cmath>
#include <limits>

namespace support::chat::same_bits {

inline double exp(double x) {
  if (std::isnan(x)) return x;
  if (x < -745.0) return 0.0;
  if (x > 709.0) return std::numeric_limits<double>::infinity();
  // x = k ln2 + r with |r| <= ln2/2; ln2 split so that k * kLn2High is exact.
  constexpr double kLn2High = 6.93147180369123816490e-01, kLn2Low = 1.90821492927058770002e-10;
  constexpr double kInvLn2 = 1.44269504088896338700e+00;
  const double k = std::nearbyint(x * kInvLn2);
  const double r = (x - k * kLn2High) - k * kLn2Low;
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 14; ++i) {  // 0.35^15 / 15! < 1e-19
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

// For x > 0 (log of 0 or less is -inf / NaN, as std::log).
inline double log(double x) {
  if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double power = s, sum = 0;
  for (int i = 1; i <= 27; i += 2) {  // 0.1716^29 < 1e-22
    sum += power / i;
    power *= s2;
  }
  constexpr double kLn2 = 6.93147180559945309417e-01;
  return 2 * sum + e * kLn2;
}

}  // namespace support::chat::same_bits
