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
        // The same numbers as Convergence's functions one by one, sharing their sorts and scores:
        // a summary table of many parameters is otherwise mostly sorting.
        double[] all = Convergence.flatten(draws);
        double[] sorted = Convergence.sorted(all);
        double[][] split = Convergence.split(draws);
        double[] pooled = Convergence.flatten(split);
        // An even chain length splits into all the draws, so their sorted values are the same.
        double[] pooledSorted = pooled.length == all.length ? sorted : Convergence.sorted(pooled);
        double[][] scores = Convergence.zScale(split, pooled, pooledSorted);
        double q5 = Convergence.quantileOfSorted(sorted, 0.05);
        double q95 = Convergence.quantileOfSorted(sorted, 0.95);
        double variance = Convergence.variance(all);
        return new ParameterSummary(
                name,
                Convergence.mean(all),
                Math.sqrt(variance),
                q5,
                Convergence.quantileOfSorted(sorted, 0.5),
                q95,
                Math.sqrt(variance / Convergence.essBasic(split)),
                Convergence.essBasic(scores),
                Convergence.essTail(split, q5, q95),
                Convergence.rhat(split, scores, Convergence.quantileOfSorted(pooledSorted, 0.5)));
    }
}
