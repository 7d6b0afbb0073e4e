/**
 * The backend SPI: the primitives enumerated once ({@link dev.credence.api.backend.Primitive}, with
 * their typed {@link dev.credence.api.backend.Attributes}), the kernels a backend implements
 * ({@link dev.credence.api.backend.Backend}, one {@code execute} method), how a backend announces
 * itself ({@link dev.credence.api.backend.BackendProvider}) and the registry that finds and selects
 * backends ({@link dev.credence.api.backend.Backends}). {@link dev.credence.api.backend.Shape},
 * {@link dev.credence.api.backend.DType} and {@link dev.credence.api.backend.Device} live here
 * because kernels speak them; nothing here depends on the tensor layer.
 *
 * <p>A backend is deliberately small: creation and transfer, elementwise functions, comparisons,
 * {@code where}, two reductions, two scans, {@code matmul}, the Cholesky factorisation, triangular
 * solves and data movement. The rich tensor API, broadcasting checks and all gradients live above
 * it, so a new backend is a few hundred lines and is certified by the conformance kit. Shared host
 * kernels ({@link dev.credence.api.backend.ScalarMath} for special functions, {@link
 * dev.credence.api.backend.FloatMath} for fast single-precision exp, log, log1p and sigmoid, {@link
 * dev.credence.api.backend.HostLinearAlgebra} for the factorisation and solves) let every backend
 * agree exactly where its engine has no native kernel; {@link dev.credence.api.backend.UpdateLoops}
 * (the optimizer primitives) and {@link dev.credence.api.backend.SliceCopies} (gather) serve
 * backends whose arrays live in host memory, where one pass in Java beats a chain of engine calls.
 */
package dev.credence.api.backend;
