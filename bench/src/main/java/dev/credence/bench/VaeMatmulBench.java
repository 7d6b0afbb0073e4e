package dev.credence.bench;

import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
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

/**
 * The five large FLOAT32 matrix products of one VAE training step (784-400-20, batch 128), with the
 * transposes the step asks for: the encoder's and decoder's forward products, the decoder's
 * gradient with respect to its input, and both weight gradients. {@code
 * bench/anchors/matmul_torch.py} times the same products in PyTorch, so that a backend's BLAS can
 * be compared with the anchor's apart from everything else in the step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VaeMatmulBench {
    /**
     * The product as {@code M,K,N,layout}: the result is {@code M x N} with inner dimension {@code
     * K}; the layout says which operand is transposed ({@code aT b}: {@code a} is stored {@code K x
     * M}; {@code a bT}: {@code b} is stored {@code N x K}).
     */
    @Param({
        "128,784,400,a b",
        "128,400,784,a b",
        "128,784,400,a bT",
        "784,128,400,aT b",
        "400,128,784,aT b"
    })
    public String product;

    private Tensor a;
    private Tensor b;
    private boolean transposeA;
    private boolean transposeB;

    /**
     * Creates random operands in the stored layouts.
     *
     * @param s the backend
     */
    @Setup
    public void setup(BackendState s) {
        String[] p = product.split(",");
        int m = Integer.parseInt(p[0]);
        int k = Integer.parseInt(p[1]);
        int n = Integer.parseInt(p[2]);
        transposeA = p[3].equals("aT b");
        transposeB = p[3].equals("a bT");
        RandomKey key = RandomKey.of(m + 7L * n);
        a =
                transposeA
                        ? key.fold(1).normal(s.b, DType.FLOAT32, k, m)
                        : key.fold(1).normal(s.b, DType.FLOAT32, m, k);
        b =
                transposeB
                        ? key.fold(2).normal(s.b, DType.FLOAT32, n, k)
                        : key.fold(2).normal(s.b, DType.FLOAT32, k, n);
    }

    /**
     * One product.
     *
     * @return the product
     */
    @Benchmark
    public Tensor matmul() {
        Tensor c = LinearAlgebra.matmul(a, b, transposeA, transposeB);
        c.release();
        return c;
    }

    /**
     * The floating-point operations of one product of this benchmark's shape.
     *
     * @param product the {@link #product} parameter
     * @return {@code 2 M K N}
     */
    static double flops(String product) {
        String[] p = product.split(",");
        return 2.0 * Long.parseLong(p[0]) * Long.parseLong(p[1]) * Long.parseLong(p[2]);
    }
}
