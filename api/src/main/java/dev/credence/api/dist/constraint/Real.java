package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Tensor;

/** The real line: any value that is not NaN (infinities included, as in IEEE arithmetic). */
public final class Real extends Constraint {
    static final Real INSTANCE = new Real();

    private Real() {}

    @Override
    public Tensor check(Tensor value) {
        return value.eq(value);
    }

    @Override
    public String describe() {
        return "real (not NaN)";
    }
}
