package dev.credence.api.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Primitive#optional()}: sent only to backends that supply it, composed for the others. */
class OptionalPrimitiveTest {
    private static final double[] X = {-800, -30, -2.5, -1e-9, 0, 0.75, 19.5, 20, 20.5, 300};

    /** Records the primitives it executes; supplies SOFTPLUS itself when asked to. */
    private static final class Recording extends DelegatingBackend {
        final List<Primitive> ops = new ArrayList<>();
        private final boolean softplus;

        Recording(boolean softplus) {
            super(Backends.discover().select("jvm"));
            this.softplus = softplus;
        }

        @Override
        public boolean supports(Primitive op) {
            return softplus || super.supports(op);
        }

        @Override
        public Buffer execute(
                Primitive op, Attributes attributes, Buffer[] in, Shape shape, DType dtype) {
            ops.add(op);
            if (op != Primitive.SOFTPLUS) {
                return super.execute(op, attributes, in, shape, dtype);
            }
            double[] x = toDoubles(in[0]);
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i] > 20 ? x[i] : Math.log1p(Math.exp(x[i]));
            }
            return fromDoubles(x, shape, dtype);
        }
    }

    @Test
    @DisplayName(
            "a backend that does not supply SOFTPLUS never receives it; the result is the same")
    void composedOrSupplied() {
        Recording plain = new Recording(false);
        Recording native_ = new Recording(true);
        assertFalse(plain.supports(Primitive.SOFTPLUS));
        assertTrue(plain.supports(Primitive.EXP), "required primitives are always supported");
        double[] composed = Tensor.of(plain, X, X.length).softplus().toDoubleArray();
        double[] supplied = Tensor.of(native_, X, X.length).softplus().toDoubleArray();
        assertFalse(plain.ops.contains(Primitive.SOFTPLUS), plain.ops.toString());
        assertEquals(List.of(Primitive.SOFTPLUS), native_.ops);
        assertArrayEquals(supplied, composed, 1e-15);
    }

    @Test
    @DisplayName("the supplied SOFTPLUS has the composition's gradient, the logistic sigmoid")
    void gradientIsTheSigmoid() {
        double[][] grads = new double[2][];
        for (int k = 0; k < 2; k++) {
            Recording b = new Recording(k == 1);
            Tensor x = Tensor.of(b, X, X.length);
            grads[k] = Autodiff.grad(t -> t.softplus().sum(), x).toDoubleArray();
        }
        for (int i = 0; i < X.length; i++) {
            double sigmoid = 1 / (1 + Math.exp(-X[i]));
            assertEquals(sigmoid, grads[1][i], 1e-15, "supplied, x = " + X[i]);
            assertEquals(grads[0][i], grads[1][i], 3e-9, "composed vs supplied, x = " + X[i]);
        }
    }
}
