/**
 * The Credence side of side-by-side runs against the anchors in {@code ../shared/anchors} (RStan's
 * NUTS, PyTorch's VAE); {@code bench/anchors/*.sh} run both and print both lines.
 */
package dev.credence.bench.anchors;
