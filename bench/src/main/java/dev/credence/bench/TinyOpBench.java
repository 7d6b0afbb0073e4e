package dev.credence.bench;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-operation overhead: 100,000 multiplications of scalar tensors in a dependent chain, once with
 * the tape off (plain values) and once recording (the chain hangs off a variable, as in a model
 * evaluated for its gradient). The score is the time per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TinyOpBench {
    static final int OPS = 100_000;

    private Tensor x;
    private Tensor c;

    /**
     * Creates the operands.
     *
     * @param s the backend
     */
    @Setup
    public void setup(BackendState s) {
        x = Tensor.scalar(s.b, 1.0, DType.FLOAT64);
        c = Tensor.scalar(s.b, 1.0000001, DType.FLOAT64);
    }

    /**
     * Tape off.
     *
     * @return the last value, so the chain is not dead code
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Tensor tapeOff() {
        Tensor t = x;
        for (int i = 0; i < OPS; i++) {
            t = t.mul(c);
        }
        return t;
    }

    /**
     * Tape on: every operation records a node.
     *
     * @return the last value
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Tensor tapeOn() {
        Tensor t = Autodiff.variable(x);
        for (int i = 0; i < OPS; i++) {
            t = t.mul(c);
        }
        return t;
    }
}
