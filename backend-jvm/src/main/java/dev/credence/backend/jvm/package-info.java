/**
 * The pure-Java reference backend. {@link dev.credence.backend.jvm.JvmBackend} implements every
 * primitive of the backend SPI over Java arrays; kernels live in small classes by kind (unary,
 * binary with broadcasting, reductions, matrix product, movement).
 */
package dev.credence.backend.jvm;
