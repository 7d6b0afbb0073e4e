package dev.credence.inference.hmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.NotPositiveDefiniteException;
import dev.credence.api.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * The Euclidean metric of the kinetic energy {@code K(p) = p^T M^-1 p / 2}. Warm-up estimates the
 * inverse metric {@code M^-1} as the posterior (co)variance, so that the sampler sees a roughly
 * isotropic target.
 *
 * <p>Diagonal: {@code M^-1 = diag(v)}. Dense: {@code M^-1 = S} with Cholesky factor {@code S = L
 * L^T}; momenta are drawn as {@code p = L^-T z}, whose covariance is {@code S^-1 = M}.
 */
public abstract sealed class Metric permits Metric.Diagonal, Metric.Dense {

    /**
     * Returns the kinetic energy.
     *
     * @param p the momentum
     * @return {@code p^T M^-1 p / 2}
     */
    public abstract double kinetic(double[] p);

    /**
     * Computes the velocity {@code dq/dt = M^-1 p}.
     *
     * @param p the momentum
     * @param out receives the velocity
     */
    public abstract void velocity(double[] p, double[] out);

    /**
     * Draws a momentum from {@code N(0, M)}.
     *
     * @param rng the chain's generator
     * @param out receives the momentum
     */
    public abstract void sampleMomentum(SplittableRandom rng, double[] out);

    /**
     * Returns the dimension.
     *
     * @return d
     */
    public abstract int dimension();

    /** {@code M^-1 = diag(v)}. */
    public static final class Diagonal extends Metric {
        private final double[] inv;
        private final double[] sd;

        /**
         * Creates the metric.
         *
         * @param inverseMassDiagonal the diagonal of {@code M^-1}, all positive
         */
        public Diagonal(double[] inverseMassDiagonal) {
            inv = inverseMassDiagonal.clone();
            sd = new double[inv.length];
            for (int i = 0; i < inv.length; i++) {
                if (!(inv[i] > 0) || Double.isInfinite(inv[i])) {
                    throw new IllegalArgumentException(
                            "metric: inverse mass "
                                    + i
                                    + " must be positive and finite, found "
                                    + inv[i]);
                }
                sd[i] = 1 / Math.sqrt(inv[i]);
            }
        }

        /**
         * The identity metric.
         *
         * @param d the dimension
         * @return the metric
         */
        public static Diagonal unit(int d) {
            double[] v = new double[d];
            java.util.Arrays.fill(v, 1);
            return new Diagonal(v);
        }

        /**
         * Returns a copy of the diagonal of {@code M^-1}.
         *
         * @return the diagonal
         */
        public double[] inverseMassDiagonal() {
            return inv.clone();
        }

        @Override
        public double kinetic(double[] p) {
            double k = 0;
            for (int i = 0; i < p.length; i++) {
                k += p[i] * p[i] * inv[i];
            }
            return 0.5 * k;
        }

        @Override
        public void velocity(double[] p, double[] out) {
            for (int i = 0; i < p.length; i++) {
                out[i] = inv[i] * p[i];
            }
        }

        @Override
        public void sampleMomentum(SplittableRandom rng, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextGaussian() * sd[i];
            }
        }

        @Override
        public int dimension() {
            return inv.length;
        }
    }

    /**
     * {@code M^-1 = S}, a symmetric positive-definite matrix. The Cholesky factor {@code S = L L^T}
     * comes from {@link LinearAlgebra#checkedCholesky} on the density's backend, once per metric;
     * momenta are then drawn as {@code p = L^-T z} with {@code L^-T} precomputed by a triangular
     * solve, so a draw is one matrix-vector product on the host.
     */
    public static final class Dense extends Metric {
        private final double[][] s;
        private final double[][] lInvT;

        /**
         * Creates the metric.
         *
         * @param backend the backend that factorises the matrix
         * @param inverseMass {@code M^-1}, symmetric positive definite
         * @throws IllegalArgumentException if the matrix is not positive definite
         */
        public Dense(Backend backend, double[][] inverseMass) {
            int d = inverseMass.length;
            s = new double[d][];
            double[] flat = new double[d * d];
            for (int i = 0; i < d; i++) {
                s[i] = inverseMass[i].clone();
                System.arraycopy(s[i], 0, flat, i * d, d);
            }
            lInvT = new double[d][d];
            if (d == 0) {
                return;
            }
            Tensor l;
            try {
                l = LinearAlgebra.checkedCholesky(Tensor.of(backend, flat, d, d));
            } catch (NotPositiveDefiniteException e) {
                throw new IllegalArgumentException(
                        "metric: inverse mass matrix is not positive definite", e);
            }
            Tensor eye = LinearAlgebra.eye(backend, d, DType.FLOAT64);
            double[] u = LinearAlgebra.triangularSolve(l, eye, true, true).toDoubleArray();
            for (int i = 0; i < d; i++) {
                System.arraycopy(u, i * d, lInvT[i], 0, d);
            }
        }

        /**
         * Returns a copy of {@code M^-1}.
         *
         * @return the matrix
         */
        public double[][] inverseMass() {
            double[][] c = new double[s.length][];
            for (int i = 0; i < s.length; i++) {
                c[i] = s[i].clone();
            }
            return c;
        }

        @Override
        public double kinetic(double[] p) {
            double k = 0;
            for (int i = 0; i < p.length; i++) {
                double row = 0;
                for (int j = 0; j < p.length; j++) {
                    row += s[i][j] * p[j];
                }
                k += p[i] * row;
            }
            return 0.5 * k;
        }

        @Override
        public void velocity(double[] p, double[] out) {
            for (int i = 0; i < p.length; i++) {
                double row = 0;
                for (int j = 0; j < p.length; j++) {
                    row += s[i][j] * p[j];
                }
                out[i] = row;
            }
        }

        @Override
        public void sampleMomentum(SplittableRandom rng, double[] out) {
            int d = out.length;
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = rng.nextGaussian();
            }
            // p = L^-T z; L^-T is upper triangular.
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int k = i; k < d; k++) {
                    sum += lInvT[i][k] * z[k];
                }
                out[i] = sum;
            }
        }

        @Override
        public int dimension() {
            return s.length;
        }
    }
}
