package dev.credence.api.infer.diagnostics;

import java.util.Arrays;

/**
 * Convergence diagnostics for MCMC draws of one scalar quantity, following Vehtari, Gelman,
 * Simpson, Carpenter and Bürkner (2021), "Rank-normalization, folding, and localization: an
 * improved R-hat for assessing convergence of MCMC", Bayesian Analysis 16(2), as implemented in the
 * {@code posterior} R package.
 *
 * <p>Input is {@code draws[chain][iteration]}, every chain of equal length. Chains are split in
 * half (the middle draw of an odd-length chain is dropped), so that a single chain can reveal
 * non-stationarity. Rank normalisation maps the pooled draws to normal scores {@code Phi^-1((r -
 * 3/8) / (S + 1/4))} with average ranks for ties, making the diagnostics well defined for heavy
 * tails.
 *
 * <ul>
 *   <li>{@link #rhat}: the maximum of the rank-normalised split R-hat of the draws (bulk) and of
 *       the draws folded about their median (tails).
 *   <li>{@link #essBulk}: the effective sample size of the rank-normalised split chains.
 *   <li>{@link #essTail}: the smaller effective sample size of the indicators {@code x <= q05} and
 *       {@code x <= q95} (quantiles of all draws; indicators split like the draws).
 *   <li>{@link #mcseMean}: the Monte Carlo standard error of the mean, {@code sd / sqrt(ess)} with
 *       the ESS of the untransformed split chains.
 * </ul>
 */
public final class Convergence {
    private Convergence() {}

    /**
     * Rank-normalised split R-hat (the larger of bulk and tail).
     *
     * @param draws {@code draws[chain][iteration]}
     * @return R-hat; NaN if undefined (constant draws)
     */
    public static double rhat(double[][] draws) {
        double[][] split = split(draws);
        double[] pooled = flatten(split);
        double[] sorted = sorted(pooled);
        return rhat(split, zScale(split, pooled, sorted), quantileOfSorted(sorted, 0.5));
    }

    /**
     * R-hat from the split chains, their normal scores and their median: the larger of the bulk and
     * the tail (folded about the median) R-hat.
     */
    static double rhat(double[][] split, double[][] scores, double median) {
        double bulk = rhatBasic(scores);
        double[][] folded = new double[split.length][];
        for (int c = 0; c < split.length; c++) {
            folded[c] = new double[split[c].length];
            for (int i = 0; i < split[c].length; i++) {
                folded[c][i] = Math.abs(split[c][i] - median);
            }
        }
        double tail = rhatBasic(zScale(folded));
        if (Double.isNaN(bulk) || Double.isNaN(tail)) {
            return Double.NaN;
        }
        return Math.max(bulk, tail);
    }

    /**
     * Bulk effective sample size.
     *
     * @param draws {@code draws[chain][iteration]}
     * @return the ESS
     */
    public static double essBulk(double[][] draws) {
        return essBasic(zScale(split(draws)));
    }

    /**
     * Tail effective sample size: the minimum over the 5% and 95% quantile indicators.
     *
     * @param draws {@code draws[chain][iteration]}
     * @return the ESS
     */
    public static double essTail(double[][] draws) {
        double[] sorted = sorted(flatten(draws));
        return essTail(
                split(draws), quantileOfSorted(sorted, 0.05), quantileOfSorted(sorted, 0.95));
    }

    /** The tail ESS of split chains, given the 5% and 95% quantiles of all draws. */
    static double essTail(double[][] split, double q05, double q95) {
        return Math.min(essBasic(indicator(split, q05)), essBasic(indicator(split, q95)));
    }

    /**
     * Effective sample size of the raw split chains (used for the MCSE of the mean).
     *
     * @param draws {@code draws[chain][iteration]}
     * @return the ESS
     */
    public static double essMean(double[][] draws) {
        return essBasic(split(draws));
    }

    /**
     * Monte Carlo standard error of the posterior mean.
     *
     * @param draws {@code draws[chain][iteration]}
     * @return {@code sd / sqrt(essMean)}
     */
    public static double mcseMean(double[][] draws) {
        double[] all = flatten(draws);
        return Math.sqrt(variance(all) / essMean(draws));
    }

    /**
     * The estimated Bayesian fraction of missing information of one chain (Betancourt 2016): {@code
     * sum (E_n - E_{n-1})^2 / sum (E_n - mean E)^2} over the energies of the draws. Values below
     * 0.3 suggest the momentum resampling explores the energy distribution poorly.
     *
     * @param energy the Hamiltonian at each draw of one chain
     * @return the E-BFMI
     */
    public static double ebfmi(double[] energy) {
        double mean = 0;
        for (double e : energy) {
            mean += e / energy.length;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < energy.length; i++) {
            if (i > 0) {
                double d = energy[i] - energy[i - 1];
                num += d * d;
            }
            double c = energy[i] - mean;
            den += c * c;
        }
        return num / den;
    }

    // ---------------------------------------------------------------- building blocks

    static double[][] split(double[][] draws) {
        int n = draws[0].length;
        for (double[] c : draws) {
            if (c.length != n) {
                throw new IllegalArgumentException(
                        "diagnostics: chains must have equal lengths, found "
                                + n
                                + " and "
                                + c.length);
            }
        }
        if (n < 4) {
            throw new IllegalArgumentException(
                    "diagnostics: need at least 4 draws per chain, found " + n);
        }
        int half = n / 2;
        double[][] out = new double[2 * draws.length][];
        for (int c = 0; c < draws.length; c++) {
            out[2 * c] = Arrays.copyOfRange(draws[c], 0, half);
            out[2 * c + 1] = Arrays.copyOfRange(draws[c], n - half, n);
        }
        return out;
    }

    static double[] flatten(double[][] x) {
        int n = 0;
        for (double[] c : x) {
            n += c.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] c : x) {
            System.arraycopy(c, 0, out, k, c.length);
            k += c.length;
        }
        return out;
    }

    /** Normal scores of the pooled average ranks, shaped like the input. */
    static double[][] zScale(double[][] x) {
        double[] pooled = flatten(x);
        return zScale(x, pooled, sorted(pooled));
    }

    /** Normal scores of {@code x}, given its values pooled ({@link #flatten}) and sorted. */
    static double[][] zScale(double[][] x, double[] pooled, double[] sorted) {
        double[] ranks = Ranks.average(pooled, sorted);
        int s = pooled.length;
        double[] scores = NormalScores.of(s);
        double[][] out = new double[x.length][];
        int k = 0;
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                double r = ranks[k++];
                // Without ties a rank is a whole number and its score is in the table.
                out[c][i] = r == Math.rint(r) ? scores[(int) r - 1] : NormalScores.score(r, s);
            }
        }
        return out;
    }

    private static double[][] indicator(double[][] x, double q) {
        double[][] out = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            out[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                out[c][i] = x[c][i] <= q ? 1 : 0;
            }
        }
        return out;
    }

    /** The classic potential scale reduction factor of already split chains. */
    static double rhatBasic(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        double[] means = new double[m];
        double w = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(x[c]);
            w += variance(x[c]) / m;
        }
        double b = n * variance(means);
        double varHat = (n - 1.0) / n * w + b / n;
        return Math.sqrt(varHat / w);
    }

    /** Effective sample size of already split chains, with Geyer's initial monotone sequence. */
    static double essBasic(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        double[][] acov = new double[m][];
        double[] chainMean = new double[m];
        double meanVar = 0;
        for (int c = 0; c < m; c++) {
            acov[c] = Autocovariance.of(x[c]);
            chainMean[c] = mean(x[c]);
            meanVar += acov[c][0] * n / (n - 1.0) / m;
        }
        double varPlus = meanVar * (n - 1.0) / n;
        if (m > 1) {
            varPlus += variance(chainMean);
        }
        if (!(varPlus > 0)) {
            return Double.NaN;
        }
        double[] rho = new double[n];
        int t = 0;
        double rhoEven = 1;
        rho[0] = rhoEven;
        double rhoOdd = 1 - (meanVar - meanAcov(acov, 1)) / varPlus;
        rho[1] = rhoOdd;
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - meanAcov(acov, t)) / varPlus;
            rhoOdd = 1 - (meanVar - meanAcov(acov, t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }
        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double ess = (double) m * n;
        double sum = 0;
        for (int i = 0; i < maxT; i++) {
            sum += rho[i];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        tau = Math.max(tau, 1 / Math.log10(ess));
        return ess / tau;
    }

    private static double meanAcov(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance with the n-1 denominator. */
    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /**
     * The quantile of R's default type 7: linear interpolation between order statistics.
     *
     * @param x the values
     * @param p the probability in [0, 1]
     * @return the quantile
     */
    public static double quantile(double[] x, double p) {
        return quantileOfSorted(sorted(x), p);
    }

    /** The type-7 quantile of values already sorted ascending. */
    static double quantileOfSorted(double[] s, double p) {
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** A sorted copy. */
    static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }
}
