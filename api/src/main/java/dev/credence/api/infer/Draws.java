package dev.credence.api.infer;

import dev.credence.api.infer.diagnostics.Convergence;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MCMC output: for each chain and draw, the value of every scalar parameter (sites flattened in
 * row-major order, named {@code site[i,j]} as Stan names them), plus per-draw sampler statistics
 * (step size, tree depth, divergences, energy, ...).
 *
 * <p>Values are held as {@code values[chain][draw][parameter]} in double precision on the host:
 * draws are what diagnostics, summaries and Stan-CSV export read.
 */
public final class Draws {

    /**
     * The names of the Hamiltonian samplers' per-draw statistics, as Stan names them without the
     * trailing underscores, in Stan CSV's column order.
     */
    public static final List<String> SAMPLER_STATS =
            List.of(
                    "lp",
                    "accept_stat",
                    "stepsize",
                    "treedepth",
                    "n_leapfrog",
                    "divergent",
                    "energy");

    private final List<String> sites;
    private final Map<String, int[]> shapes;
    private final List<String> names;
    private final double[][][] values;
    private final Map<String, double[][]> stats;

    /**
     * Creates draws.
     *
     * @param siteShapes the shape of each site, in parameter order
     * @param values {@code values[chain][draw][parameter]} with parameters flattened site by site
     * @param stats sampler statistics by name, each {@code [chain][draw]} (may be empty)
     */
    public Draws(
            Map<String, int[]> siteShapes, double[][][] values, Map<String, double[][]> stats) {
        this.sites = List.copyOf(siteShapes.keySet());
        this.shapes = new LinkedHashMap<>();
        List<String> n = new ArrayList<>();
        for (var e : siteShapes.entrySet()) {
            shapes.put(e.getKey(), e.getValue().clone());
            n.addAll(flatNames(e.getKey(), e.getValue()));
        }
        this.names = List.copyOf(n);
        for (double[][] chain : values) {
            for (double[] draw : chain) {
                if (draw.length != names.size()) {
                    throw new IllegalArgumentException(
                            "draws: each draw must hold "
                                    + names.size()
                                    + " values, found "
                                    + draw.length);
                }
            }
        }
        this.values = values;
        this.stats = new LinkedHashMap<>(stats);
    }

    /**
     * One chain of independent draws from a posterior that generates them (a variational guide, a
     * Gaussian approximation): the form {@link Posterior#draws} returns for such posteriors.
     *
     * @param samples one tensor per site with a leading axis of {@code n} draws, in parameter order
     * @param n the number of draws
     * @return the draws, one chain, no sampler statistics
     */
    public static Draws ofSamples(Map<String, dev.credence.api.tensor.Tensor> samples, int n) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        List<double[]> columns = new ArrayList<>();
        int width = 0;
        for (var e : samples.entrySet()) {
            int[] dims = e.getValue().shape().dims();
            if (dims.length == 0 || dims[0] != n) {
                throw new IllegalArgumentException(
                        "draws: site '"
                                + e.getKey()
                                + "' must have a leading axis of "
                                + n
                                + " draws, found shape "
                                + e.getValue().shape());
            }
            shapes.put(e.getKey(), Arrays.copyOfRange(dims, 1, dims.length));
            columns.add(e.getValue().toDoubleArray());
            width += e.getValue().size() / Math.max(1, n);
        }
        double[][][] values = new double[1][n][width];
        int at = 0;
        for (double[] col : columns) {
            int size = col.length / Math.max(1, n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(col, i * size, values[0][i], at, size);
            }
            at += size;
        }
        return new Draws(shapes, values, Map.of());
    }

    /**
     * Stan's names for the elements of a site: {@code mu}, {@code theta[1]}, {@code L[2,1]}
     * (1-based, row-major).
     *
     * @param site the site name
     * @param shape its shape
     * @return the element names
     */
    public static List<String> flatNames(String site, int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (shape.length == 0) {
            return List.of(site);
        }
        List<String> out = new ArrayList<>(size);
        int[] idx = new int[shape.length];
        for (int k = 0; k < size; k++) {
            StringBuilder sb = new StringBuilder(site).append('[');
            for (int i = 0; i < idx.length; i++) {
                sb.append(i > 0 ? "," : "").append(idx[i] + 1);
            }
            out.add(sb.append(']').toString());
            for (int i = idx.length - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }

    /**
     * Returns the number of chains.
     *
     * @return the number of chains
     */
    public int chains() {
        return values.length;
    }

    /**
     * Returns the number of draws per chain.
     *
     * @return draws per chain
     */
    public int drawsPerChain() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /**
     * Returns the site names in order.
     *
     * @return the sites
     */
    public List<String> sites() {
        return sites;
    }

    /**
     * Returns the shape of one site.
     *
     * @param site the site name
     * @return its shape
     */
    public int[] shape(String site) {
        int[] s = shapes.get(site);
        if (s == null) {
            throw new IllegalArgumentException("draws: no site '" + site + "'; sites: " + sites);
        }
        return s.clone();
    }

    /**
     * Returns the flattened parameter names, in column order.
     *
     * @return the names
     */
    public List<String> parameterNames() {
        return names;
    }

    /**
     * Returns the draws of one flattened parameter as {@code [chain][draw]}.
     *
     * @param name a name from {@link #parameterNames()}
     * @return the draws
     */
    public double[][] parameter(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException(
                    "draws: no parameter '" + name + "'; parameters: " + names);
        }
        double[][] out = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            out[c] = new double[values[c].length];
            for (int d = 0; d < values[c].length; d++) {
                out[c][d] = values[c][d][j];
            }
        }
        return out;
    }

    /**
     * Returns the raw array {@code [chain][draw][parameter]} (not copied: do not modify).
     *
     * @return the values
     */
    public double[][][] values() {
        return values;
    }

    /**
     * Returns the sampler statistics by name, each {@code [chain][draw]}.
     *
     * @return the statistics
     */
    public Map<String, double[][]> stats() {
        return stats;
    }

    /**
     * Counts the draws flagged divergent (statistic {@code divergent} equal to 1).
     *
     * @return the number of divergent transitions after warm-up
     */
    public int divergences() {
        double[][] d = stats.get("divergent");
        if (d == null) {
            return 0;
        }
        return (int) Arrays.stream(d).flatMapToDouble(Arrays::stream).filter(v -> v != 0).count();
    }

    /**
     * Summarises every parameter: mean, sd, quantiles, MCSE, bulk and tail ESS, R-hat.
     *
     * @return one row per flattened parameter
     */
    public List<ParameterSummary> summary() {
        List<ParameterSummary> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(ParameterSummary.of(n, parameter(n)));
        }
        return rows;
    }

    /**
     * The E-BFMI of each chain, from the {@code energy} statistic.
     *
     * @return one value per chain, empty if no energies were recorded
     */
    public double[] ebfmi() {
        double[][] e = stats.get("energy");
        if (e == null) {
            return new double[0];
        }
        double[] out = new double[e.length];
        for (int c = 0; c < e.length; c++) {
            out[c] = Convergence.ebfmi(e[c]);
        }
        return out;
    }
}
