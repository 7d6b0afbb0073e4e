/**
 * The backend SPI: the primitive kernels ({@link dev.credence.api.backend.Backend}), how a backend
 * announces itself ({@link dev.credence.api.backend.BackendProvider}) and the registry that finds
 * and selects backends ({@link dev.credence.api.backend.Backends}).
 *
 * <p>A backend is deliberately small: creation and transfer, elementwise unary and binary
 * functions, comparisons, {@code where}, two reductions, {@code matmul} and data movement. The rich
 * tensor API, broadcasting checks and all gradients live above it, so a new backend is a few
 * hundred lines and is certified by the conformance kit.
 */
package dev.credence.api.backend;
