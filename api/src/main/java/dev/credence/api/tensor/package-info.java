/**
 * Tensors: immutable n-dimensional arrays with NumPy broadcasting, composed from the backend
 * primitives ({@link dev.credence.api.backend.Primitive}), with {@link
 * dev.credence.api.tensor.TensorScope} for deterministic release of native memory.
 *
 * <h2>Layout</h2>
 *
 * {@link dev.credence.api.tensor.Tensor} holds the value and the one funnel that applies a
 * primitive (kernel, tape node, program step). Operations live in focused classes, each checking
 * its arguments before the funnel: {@link dev.credence.api.tensor.Elementwise} (the elementwise
 * primitives, {@code where}, casts and special functions), {@link
 * dev.credence.api.tensor.Reductions} (sums, maxima, scans, log-sum-exp, softmax), {@link
 * dev.credence.api.tensor.Shaping} (reshape, permute, broadcast), {@link
 * dev.credence.api.tensor.Indexing} (slices, concatenation, gather and scatter, triangular
 * packing), {@link dev.credence.api.tensor.LinearAlgebra} (products, Cholesky, triangular solves)
 * and {@link dev.credence.api.tensor.Losses}. {@link dev.credence.api.tensor.Scan} runs a
 * recurrence as one operation (a {@link dev.credence.api.tensor.Loop}: a recorded step replayed
 * along a sequence, differentiated by another loop run backwards). The fluent shortcuts ({@code
 * x.add(y)}, {@code x.exp()}, ...) are inherited from {@link
 * dev.credence.api.tensor.TensorOperations}.
 *
 * <h2>Why the autodiff tape lives here</h2>
 *
 * Every primitive that {@code Tensor} applies must decide whether to record a tape node, so the
 * node ({@code TapeNode}), the per-thread recording switch, the table of vector-Jacobian rules
 * ({@code VjpRules}, one rule per primitive) and the backward pass are package-private classes of
 * this package, reached from outside only through {@link dev.credence.api.tensor.Tape}. The public
 * entry point {@code dev.credence.api.autodiff.Autodiff} depends on this package and not the other
 * way round, so the two form no import circle. Recorded {@link dev.credence.api.tensor.Program}s
 * store the same primitives with the same typed attributes and replay them with one {@code
 * Backend.execute} per step (a loop step runs its body program once per row).
 */
package dev.credence.api.tensor;
