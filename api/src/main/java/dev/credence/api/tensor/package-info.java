/**
 * Tensors: immutable n-dimensional arrays with NumPy broadcasting, composed from backend
 * primitives, with {@link dev.credence.api.tensor.TensorScope} for deterministic release of native
 * memory.
 */
package dev.credence.api.tensor;
