/**
 * The DJL backends: every primitive of the Credence backend SPI on PyTorch {@code NDArray}s.
 *
 * <p>Two providers share one implementation, {@link dev.credence.backend.djl.DjlBackend}: {@link
 * dev.credence.backend.djl.DjlCpuProvider} ({@code djl}, priority 20) and {@link
 * dev.credence.backend.djl.DjlGpuProvider} ({@code djl-gpu}, priority 30). Each backend owns one
 * DJL {@code NDManager} on its device; every buffer it returns is one {@code NDArray} attached to
 * that manager and closed by {@link dev.credence.api.backend.Backend#release}, which is what a
 * {@link dev.credence.api.tensor.TensorScope} calls when it closes. A buffer that is never released
 * is closed when the garbage collector finds it unreachable, so forgetting a scope costs latency,
 * not a leak.
 *
 * <p>Kernels live in small classes by kind: {@code Creation} (host to device and back), {@code
 * Elementwise} (unary, binary, compare, where), {@code Reductions}, {@code Movement} and {@code
 * HostKernels} (the few primitives PyTorch's DJL binding lacks, computed on the host with the same
 * code as the reference backend). Native loading, offline mode and cache folders are handled once
 * by {@code DjlRuntime}; see the module README for GPU set-up.
 */
package dev.credence.backend.djl;
