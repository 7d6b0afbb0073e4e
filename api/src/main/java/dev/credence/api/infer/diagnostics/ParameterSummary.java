package dev.credence.api.infer.diagnostics;

/**
 * One row of a posterior summary table, as Stan and ArviZ print it.
 *
 * @param name the parameter name (flattened, e.g. {@code theta[3]})
 * @param mean the posterior mean
 * @param sd the posterior standard deviation
 * @param q5 the 5% quantile
 * @param q50 the median
 * @param q95 the 95% quantile
 * @param mcseMean the Monte Carlo standard error of the mean
 * @param essBulk the bulk effective sample size
 * @param essTail the tail effective sample size
 * @param rhat the rank-normalised split R-hat
 */
public record ParameterSummary(
        String name,
        double mean,
        double sd,
        double q5,
        double q50,
        double q95,
        double mcseMean,
        double essBulk,
        double essTail,
        double rhat) {

    /**
     * Summarises the draws of one scalar.
     *
     * @param name the parameter name
     * @param draws {@code draws[chain][iteration]}
     * @return the row
     */
    public static ParameterSummary of(String name, double[][] draws) {
        double[] all = Convergence.flatten(draws);
        return new ParameterSummary(
                name,
                Convergence.mean(all),
                Math.sqrt(Convergence.variance(all)),
                Convergence.quantile(all, 0.05),
                Convergence.quantile(all, 0.5),
                Convergence.quantile(all, 0.95),
                Convergence.mcseMean(draws),
                Convergence.essBulk(draws),
                Convergence.essTail(draws),
                Convergence.rhat(draws));
    }
}
