package dev.credence.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Scan;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.Updates;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host compiler against the pure-Java backend: every primitive, in every layout a kernel
 * distinguishes, recorded in a program, compiled, and run on the host must give the replayed
 * program's values bit for bit (NaN and infinities included), at the recorded input and at another.
 */
class HostCompilerTest {
    private static final Backend B = Backends.discover().select("jvm");
    private static final int N = 12;

    /** A named function of a FLOAT64 vector of 12 values. */
    record Case(String name, Function<Tensor, List<Tensor>> f) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Function<Tensor, Tensor> f) {
        return new Case(name, x -> List.of(f.apply(x)));
    }

    private static Tensor m34(Tensor x) {
        return x.reshape(3, 4);
    }

    /** A symmetric positive-definite 3 x 3 matrix made from the input. */
    private static Tensor spd(Tensor x) {
        Tensor a = m34(x);
        return a.matmul(a.transpose()).add(LinearAlgebra.eye(B, 3, DType.FLOAT64));
    }

    /** Data of 150 values, past the size that straight-line code unrolls. */
    private static final Tensor DATA = Tensor.of(B, RandomKey.of(77).normalDoubles(150));

    /** A vector of 150 values that depends on the input (so that it is computed, not folded). */
    private static Tensor longOf(Tensor x) {
        return DATA.mul(x.get(0)).add(x.get(1));
    }

    static Stream<Arguments> cases() {
        List<Case> cs = new ArrayList<>();
        longCases(cs);
        for (Primitive op : Primitive.values()) {
            if (op.family() == Primitive.Family.UNARY) {
                cs.add(c(op.opName(), x -> Elementwise.unary(op, x)));
            }
            if (op.family() == Primitive.Family.BINARY || op.family() == Primitive.Family.COMPARE) {
                Tensor row = Tensor.of(B, new double[] {0.5, -1, 2, 0});
                Tensor col = Tensor.of(B, new double[] {1.5, -0.25, 3}, 3, 1);
                cs.add(
                        c(
                                op.opName() + " same shape",
                                x -> Elementwise.binary(op, x, x.mul(-0.7).add(0.3))));
                cs.add(c(op.opName() + " scalar first", x -> Elementwise.binary(op, x.get(3), x)));
                cs.add(c(op.opName() + " scalar second", x -> Elementwise.binary(op, x, x.get(5))));
                cs.add(c(op.opName() + " row", x -> Elementwise.binary(op, m34(x), row)));
                cs.add(
                        c(
                                op.opName() + " outer",
                                x -> Elementwise.binary(op, col, x.narrow(0, 0, 4))));
            }
        }
        Set<Primitive> intOps =
                EnumSet.of(
                        Primitive.ADD,
                        Primitive.SUB,
                        Primitive.MUL,
                        Primitive.MAXIMUM,
                        Primitive.MINIMUM,
                        Primitive.LT,
                        Primitive.EQ);
        for (Primitive op : intOps) {
            cs.add(
                    c(
                            op.opName() + " INT32",
                            x ->
                                    Elementwise.binary(
                                            op,
                                            x.mul(1e9).cast(DType.INT32),
                                            x.mul(-7).cast(DType.INT32))));
        }
        cs.add(c("neg abs INT32", x -> x.mul(100).cast(DType.INT32).neg().abs()));
        cs.add(
                c(
                        "where",
                        x ->
                                Elementwise.where(
                                        m34(x).gt(0),
                                        m34(x),
                                        Tensor.of(B, new double[] {1, 2, 3}, 3, 1))));
        cs.add(c("sum all", x -> x.sum()));
        cs.add(c("sum axis 0", x -> m34(x).sum(0)));
        cs.add(c("sum axis 1 keep", x -> m34(x).sum(true, 1)));
        cs.add(c("sum no axis", x -> Reductions.sum(x, false, new int[0]).add(0.0)));
        cs.add(c("max all", x -> x.max(false)));
        cs.add(c("max axis 1", x -> m34(x).max(false, 1)));
        cs.add(c("max 3d axes 0 2", x -> x.reshape(2, 3, 2).max(true, 0, 2)));
        for (boolean ex : new boolean[] {false, true}) {
            for (boolean rev : new boolean[] {false, true}) {
                String s = (ex ? " exclusive" : "") + (rev ? " reverse" : "");
                cs.add(c("cumsum axis 1" + s, x -> Reductions.cumsum(m34(x), 1, ex, rev)));
                cs.add(c("cumprod axis 0" + s, x -> Reductions.cumprod(m34(x), 0, ex, rev)));
            }
        }
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                String s = (ta ? " aT" : "") + (tb ? " bT" : "");
                cs.add(
                        c(
                                "matmul" + s,
                                x ->
                                        LinearAlgebra.matmul(
                                                ta ? m34(x).transpose() : m34(x),
                                                tb ? m34(x) : m34(x).transpose(),
                                                ta,
                                                tb)));
                cs.add(
                        c(
                                "matvec" + s,
                                x ->
                                        LinearAlgebra.matmul(
                                                ta ? m34(x).transpose() : m34(x),
                                                x.narrow(0, 0, 4).reshape(tb ? 1 : 4, tb ? 4 : 1),
                                                ta,
                                                tb)));
            }
        }
        cs.add(
                c(
                        "matmul batched broadcast",
                        x -> x.reshape(3, 2, 2).matmul(x.narrow(0, 0, 4).reshape(2, 2))));
        cs.add(c("matvec 6 rows", x -> x.reshape(6, 2).matmul(x.narrow(0, 3, 5).reshape(2, 1))));
        cs.add(
                c(
                        "matvec transposed 6 columns",
                        x ->
                                LinearAlgebra.matmul(
                                        x.reshape(2, 6),
                                        x.narrow(0, 3, 5).reshape(2, 1),
                                        true,
                                        false)));
        cs.add(c("cholesky", x -> LinearAlgebra.cholesky(spd(x))));
        cs.add(c("cholesky not positive definite", x -> LinearAlgebra.cholesky(spd(x).neg())));
        for (boolean lower : new boolean[] {false, true}) {
            for (boolean tr : new boolean[] {false, true}) {
                cs.add(
                        c(
                                "triangular solve"
                                        + (lower ? " lower" : " upper")
                                        + (tr ? " transposed" : ""),
                                x ->
                                        LinearAlgebra.triangularSolve(
                                                LinearAlgebra.cholesky(spd(x)),
                                                m34(x),
                                                lower,
                                                tr)));
            }
        }
        cs.add(c("reshape", x -> x.reshape(2, 6).mul(2)));
        cs.add(c("permute", x -> x.reshape(2, 3, 2).permute(2, 0, 1)));
        cs.add(c("broadcast", x -> x.narrow(0, 0, 3).reshape(3, 1).broadcastTo(2, 3, 4)));
        cs.add(c("slice block", x -> m34(x).narrow(0, 1, 3)));
        cs.add(c("slice strided", x -> m34(x).narrow(1, 1, 3)));
        cs.add(c("concat axis 0", x -> Tensor.concat(List.of(m34(x), m34(x).exp()), 0)));
        cs.add(c("concat axis 1", x -> Tensor.concat(List.of(m34(x), m34(x).narrow(1, 0, 1)), 1)));
        Tensor idx = Tensor.ofInts(B, new int[] {2, 0, 2, 1});
        cs.add(c("gather", x -> m34(x).gather(0, idx)));
        cs.add(c("gather axis 1", x -> m34(x).gather(1, idx)));
        cs.add(
                c(
                        "scatter add",
                        x -> Indexing.scatterAdd(m34(x).narrow(0, 0, 1).reshape(4), 0, idx, 3)));
        cs.add(
                c(
                        "one hot",
                        x ->
                                Indexing.oneHot(
                                                Tensor.ofInts(B, new int[] {0, 3, 5, 2}),
                                                4,
                                                DType.FLOAT64)
                                        .mul(x.get(0))));
        cs.add(
                c(
                        "one hot computed",
                        x -> Indexing.oneHot(x.abs().mul(2).cast(DType.INT32), 3, DType.FLOAT64)));
        cs.add(
                c(
                        "cast chain",
                        x ->
                                x.mul(3)
                                        .cast(DType.INT32)
                                        .cast(DType.BOOL)
                                        .cast(DType.INT32)
                                        .cast(DType.FLOAT64)));
        cs.add(
                c(
                        "scan",
                        x ->
                                Scan.scan(
                                        (h, e) -> h.mul(x.get(0)).add(e).tanh(),
                                        x.narrow(0, 0, 2),
                                        m34(x).narrow(1, 0, 2))));
        cs.add(c("scan reverse", x -> Scan.scan((h, e) -> h.mul(0.5).add(e), x.get(1), x, true)));
        cs.add(
                c(
                        "scan with two carries, two sequences and captures",
                        x ->
                                Scan.scan(
                                                (h, e) ->
                                                        List.of(
                                                                h.get(0)
                                                                        .mul(x.narrow(0, 0, 2))
                                                                        .add(e.get(0))
                                                                        .tanh(),
                                                                h.get(1)
                                                                        .add(
                                                                                e.get(1)
                                                                                        .mul(
                                                                                                h.get(
                                                                                                                0)
                                                                                                        .sum()))),
                                                List.of(x.narrow(0, 2, 4), x.get(4)),
                                                List.of(m34(x).narrow(1, 0, 2), x.narrow(0, 0, 3)),
                                                true)
                                        .get(1)));
        cs.add(
                c(
                        "optimizer primitives",
                        x -> {
                            Tensor p = x.narrow(0, 0, 4);
                            Tensor g = x.narrow(0, 4, 8);
                            Tensor m = Updates.ema(x.narrow(0, 8, 12), g, 0.9, false);
                            Tensor v = Updates.ema(x.narrow(0, 8, 12).abs(), g, 0.99, true);
                            return Updates.rmsStep(p, m, v, x.get(0).abs(), x.get(1));
                        }));
        cs.add(
                new Case(
                        "value and gradient",
                        x -> {
                            Autodiff.ValueAndGrad r =
                                    Autodiff.valueAndGrad(
                                            a -> {
                                                Tensor v = a.get(0);
                                                Tensor s =
                                                        Scan.scan(
                                                                (h, e) ->
                                                                        h.mul(v.get(0).sigmoid())
                                                                                .add(e.square())
                                                                                .sqrt(),
                                                                v.get(1).abs(),
                                                                v);
                                                return s.log()
                                                        .sum()
                                                        .add(
                                                                LinearAlgebra.choleskyLogDet(
                                                                        LinearAlgebra.cholesky(
                                                                                spd(v))))
                                                        .add(
                                                                Reductions.logSumExp(
                                                                                m34(v), false, 1)
                                                                        .sum());
                                            },
                                            List.of(x));
                            return List.of(r.value(), r.grads().get(0));
                        }));
        return cs.stream().map(Arguments::of);
    }

    /** Chains over vectors of 150 elements: generated loops ({@link MapCodegen}). */
    private static void longCases(List<Case> cs) {
        for (Primitive op : Primitive.values()) {
            if (op.family() == Primitive.Family.UNARY) {
                cs.add(c(op.opName() + " long", x -> Elementwise.unary(op, longOf(x))));
            }
            if (op.family() == Primitive.Family.BINARY || op.family() == Primitive.Family.COMPARE) {
                cs.add(
                        c(
                                op.opName() + " long pair",
                                x -> Elementwise.binary(op, longOf(x), DATA.mul(x.get(2)))));
                cs.add(
                        c(
                                op.opName() + " long and scalar",
                                x -> Elementwise.binary(op, x.get(5), longOf(x))));
            }
        }
        cs.add(
                c(
                        "long where and casts",
                        x ->
                                Elementwise.where(
                                                longOf(x).gt(0),
                                                longOf(x).mul(7).cast(DType.INT32),
                                                DATA.cast(DType.INT32))
                                        .cast(DType.FLOAT64)
                                        .add(longOf(x).gt(x.get(3)).cast(DType.FLOAT64))));
        cs.add(
                c(
                        "long sums, maxima and a scalar after them",
                        x ->
                                longOf(x)
                                        .exp()
                                        .sum()
                                        .add(longOf(x).max(false))
                                        .mul(longOf(x).square().sum().log())));
        cs.add(c("long log-sum-exp", x -> Reductions.logSumExp(longOf(x), false, 0)));
        cs.add(c("long reshaped", x -> longOf(x).reshape(15, 10).tanh().sum(1)));
        cs.add(
                c(
                        "long column reshaped to a vector",
                        x -> longOf(x).reshape(150, 1).exp().reshape(150).mul(DATA).sum()));
        cs.add(
                new Case(
                        "long likelihood, value and gradient",
                        x -> {
                            Autodiff.ValueAndGrad r =
                                    Autodiff.valueAndGrad(
                                            a -> {
                                                Tensor v = a.get(0);
                                                Tensor sigma = v.get(2).exp();
                                                Tensor z =
                                                        DATA.sub(v.get(0).add(v.get(1).mul(DATA)))
                                                                .div(sigma);
                                                return z.square()
                                                        .mul(-0.5)
                                                        .sum()
                                                        .sub(sigma.log().mul(150));
                                            },
                                            List.of(x));
                            return List.of(r.value(), r.grads().get(0));
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName(
            "a compiled program reproduces the replayed one bit for bit, with kernels or generated code")
    void reproducesReplay(Case c) {
        Tensor x0 = input(1);
        Program p = Program.record(x0, c.f());
        for (HostCompiler.Codegen mode : HostCompiler.Codegen.values()) {
            HostProgram hp =
                    HostCompiler.compile(
                            p,
                            B,
                            new Shape[] {Shape.of(N)},
                            new DType[] {DType.FLOAT64},
                            null,
                            mode);
            HostProgram.Frame frame = hp.newFrame();
            for (int trial = 0; trial < 2; trial++) {
                Tensor x = trial == 0 ? x0 : input(2);
                Buffer[] want = p.run(B, x.buffer());
                hp.run(frame, x.toDoubleArray());
                for (int o = 0; o < want.length; o++) {
                    assertArrayEquals(
                            B.toDoubles(want[o]),
                            hp.output(frame, o),
                            0,
                            c.name() + " " + mode + " output " + o);
                }
            }
        }
    }

    @Test
    @DisplayName(
            "a loop whose body is small becomes one generated method, unless code generation is off")
    void loopsBecomeGeneratedCode() {
        Tensor x0 = input(5);
        Program p =
                Program.record(
                        x0,
                        x ->
                                List.of(
                                        Scan.scan(
                                                        (h, e) -> h.mul(x.get(0)).add(e).tanh(),
                                                        x.get(1),
                                                        x)
                                                .sum()));
        for (HostCompiler.Codegen mode : HostCompiler.Codegen.values()) {
            HostProgram hp =
                    HostCompiler.compile(
                            p,
                            B,
                            new Shape[] {Shape.of(N)},
                            new DType[] {DType.FLOAT64},
                            null,
                            mode);
            boolean fused = hp.describe().contains("generated loop");
            assertEquals(mode != HostCompiler.Codegen.OFF, fused, mode + ":\n" + hp.describe());
        }
    }

    @Test
    @DisplayName(
            "a chain over a long vector becomes one generated loop, unless code generation is off")
    void longChainsBecomeLoops() {
        Program p =
                Program.record(
                        input(6), x -> List.of(longOf(x).sub(DATA).square().sum().add(x.get(3))));
        for (HostCompiler.Codegen mode : HostCompiler.Codegen.values()) {
            HostProgram hp =
                    HostCompiler.compile(
                            p,
                            B,
                            new Shape[] {Shape.of(N)},
                            new DType[] {DType.FLOAT64},
                            null,
                            mode);
            boolean fused = hp.describe().contains("generated map(");
            assertEquals(mode != HostCompiler.Codegen.OFF, fused, mode + ":\n" + hp.describe());
        }
    }

    /** Twelve values with a zero, negatives, a repeated value and one of large magnitude. */
    private static Tensor input(int seed) {
        double[] v = RandomKey.of(seed).normalDoubles(N);
        v[4] = 0;
        v[7] = v[2];
        v[9] = 40 * seed;
        return Tensor.of(B, v);
    }

    @Test
    @DisplayName("a FLOAT32 program is refused with the reason")
    void float32Refused() {
        Tensor x = Tensor.of(B, new float[] {1, 2, 3});
        Program p = Program.record(x, t -> List.of(t.exp()));
        var e =
                assertThrows(
                        UnsupportedOperationException.class,
                        () ->
                                HostCompiler.compile(
                                        p,
                                        B,
                                        new Shape[] {Shape.of(3)},
                                        new DType[] {DType.FLOAT32}));
        assertTrue(e.getMessage().contains("FLOAT32"), e.getMessage());
    }

    @Test
    @DisplayName("inputs of the wrong size are refused; frames are independent")
    void inputsChecked() {
        Tensor x = input(3);
        Program p = Program.record(x, t -> List.of(t.square().sum()));
        HostProgram hp =
                HostCompiler.compile(p, B, new Shape[] {Shape.of(N)}, new DType[] {DType.FLOAT64});
        HostProgram.Frame f1 = hp.newFrame();
        HostProgram.Frame f2 = hp.newFrame();
        assertThrows(IllegalArgumentException.class, () -> hp.run(f1, new double[3]));
        hp.run(f1, x.toDoubleArray());
        hp.run(f2, new double[N]);
        assertEquals(0, hp.output(f2, 0)[0]);
        assertEquals(x.square().sum().item(), hp.output(f1, 0)[0]);
    }
}
