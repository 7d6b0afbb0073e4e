package dev.credence.tck;

import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the gradient table: a function of some tensors that exercises one primitive's
 * vector-Jacobian rule, with the shapes and the domain its inputs are drawn from.
 *
 * @param name the primitive (and variant) under test
 * @param shapes the input shapes
 * @param lo lower end of the input domain
 * @param hi upper end of the input domain
 * @param f the function
 */
public record GradCase(
        String name, int[][] shapes, double lo, double hi, Function<List<Tensor>, Tensor> f) {

    @Override
    public String toString() {
        return name;
    }
}
