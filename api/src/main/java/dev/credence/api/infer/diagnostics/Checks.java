package dev.credence.api.infer.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The convergence checks a user should not have to remember, with the thresholds of Vehtari et al.
 * (2021), "Rank-normalization, folding, and localization: an improved R-hat", section 4: split
 * R-hat above {@value #RHAT_LIMIT}, a bulk or tail ESS below {@value #ESS_PER_CHAIN} per chain, any
 * divergent transition, and an E-BFMI below {@value #EBFMI_LIMIT} (Betancourt, 2016). Each failed
 * check is one line that says what failed, by how much, and what to try.
 *
 * <pre>{@code
 * for (String w : Checks.mcmc(draws.summary(), draws.chains(), draws.divergences(), draws.ebfmi())) {
 *     err.println("warning: " + w);
 * }
 * }</pre>
 */
public final class Checks {
    /** The largest R-hat taken as converged. */
    public static final double RHAT_LIMIT = 1.01;

    /** The smallest bulk and tail ESS per chain taken as enough. */
    public static final int ESS_PER_CHAIN = 100;

    /** The smallest E-BFMI taken as healthy. */
    public static final double EBFMI_LIMIT = 0.3;

    private Checks() {}

    /**
     * Runs the checks.
     *
     * @param rows the parameter summaries
     * @param chains the number of chains
     * @param divergences the divergent transitions after warm-up
     * @param ebfmi the E-BFMI of each chain (empty if unknown)
     * @return one line per failed check, empty if all pass
     */
    public static List<String> mcmc(
            List<ParameterSummary> rows, int chains, int divergences, double[] ebfmi) {
        List<String> out = new ArrayList<>();
        ParameterSummary worstRhat = null;
        ParameterSummary worstEss = null;
        int highRhat = 0;
        int lowEss = 0;
        double essLimit = ESS_PER_CHAIN * (double) chains;
        for (ParameterSummary s : rows) {
            if (!(s.rhat() <= RHAT_LIMIT)) {
                highRhat++;
                worstRhat = worstRhat == null || !(s.rhat() <= worstRhat.rhat()) ? s : worstRhat;
            }
            double ess = Math.min(s.essBulk(), s.essTail());
            if (!(ess >= essLimit)) {
                lowEss++;
                if (worstEss == null
                        || !(ess >= Math.min(worstEss.essBulk(), worstEss.essTail()))) {
                    worstEss = s;
                }
            }
        }
        if (worstRhat != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "R-hat above %.2f for %d of %d parameters (worst %s: %.3f); the chains"
                                    + " disagree: run longer, or reparameterise",
                            RHAT_LIMIT,
                            highRhat,
                            rows.size(),
                            worstRhat.name(),
                            worstRhat.rhat()));
        }
        if (worstEss != null) {
            out.add(
                    String.format(
                            Locale.ROOT,
                            "ESS below %.0f (%d per chain) for %d of %d parameters (worst %s: bulk"
                                    + " %.0f, tail %.0f); estimates are noisy: draw more",
                            essLimit,
                            ESS_PER_CHAIN,
                            lowEss,
                            rows.size(),
                            worstEss.name(),
                            worstEss.essBulk(),
                            worstEss.essTail()));
        }
        if (divergences > 0) {
            out.add(
                    divergences
                            + " divergent transitions after warm-up; the posterior has geometry the"
                            + " sampler cannot follow: raise --adapt-delta, or reparameterise");
        }
        for (int c = 0; c < ebfmi.length; c++) {
            if (ebfmi[c] < EBFMI_LIMIT) {
                out.add(
                        String.format(
                                Locale.ROOT,
                                "E-BFMI of chain %d is %.2f, below %.1f; the momentum resampling"
                                        + " explores the energy poorly: reparameterise",
                                c + 1,
                                ebfmi[c],
                                EBFMI_LIMIT));
            }
        }
        return out;
    }
}
