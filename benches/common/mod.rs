//! What the native benchmarks share: timing a piece of work many times and printing p50/p95.

use std::time::{Duration, Instant};

/// Runs `work` `runs` times and prints the median and 95th percentile in milliseconds.
pub fn measure(name: &str, runs: usize, mut work: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    let p50 = times[runs / 2];
    let p95 = times[runs * 95 / 100];
    println!(
        "{name:<58} p50 {:>8.3} ms   p95 {:>8.3} ms",
        p50.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
}
