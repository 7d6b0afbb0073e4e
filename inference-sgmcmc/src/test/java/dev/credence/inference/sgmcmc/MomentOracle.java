package dev.credence.inference.sgmcmc;

import static dev.credence.inference.sgmcmc.LinearRegressionFixture.D;

/**
 * The exact first two moments of SGLD and SGHMC chains on {@link LinearRegressionFixture}, step by
 * step: where the test tolerances come from.
 *
 * <p>On this model the minibatch gradient at {@code theta = m + e} is {@code g_b = delta_b - H_b
 * e}, with {@code H_b = I + (N/B) sum_(i in b) x_i x_i'} and {@code delta_b = (N/B) sum_(i in b)
 * r_i - m} for the residual scores {@code r_i = x_i (y_i - x_i' m)}; both are unbiased ({@code E
 * H_b = H}, {@code E delta_b = 0}). Both samplers are then linear recursions with random
 * coefficients,
 *
 * <pre>
 * z' = (A0 + L H_b R) z - L delta_b + noise,
 * </pre>
 *
 * where {@code z = e} for SGLD ({@code A0 = I}, {@code L = -(eps/2) I}, {@code R = I}, noise {@code
 * N(0, eps T)}) and {@code z = (e, v)} for SGHMC ({@code A0 = [[I, (1-a) I], [0, (1-a) I]]}, {@code
 * L = -eta [I; I]}, {@code R = [I 0]}, the same noise {@code N(0, 2 a eta T)} added to both
 * blocks). Since the minibatch of a step is independent of the state, the mean obeys {@code mu' =
 * (A0 + L H R) mu} exactly (so the stationary mean is the posterior mean: no bias), and the second
 * moment {@code S = E[z z']} obeys
 *
 * <pre>
 * S' = E[A_b S A_b'] + L E[delta delta'] L' - L E[H_b R mu delta'] ... (+ transpose) + noise,
 * </pre>
 *
 * whose expectations over a minibatch drawn without replacement follow from {@code P(i in b) = B/N}
 * and {@code P(i, j in b) = B(B-1) / (N(N-1))}. Iterating these maps gives the stationary
 * covariance of a constant step, and the moments at every step of any schedule.
 */
final class MomentOracle {
    /** Moments of z: its mean and E[z z']. */
    record Moments(double[] mean, double[][] second) {
        /** The covariance of the first D coordinates (theta). */
        double[][] thetaCovariance() {
            double[][] c = new double[D][D];
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    c[a][b] = second[a][b] - mean[a] * mean[b];
                }
            }
            return c;
        }
    }

    private final LinearRegressionFixture f;
    private final double[][] h;
    private final double[][] k;

    /** mqm[a][b][c][e] = sum_i M_i[a][c] M_i[e][b]: sum_i M_i Q M_i = contraction with Q. */
    private final double[][][][] mqm = new double[D][D][D][D];

    /** mur[a][b][c] = sum_i M_i[a][b] r_i[c]: sum_i M_i u r_i' = contraction with u. */
    private final double[][][] mur = new double[D][D][D];

    /** sum_i r_i r_i'. */
    private final double[][] rr = new double[D][D];

    private final double scale;
    private final double pi;
    private final double pij;
    private final double[] pm;

    MomentOracle(LinearRegressionFixture f) {
        this.f = f;
        int n = f.n;
        h = f.precision;
        k = Mat.plus(f.precision, -1, Mat.identity(D, 1));
        for (int i = 0; i < n; i++) {
            double[][] mi = Mat.outer(f.x[i], f.x[i]);
            double res = f.y[i] - (f.x[i][0] * f.mean[0] + f.x[i][1] * f.mean[1]);
            double[] ri = {f.x[i][0] * res, f.x[i][1] * res};
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    rr[a][b] += ri[a] * ri[b];
                    for (int c = 0; c < D; c++) {
                        mur[a][b][c] += mi[a][b] * ri[c];
                        for (int e = 0; e < D; e++) {
                            mqm[a][b][c][e] += mi[a][c] * mi[e][b];
                        }
                    }
                }
            }
        }
        scale = (double) n / f.batch;
        pi = (double) f.batch / n;
        pij = f.batch * (f.batch - 1.0) / (n * (n - 1.0));
        pm = f.mean.clone(); // the prior precision is I, so P m = m
    }

    /** The moments of z for a chain started at a point drawn from N(mean, cov), at rest. */
    Moments start(Dynamics dyn, double[] thetaMean, double[][] thetaCov) {
        int nz = size(dyn);
        double[] mu = new double[nz];
        double[][] s = new double[nz][nz];
        for (int a = 0; a < D; a++) {
            mu[a] = thetaMean[a] - f.mean[a];
        }
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                s[a][b] = thetaCov[a][b] + mu[a] * mu[b];
            }
        }
        return new Moments(mu, s);
    }

    /** The moments after one update with a step size, with or without injected noise. */
    Moments step(Moments z, Dynamics dyn, double step, double temperature, boolean noise) {
        int nz = size(dyn);
        double[][] a0 = Mat.identity(nz, 1);
        double[][] l = new double[nz][D];
        double[][] rsel = new double[D][nz];
        double[][] q = new double[nz][nz];
        for (int a = 0; a < D; a++) {
            rsel[a][a] = 1;
        }
        if (dyn instanceof Dynamics.Hamiltonian hmc) {
            double keep = 1 - hmc.friction();
            double var = noise ? 2 * hmc.friction() * step * temperature : 0;
            for (int a = 0; a < D; a++) {
                a0[a][D + a] = keep;
                a0[D + a][D + a] = keep;
                l[a][a] = -step;
                l[D + a][a] = -step;
                q[a][a] = var;
                q[a][D + a] = var;
                q[D + a][a] = var;
                q[D + a][D + a] = var;
            }
        } else {
            for (int a = 0; a < D; a++) {
                l[a][a] = -step / 2;
                q[a][a] = noise ? step * temperature : 0;
            }
        }
        double[][] abar = Mat.plus(a0, 1, Mat.times(Mat.times(l, h), rsel));
        double[] mu = Mat.times(abar, z.mean());
        double[][] s = z.second();
        double[][] sr = Mat.times(s, Mat.transpose(rsel));
        double[][] next = Mat.sandwich(a0, s);
        double[][] cross = Mat.times(Mat.times(a0, sr), Mat.transpose(Mat.times(l, h)));
        next = Mat.plus(next, 1, cross);
        next = Mat.plus(next, 1, Mat.transpose(cross));
        next = Mat.plus(next, 1, Mat.sandwich(l, hQh(Mat.times(rsel, sr))));
        next = Mat.plus(next, 1, Mat.sandwich(l, deltaSecond()));
        // z' contains -L delta_b, so E[(L H_b R z)(-L delta_b)'] = -L E[H_b u delta'] L'.
        double[][] hd =
                Mat.times(Mat.times(l, hDelta(Mat.times(rsel, z.mean()))), Mat.transpose(l));
        next = Mat.plus(next, -1, hd);
        next = Mat.plus(next, -1, Mat.transpose(hd));
        next = Mat.plus(next, 1, q);
        // S is symmetric; averaging with the transpose stops rounding errors from feeding an
        // antisymmetric part, which the terms above (written for symmetric S) would not damp.
        next = Mat.plus(next, 1, Mat.transpose(next));
        for (double[] row : next) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= 2;
            }
        }
        return new Moments(mu, next);
    }

    /** The stationary moments of a constant step. */
    Moments stationary(Dynamics dyn, double step, double temperature) {
        Moments z = new Moments(new double[size(dyn)], Mat.zeros(size(dyn), size(dyn)));
        for (int it = 0; it < 1_000_000; it++) {
            Moments next = step(z, dyn, step, temperature, true);
            double change = Mat.maxAbs(Mat.plus(next.second(), -1, z.second()));
            z = next;
            if (change < 1e-15 * Mat.maxAbs(z.second())) {
                return z;
            }
        }
        throw new IllegalStateException("the moment recursion did not converge: step too large?");
    }

    /** E[H_b Q H_b] for H_b = I + K_b. */
    private double[][] hQh(double[][] qm) {
        double[][] diag = new double[D][D];
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                for (int c = 0; c < D; c++) {
                    for (int e = 0; e < D; e++) {
                        diag[a][b] += mqm[a][b][c][e] * qm[c][e];
                    }
                }
            }
        }
        double[][] kqk = Mat.times(Mat.times(k, qm), k);
        double[][] ekqk =
                Mat.plus(
                        Mat.plus(Mat.zeros(D, D), scale * scale * pi, diag),
                        scale * scale * pij,
                        Mat.plus(kqk, -1, diag));
        double[][] out = Mat.plus(qm, 1, Mat.times(qm, k));
        out = Mat.plus(out, 1, Mat.times(k, qm));
        return Mat.plus(out, 1, ekqk);
    }

    /** E[delta_b delta_b']. */
    private double[][] deltaSecond() {
        double[][] pp = Mat.outer(pm, pm);
        return Mat.plus(
                Mat.plus(Mat.zeros(D, D), scale * scale * (pi - pij), rr),
                scale * scale * pij - 1,
                pp);
    }

    /** E[H_b u delta_b'] = E[K_b u delta_b'] (delta_b has mean 0). */
    private double[][] hDelta(double[] u) {
        double[][] s = new double[D][D];
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                for (int c = 0; c < D; c++) {
                    s[a][c] += mur[a][b][c] * u[b];
                }
            }
        }
        double[][] ku = Mat.outer(Mat.times(k, u), pm);
        return Mat.plus(
                Mat.plus(Mat.zeros(D, D), scale * scale * (pi - pij), s),
                scale * scale * pij - 1,
                ku);
    }

    private static int size(Dynamics dyn) {
        return dyn instanceof Dynamics.Hamiltonian ? 2 * D : D;
    }
}
