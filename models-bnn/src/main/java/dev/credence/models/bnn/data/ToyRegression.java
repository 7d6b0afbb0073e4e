package dev.credence.models.bnn.data;

import dev.credence.api.random.RandomKey;

/**
 * A one-dimensional regression with a gap in the data, the standard picture of epistemic
 * uncertainty (Foong et al., "'In-between' uncertainty in Bayesian neural networks", 2019): inputs
 * uniform on {@code [-2, -0.8]} and {@code [0.8, 2]}, targets {@code sin(2x) + noise * e}. A good
 * posterior is confident on the two clusters and uncertain in the gap {@code |x| < 0.5} and beyond
 * {@code |x| > 2.5}.
 *
 * @param x the inputs
 * @param y the targets
 * @param noise the noise standard deviation used
 */
public record ToyRegression(double[] x, double[] y, double noise) {
    /** The inner edge of the two data clusters. */
    public static final double INNER = 0.8;

    /** The outer edge of the two data clusters. */
    public static final double OUTER = 2.0;

    /** Half-width of the gap region scored as "in the gap". */
    public static final double GAP = 0.5;

    /** Inputs beyond this magnitude are scored as "outside the data". */
    public static final double BEYOND = 2.5;

    /**
     * Draws a data set, half of the points in each cluster.
     *
     * @param n the number of points, at least 2
     * @param noise the noise standard deviation
     * @param key the random key
     * @return the data
     */
    public static ToyRegression gap(int n, double noise, RandomKey key) {
        if (n < 2) {
            throw new IllegalArgumentException("toy regression: needs n >= 2, found " + n);
        }
        double[] u = key.fold(1).uniformDoubles(n);
        double[] e = key.fold(2).normalDoubles(n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = -OUTER + (OUTER - INNER) * u[i];
            x[i] = i < n / 2 ? t : -t;
            y[i] = truth(x[i]) + noise * e[i];
        }
        return new ToyRegression(x, y, noise);
    }

    /**
     * The noise-free function.
     *
     * @param x the input
     * @return {@code sin(2x)}
     */
    public static double truth(double x) {
        return Math.sin(2 * x);
    }

    /**
     * An evenly spaced grid over {@code [-3, 3]}.
     *
     * @param points the number of points, at least 2
     * @return the grid
     */
    public static double[] grid(int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = -3 + 6.0 * i / (points - 1);
        }
        return g;
    }

    /**
     * Averages a per-point quantity over the three regions.
     *
     * @param grid the inputs
     * @param v the values at the inputs
     * @return {@code [mean on the data clusters, mean in the gap, mean outside]}
     */
    public static double[] regionMeans(double[] grid, double[] v) {
        double[] sum = new double[3];
        int[] n = new int[3];
        for (int i = 0; i < grid.length; i++) {
            double a = Math.abs(grid[i]);
            int r = a >= INNER && a <= OUTER ? 0 : a < GAP ? 1 : a > BEYOND ? 2 : -1;
            if (r >= 0) {
                sum[r] += v[i];
                n[r]++;
            }
        }
        return new double[] {sum[0] / n[0], sum[1] / n[1], sum[2] / n[2]};
    }
}
