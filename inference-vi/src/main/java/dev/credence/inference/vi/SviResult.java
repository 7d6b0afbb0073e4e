package dev.credence.inference.vi;

import dev.credence.api.tensor.Tensor;
import java.util.Map;

/**
 * The outcome of {@link Svi#run}: the final state and the ELBO estimate of every step.
 *
 * @param state the final state
 * @param elbo the ELBO estimate of step {@code s} at index {@code s} (at the params before it)
 * @param steps how the steps ran: {@code "compiled: ..."} when the step was recorded and replayed
 *     (how many steps were replayed), else {@code "direct: ..."} and why
 */
public record SviResult(SviState state, double[] elbo, String steps) {

    /**
     * A result whose steps ran directly.
     *
     * @param state the final state
     * @param elbo the ELBO of every step
     */
    public SviResult(SviState state, double[] elbo) {
        this(state, elbo, "direct");
    }

    /**
     * Returns the fitted params.
     *
     * @return constrained values by param name
     */
    public Map<String, Tensor> params() {
        return state.constrained();
    }

    /**
     * Returns the mean ELBO estimate over the last steps, a less noisy summary of the final fit.
     *
     * @param window how many final steps to average, at least 1
     * @return the mean
     */
    public double meanElbo(int window) {
        int n = Math.min(window, elbo.length);
        if (n < 1) {
            throw new IllegalArgumentException("meanElbo: no steps were taken");
        }
        double s = 0;
        for (int i = elbo.length - n; i < elbo.length; i++) {
            s += elbo[i];
        }
        return s / n;
    }
}
