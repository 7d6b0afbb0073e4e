package dev.credence.api.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gives an exception whose message names the operation and what was found. */
class TensorErrorsTest {
    private final Backend b = Backends.discover().select("jvm");

    private static void fails(Class<? extends Throwable> type, Executable e, String... fragments) {
        Throwable t = assertThrows(type, e);
        for (String f : fragments) {
            assertTrue(
                    t.getMessage().contains(f),
                    "message '" + t.getMessage() + "' lacks '" + f + "'");
        }
    }

    @Test
    @DisplayName("mismatched shapes name the op and both shapes")
    void shapes() {
        Tensor a = Tensor.zeros(b, DType.FLOAT64, 2, 3);
        Tensor c = Tensor.zeros(b, DType.FLOAT64, 4);
        fails(IllegalArgumentException.class, () -> a.add(c), "add", "[2, 3]", "[4]");
        fails(
                IllegalArgumentException.class,
                () -> a.matmul(a),
                "matmul",
                "inner dimensions",
                "3",
                "2");
        fails(IllegalArgumentException.class, () -> a.reshape(4, 2), "reshape", "[2, 3]", "[4, 2]");
        fails(IllegalArgumentException.class, () -> a.sum(2), "sum", "axis 2", "[2, 3]");
        fails(IllegalArgumentException.class, () -> a.broadcastTo(3, 3), "broadcastTo", "[2, 3]");
        fails(
                IllegalArgumentException.class,
                () -> Tensor.concat(List.of(a, c.reshape(4, 1)), 0),
                "concat",
                "[4, 1]");
    }

    @Test
    @DisplayName("wrong dtypes name the op and both dtypes")
    void dtypes() {
        Tensor d = Tensor.zeros(b, DType.FLOAT64, 2);
        Tensor f = Tensor.zeros(b, DType.FLOAT32, 2);
        Tensor i = Tensor.ofInts(b, new int[] {1, 2});
        fails(IllegalArgumentException.class, () -> d.mul(f), "mul", "FLOAT64", "FLOAT32", "cast");
        fails(IllegalArgumentException.class, () -> i.exp(), "exp", "INT32");
        fails(IllegalArgumentException.class, () -> i.div(i), "div", "INT32");
        fails(IllegalArgumentException.class, () -> d.gather(0, d), "gather", "INT32", "FLOAT64");
        fails(IllegalArgumentException.class, () -> Tensor.where(d, d, d), "where", "BOOL");
        fails(
                IllegalArgumentException.class,
                () -> Autodiff.grad(x -> x.sum(), i),
                "FLOAT",
                "INT32");
    }

    @Test
    @DisplayName("out-of-range indices and bad sizes")
    void ranges() {
        Tensor d = Tensor.zeros(b, DType.FLOAT64, 3);
        fails(
                IndexOutOfBoundsException.class,
                () -> d.gather(0, Tensor.ofInts(b, new int[] {3})),
                "gather",
                "3",
                "[0, 3)");
        fails(
                IllegalArgumentException.class,
                () -> Tensor.of(b, new double[] {1, 2}, 3),
                "2 values",
                "[3]");
        fails(IllegalArgumentException.class, () -> Shape.of(2, -1), "negative");
        fails(IllegalStateException.class, () -> d.item(), "item", "[3]");
        fails(
                IllegalArgumentException.class,
                () -> Autodiff.valueAndGrad(x -> x.get(0).exp(), List.of(d)),
                "one value",
                "[3]");
    }

    @Test
    @DisplayName("use of a released tensor says so")
    void released() {
        Tensor d = Tensor.zeros(b, DType.FLOAT64, 3);
        try (TensorScope scope = TensorScope.open()) {
            Tensor e = d.exp();
            scope.close();
            fails(IllegalStateException.class, () -> e.add(d), "released", "TensorScope", "keep");
        }
        assertEquals(3, d.size());
    }

    @Test
    @DisplayName("operands on different backend instances are refused")
    void backends() {
        Backend other = Backends.discover().select("jvm");
        Tensor x = Tensor.zeros(b, DType.FLOAT64, 2);
        Tensor y = Tensor.zeros(other, DType.FLOAT64, 2);
        fails(IllegalArgumentException.class, () -> x.add(y), "different backends", "to(backend)");
        assertEquals(2, x.add(y.to(b)).size());
    }
}
