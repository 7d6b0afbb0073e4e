package dev.credence.bench;

import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Square matrix products; {@link BenchMain} turns the time into GFLOP/s ({@code 2 n^3}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatmulBench {
    /** The matrix size. */
    @Param({"64", "256", "512", "1024"})
    public int n;

    /** The element type. */
    @Param({"FLOAT64", "FLOAT32"})
    public DType dtype;

    private Tensor a;
    private Tensor b;

    /**
     * Creates random operands.
     *
     * @param s the backend
     */
    @Setup
    public void setup(BackendState s) {
        RandomKey k = RandomKey.of(n);
        a = k.fold(1).normal(s.b, dtype, n, n);
        b = k.fold(2).normal(s.b, dtype, n, n);
    }

    /**
     * One product.
     *
     * @return the product
     */
    @Benchmark
    public Tensor matmul() {
        Tensor c = a.matmul(b);
        c.release();
        return c;
    }
}
