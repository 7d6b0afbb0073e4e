/**
 * The ND4J backend ({@code nd4j}): Credence's primitive kernels on ND4J's CPU backend, with native
 * memory freed deterministically by {@link dev.credence.api.tensor.TensorScope}.
 *
 * <p>{@link dev.credence.backend.nd4j.Nd4jBackendProvider} is found by {@link
 * java.util.ServiceLoader} and reports the backend unavailable, with the reason, when ND4J's native
 * library cannot load. {@link dev.credence.backend.nd4j.Nd4jBackend} implements the SPI; its
 * buffers wrap ND4J arrays that are recycled through a bounded pool once released. The module is an
 * automatic module ({@code dev.credence.backend.nd4j}) because ND4J's jars carry broken module
 * descriptors and must stay on the class path.
 */
package dev.credence.backend.nd4j;
