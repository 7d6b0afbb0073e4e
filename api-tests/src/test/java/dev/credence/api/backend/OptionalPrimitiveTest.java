package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Primitive#optional()}: sent only to backends that supply it, composed for the others. */
class OptionalPrimitiveTest {
    private static final double[] X = {
        -800, -30, -2.5, -1e-9, 0, 1e-30, 0.75, 19.5, 20, 20.5, 300, Double.NaN
    };

    /** Records the primitives it executes; supplies the optional ones itself when asked to. */
    private static final class Recording extends DelegatingBackend {
        final List<Primitive> ops = new ArrayList<>();
        private final boolean optionals;

        Recording(boolean optionals) {
            super(Backends.discover().select("jvm"));
            this.optionals = optionals;
        }

        @Override
        public boolean supports(Primitive op) {
            return optionals || super.supports(op);
        }

        @Override
        public Buffer execute(
                Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
            ops.add(op);
            if (!op.optional()) {
                return super.execute(op, attributes, in, shape, dtype);
            }
            double[] x = toDoubles(in[0]);
            for (int i = 0; i < x.length; i++) {
                x[i] =
                        op == Primitive.RELU
                                ? (x[i] <= 0 ? 0.0 : x[i])
                                : x[i] > 20 ? x[i] : Math.log1p(Math.exp(x[i]));
            }
            return fromDoubles(x, shape, dtype);
        }
    }

    private static UnaryOperator<Tensor> function(Primitive op) {
        return op == Primitive.RELU ? Tensor::relu : Tensor::softplus;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"SOFTPLUS", "RELU"})
    @DisplayName(
            "a backend that does not supply an optional primitive never receives it; same result")
    void composedOrSupplied(Primitive op) {
        Recording plain = new Recording(false);
        Recording native_ = new Recording(true);
        assertTrue(op.optional());
        assertFalse(plain.supports(op));
        assertTrue(plain.supports(Primitive.EXP), "required primitives are always supported");
        double[] composed = function(op).apply(Tensor.of(plain, X, X.length)).toDoubleArray();
        double[] supplied = function(op).apply(Tensor.of(native_, X, X.length)).toDoubleArray();
        assertFalse(plain.ops.contains(op), plain.ops.toString());
        assertEquals(List.of(op), native_.ops);
        assertArrayEquals(supplied, composed, 1e-15);
        assertTrue(Double.isNaN(composed[X.length - 1]), "NaN stays NaN");
    }

    @Test
    @DisplayName("the supplied SOFTPLUS has the composition's gradient, the logistic sigmoid")
    void softplusGradientIsTheSigmoid() {
        double[][] grads = gradients(Primitive.SOFTPLUS);
        for (int i = 0; i < X.length - 1; i++) {
            double sigmoid = 1 / (1 + Math.exp(-X[i]));
            assertEquals(sigmoid, grads[1][i], 1e-15, "supplied, x = " + X[i]);
            assertEquals(grads[0][i], grads[1][i], 3e-9, "composed vs supplied, x = " + X[i]);
        }
    }

    @Test
    @DisplayName("the supplied RELU has the composition's gradient: 1 above 0, 0 at 0 and below")
    void reluGradientIsTheStep() {
        double[][] grads = gradients(Primitive.RELU);
        for (int i = 0; i < X.length - 1; i++) {
            assertEquals(X[i] > 0 ? 1.0 : 0.0, grads[1][i], 0.0, "supplied, x = " + X[i]);
            assertEquals(grads[0][i], grads[1][i], 0.0, "composed vs supplied, x = " + X[i]);
        }
    }

    /** The gradient of the sum of the op, composed [0] and supplied [1]. */
    private static double[][] gradients(Primitive op) {
        double[][] grads = new double[2][];
        for (int k = 0; k < 2; k++) {
            Recording b = new Recording(k == 1);
            Tensor x = Tensor.of(b, X, X.length);
            grads[k] = Autodiff.grad(t -> function(op).apply(t).sum(), x).toDoubleArray();
        }
        return grads;
    }
}
