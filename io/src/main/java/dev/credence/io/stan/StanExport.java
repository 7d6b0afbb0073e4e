package dev.credence.io.stan;

import dev.credence.api.infer.Draws;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Draws} into Stan CSV chains: parameter columns named and ordered as Stan does (dots,
 * 1-based, first index fastest) and the seven sampler diagnostics before them.
 */
public final class StanExport {
    private StanExport() {}

    /**
     * Converts draws to one Stan chain per chain.
     *
     * @param draws the draws (with the statistics {@code lp, accept_stat, stepsize, treedepth,
     *     n_leapfrog, divergent, energy} where available; missing ones are written as 0)
     * @param run the run settings written in the header
     * @param seconds the wall time of the whole run, split evenly between chains
     * @return the chains
     */
    public static List<StanChain> chains(Draws draws, StanRun run, double seconds) {
        List<String> names = new ArrayList<>();
        List<Integer> source = new ArrayList<>();
        int offset = 0;
        for (String site : draws.sites()) {
            int[] shape = draws.shape(site);
            names.addAll(StanCsv.flatNames(site, shape));
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            // Stan's order is column-major; Draws stores row-major.
            for (int k = 0; k < size; k++) {
                int[] idx = new int[shape.length];
                int rem = k;
                for (int i = 0; i < shape.length; i++) {
                    idx[i] = rem % shape[i];
                    rem /= shape[i];
                }
                int rowMajor = 0;
                for (int i = 0; i < shape.length; i++) {
                    rowMajor = rowMajor * shape[i] + idx[i];
                }
                source.add(offset + rowMajor);
            }
            offset += size;
        }
        List<String> stats = Draws.SAMPLER_STATS;
        List<StanChain> out = new ArrayList<>();
        for (int c = 0; c < draws.chains(); c++) {
            int n = draws.drawsPerChain();
            double[][] v = new double[n][names.size()];
            double[][] diag = new double[n][stats.size()];
            for (int i = 0; i < n; i++) {
                double[] row = draws.values()[c][i];
                for (int j = 0; j < names.size(); j++) {
                    v[i][j] = row[source.get(j)];
                }
                for (int k = 0; k < stats.size(); k++) {
                    double[][] s = draws.stats().get(stats.get(k));
                    diag[i][k] = s == null ? 0 : s[c][i];
                }
            }
            double step =
                    n > 0 && draws.stats().containsKey("stepsize")
                            ? draws.stats().get("stepsize")[c][n - 1]
                            : 0;
            out.add(
                    new StanChain(
                            run,
                            c + 1,
                            names,
                            v,
                            diag,
                            step,
                            new double[0],
                            0,
                            seconds / Math.max(1, draws.chains())));
        }
        return out;
    }
}
