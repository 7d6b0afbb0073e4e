package dev.credence.inference.hmc;

import dev.credence.api.model.Potential;
import dev.credence.api.tensor.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;

/**
 * A model's unconstrained {@link Potential} seen as a {@link LogDensity} on double arrays. Each
 * call copies the point to the potential's backend, evaluates value and gradient by autodiff, and
 * copies the gradient back; every tensor made on the way is released when the call returns.
 */
public final class PotentialDensity implements LogDensity {
    private final Potential potential;

    /**
     * Wraps a potential.
     *
     * @param potential the model's potential
     */
    public PotentialDensity(Potential potential) {
        this.potential = potential;
    }

    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public double logDensity(double[] q, double[] grad) {
        try (TensorScope scope = TensorScope.open()) {
            Tensor flat = Tensor.of(potential.backend(), q, DType.FLOAT64, q.length);
            if (potential.dtype() != DType.FLOAT64) {
                flat = flat.cast(potential.dtype());
            }
            Potential.ValueAndGradient vg = potential.valueAndGradient(flat);
            double[] g = vg.gradient().toDoubleArray();
            System.arraycopy(g, 0, grad, 0, grad.length);
            return vg.value();
        }
    }
}
