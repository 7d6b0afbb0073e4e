/**
 * A compiler of recorded programs for the host: {@link dev.credence.api.compile.HostCompiler} turns
 * a {@link dev.credence.api.tensor.Program} (a model's value and gradient, recorded once) into a
 * {@link dev.credence.api.compile.HostProgram} that runs as one kernel per step over plain {@code
 * double[]} slots, with no backend dispatch and no allocation.
 *
 * <h2>Layout</h2>
 *
 * {@code HostCompiler} walks the steps and picks a kernel for each; the kernels are grouped by
 * family ({@code ElementwiseKernels}, {@code ReductionKernels}, {@code LinearAlgebraKernels},
 * {@code MovementKernels}), each computing what the pure-Java backend computes in the same order.
 * {@code LoopKernel} runs a compiled loop body once per step; {@code Offsets} holds the index
 * arithmetic that movement and broadcasting need, done once at compile time.
 *
 * <p>{@code dev.credence.api.model.CompiledPotential} uses this package for HMC potentials and
 * checks every compiled program against a direct evaluation before using it.
 */
package dev.credence.api.compile;
