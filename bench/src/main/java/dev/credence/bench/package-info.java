/**
 * Benchmarks: JMH kernels per backend ({@link dev.credence.bench.TinyOpBench}, {@link
 * dev.credence.bench.MatmulBench}, {@link dev.credence.bench.MlpBench}) and {@link
 * dev.credence.bench.BenchMain}, which runs them for several backends at once and prints the table
 * the closing notes quote. Long measurements live here, never in timed tests.
 */
package dev.credence.bench;
