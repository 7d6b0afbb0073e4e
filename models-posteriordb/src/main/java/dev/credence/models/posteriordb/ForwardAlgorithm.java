package dev.credence.models.posteriordb;

import dev.credence.api.tensor.Tensor;

/**
 * The forward algorithm of a hidden Markov model in log space (Rabiner, "A tutorial on hidden
 * Markov models", 1989, section III.A, eq. 19-21), as the panel's Stan programs write it: the first
 * state's weights are its emission log-densities alone (no initial distribution), then
 *
 * <pre>
 * gamma[t, k] = log_sum_exp_j( gamma[t-1, j] + log theta[j, k] + log p(obs_t | state k) ),
 * </pre>
 *
 * and the marginal log-likelihood is {@code log_sum_exp(gamma[N])}.
 */
final class ForwardAlgorithm {
    private ForwardAlgorithm() {}

    /**
     * The log-likelihood of the observations with the hidden states summed out.
     *
     * @param logTransition {@code [K, K]}: entry {@code (j, k)} is {@code log P(k | j)}
     * @param logEmission {@code [N, K]}: entry {@code (t, k)} is {@code log p(obs_t | k)}
     * @return a scalar
     */
    static Tensor logMarginal(Tensor logTransition, Tensor logEmission) {
        int n = logEmission.dim(0);
        int k = logEmission.dim(1);
        Tensor gamma = logEmission.get(0);
        for (int t = 1; t < n; t++) {
            Tensor paths = gamma.reshape(k, 1).add(logTransition);
            gamma = paths.logSumExp(false, 0).add(logEmission.get(t));
        }
        return gamma.logSumExp(false, 0);
    }
}
