// A plain timed loop: runs a body in batches, repeats, and reports the median
// time per call. Printed, never asserted: the machines are shared and noisy.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace support::bench {

inline volatile std::size_t sink = 0;  // keeps results alive

template <class F>
double median_ns_per_call(F&& body, std::size_t calls_per_batch, int batches = 7) {
  std::vector<double> samples;
  for (int b = 0; b < batches; ++b) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < calls_per_batch; ++i) sink = sink + body(i);
    const auto end = std::chrono::steady_clock::now();
    samples.push_back(std::chrono::duration<double, std::nano>(end - start).count() / static_cast<double>(calls_per_batch));
  }
  std::nth_element(samples.begin(), samples.begin() + batches / 2, samples.end());
  return samples[static_cast<std::size_t>(batches / 2)];
}

inline void report(const std::string& name, double ns, double target_ns) {
  std::printf("%-44s %10.1f ns/call   target %8.0f ns   %s\n", name.c_str(), ns, target_ns,
              ns <= target_ns ? "ok" : "OVER");
}

}  // namespace support::bench
