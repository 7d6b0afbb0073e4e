package dev.credence.inference.vi;

import dev.credence.api.model.Site;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The score-function (REINFORCE) term for guide sites that cannot be reparameterised, after
 * Williams (1992) and Ranganath, Gerrish and Blei, "Black box variational inference", AISTATS 2014.
 *
 * <p>For a draw {@code z ~ q} without a reparameterisation, {@code grad E_q[f] = E_q[grad f + (f -
 * b) grad log q(z)]} for any baseline {@code b} that does not depend on {@code z}. The surrogate
 * returned per particle is
 *
 * <pre>
 * f + (log q(z) - stop(log q(z))) * (stop(f) - b)
 * </pre>
 *
 * whose value is exactly {@code f} (the bracket is zero) and whose gradient is the estimator above.
 * With several particles, {@code b} is the mean of the other particles' values (a leave-one-out
 * baseline, which keeps the estimator unbiased and lowers its variance); with one particle there is
 * no baseline.
 */
final class ScoreFunction {
    private ScoreFunction() {}

    /**
     * Sums the log-densities of the given guide sites.
     *
     * @param sites the non-reparameterised guide sites of one particle
     * @return the sum, or null for no sites
     */
    static Tensor logDensity(List<Site> sites) {
        Tensor total = null;
        for (Site s : sites) {
            Tensor lp = s.logProbSum();
            total = total == null ? lp : total.add(lp);
        }
        return total;
    }

    /**
     * Adds the score-function term to each particle's estimate.
     *
     * @param values each particle's estimate {@code f}, carrying gradients
     * @param logQ each particle's log-density of its non-reparameterised sites, or null entries
     *     where it has none
     * @return the surrogates, with the same values as {@code values}
     */
    static List<Tensor> surrogates(List<Tensor> values, List<Tensor> logQ) {
        if (logQ.stream().allMatch(java.util.Objects::isNull)) {
            // Every site is reparameterised: nothing to add, and nothing to read on the host (a
            // read would keep a training step from being compiled).
            return values;
        }
        int n = values.size();
        double total = 0;
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            v[p] = values.get(p).item();
            total += v[p];
        }
        List<Tensor> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            Tensor f = values.get(p);
            Tensor lq = logQ.get(p);
            if (lq == null) {
                out.add(f);
                continue;
            }
            double baseline = n > 1 ? (total - v[p]) / (n - 1) : 0;
            Tensor zeroValued = lq.sub(lq.detach());
            out.add(f.add(zeroValued.mul(v[p] - baseline)));
        }
        return out;
    }
}
