/**
 * A compiler of recorded programs for the host: {@link dev.credence.compiler.HostCompiler} turns a
 * {@link dev.credence.api.tensor.Program} (a model's value and gradient, recorded once) into a
 * {@link dev.credence.compiler.HostProgram} that runs as one kernel per step over plain {@code
 * double[]} slots, with no backend dispatch and no allocation.
 *
 * <h2>Layout</h2>
 *
 * {@code HostCompiler} walks the steps and picks a kernel for each; the kernels are grouped by
 * family ({@code ElementwiseKernels}, {@code ReductionKernels}, {@code LinearAlgebraKernels},
 * {@code MovementKernels}), each computing what the pure-Java backend computes in the same order;
 * {@code KernelChoice} picks them. {@code LoopKernel} runs a compiled loop body once per step;
 * {@code Offsets} holds the index arithmetic that movement and broadcasting need, done once at
 * compile time. An {@code Optimizer} pass (constant folding, common subexpressions) runs first.
 *
 * <h2>Generated code</h2>
 *
 * Where kernel calls would cost more than the arithmetic, steps become JVM bytecode, written by a
 * minimal {@code ClassAssembler} and defined as hidden classes: runs of small steps as
 * straight-line code with every element a local ({@code ScalarCodegen}, with {@code SumCodegen} and
 * {@code MovementCodegen}); a loop with a small body as one counted loop, its carry in locals
 * ({@code LoopCodegen}); runs of elementwise steps over long vectors as one loop over the elements,
 * sums accumulated in locals ({@code MapCodegen}). All compute in the kernels' order, so the
 * results are the kernels' bit for bit; the system property {@code credence.codegen=false} turns
 * code generation off.
 *
 * <h2>How the api finds it</h2>
 *
 * {@link dev.credence.compiler.HostProgramCompiler} provides the compiler to the api as its {@link
 * dev.credence.api.compile.ProgramCompiler} service (module descriptor and {@code
 * META-INF/services}). {@code dev.credence.api.model.CompiledPotential} uses it for HMC potentials
 * on CPU backends and checks every compiled program against a direct evaluation before using it;
 * without this module on the path, potentials replay their recordings on the backend instead.
 */
package dev.credence.compiler;
