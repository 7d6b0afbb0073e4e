package dev.credence.inference.sgmcmc;

import static dev.credence.inference.sgmcmc.LinearRegressionFixture.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SGLD and SGHMC with constant steps on a conjugate linear regression observed in minibatches of 50
 * of 200 rows, whose posterior {@code N(m, H^-1)} is known.
 *
 * <p><b>The tolerances are derived, not tuned.</b> {@link MomentOracle} gives the exact stationary
 * moments of each sampler on this model: the mean is the posterior mean (no bias), and the
 * covariance exceeds the posterior's by the discretisation and the minibatch noise the sampler does
 * not correct. Each test asserts (1) the sample mean within 4 Monte Carlo standard errors of the
 * posterior mean, (2) the sample covariance within 4 standard errors of the oracle's, and (3) the
 * sample covariance within the oracle's bias plus 4 standard errors of the posterior's. Standard
 * errors come from batch means over 4 chains x 10 batches. A large-step run checks that the tests
 * can tell the two apart: there the bias is large and the samples follow the oracle, not the
 * posterior.
 */
class StationaryMomentsTest {
    static final LinearRegressionFixture F = new LinearRegressionFixture(200, 50, 7);
    static final MomentOracle O = new MomentOracle(F);
    static final double Z = 4;

    static SampleStats run(Dynamics dyn, double step, long burnIn, int samples, int thin) {
        SgmcmcSettings s =
                SgmcmcSettings.of(dyn, PolynomialSchedule.constant(step, burnIn, samples, thin))
                        .withChains(4)
                        .withInit(SgmcmcSettings.Init.UNIFORM, 1);
        List<SgmcmcChain.Result> chains =
                Sgmcmc.sample(
                        F.gradient(), s, RandomKey.of(11), RandomKey.of(12), ProgressListener.NONE);
        return SampleStats.of(SampleStats.batches(chains, 10));
    }

    static void report(String what, SampleStats s, double[][] oracle) {
        System.out.printf(
                "%s: mean %s (posterior %s); var %.5f %.5f, oracle %.5f %.5f, posterior %.5f"
                        + " %.5f; se %.5f %.5f%n",
                what,
                java.util.Arrays.toString(s.mean()),
                java.util.Arrays.toString(F.mean),
                s.cov()[0][0],
                s.cov()[1][1],
                oracle[0][0],
                oracle[1][1],
                F.covariance[0][0],
                F.covariance[1][1],
                s.covSe()[0][0],
                s.covSe()[1][1]);
    }

    static void check(String what, SampleStats s, double[][] oracle) {
        report(what, s, oracle);
        double[][] bias = Mat.plus(oracle, -1, F.covariance);
        s.assertMean(F.mean, Z, what);
        s.assertCov(oracle, Mat.zeros(D, D), Z, what + " against the oracle");
        s.assertCov(F.covariance, bias, Z, what + " against the posterior");
    }

    @Test
    @DisplayName("M0 the oracle equals the closed form of full-batch Langevin dynamics")
    void oracleReducesToClosedForm() {
        // With B = N the gradient is exact and each eigen-direction of H (eigenvalue l) is an AR(1)
        // with coefficient 1 - eps l / 2 and noise eps: variance (1 / l) / (1 - eps l / 4).
        LinearRegressionFixture full = new LinearRegressionFixture(200, 200, 7);
        double eps = 3e-3;
        double[][] cov =
                new MomentOracle(full)
                        .stationary(new Dynamics.Langevin(), eps, 1)
                        .thetaCovariance();
        double[][] h = full.precision;
        double tr = h[0][0] + h[1][1];
        double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        double[] l = {tr / 2 + Math.sqrt(tr * tr / 4 - det), tr / 2 - Math.sqrt(tr * tr / 4 - det)};
        double[][] expected = new double[D][D];
        for (double li : l) {
            double[] v = {h[0][1], li - h[0][0]};
            double norm = Math.hypot(v[0], v[1]);
            double var = (1 / li) / (1 - eps * li / 4);
            for (int a = 0; a < D; a++) {
                for (int c = 0; c < D; c++) {
                    expected[a][c] += var * v[a] * v[c] / (norm * norm);
                }
            }
        }
        for (int a = 0; a < D; a++) {
            for (int c = 0; c < D; c++) {
                assertEquals(expected[a][c], cov[a][c], 1e-12 * Math.abs(expected[0][0]));
            }
        }
    }

    @Test
    @DisplayName("M1 SGLD, small constant step: posterior moments within the derived tolerance")
    void sgldSmallStep() {
        Dynamics dyn = new Dynamics.Langevin();
        double eps = 2e-4;
        double[][] oracle = O.stationary(dyn, eps, 1).thetaCovariance();
        double relBias = oracle[0][0] / F.covariance[0][0] - 1;
        assertTrue(relBias > 0 && relBias < 0.1, "derived relative bias " + relBias);
        check("SGLD eps 2e-4", run(dyn, eps, 4000, 10_000, 10), oracle);
    }

    @Test
    @DisplayName(
            "M2 SGLD, large constant step: samples follow the oracle's bias, not the posterior")
    void sgldLargeStep() {
        Dynamics dyn = new Dynamics.Langevin();
        double eps = 2e-3;
        double[][] oracle = O.stationary(dyn, eps, 1).thetaCovariance();
        SampleStats s = run(dyn, eps, 1000, 10_000, 5);
        report("SGLD eps 2e-3", s, oracle);
        s.assertMean(F.mean, Z, "SGLD eps 2e-3");
        s.assertCov(oracle, Mat.zeros(D, D), Z, "SGLD eps 2e-3 against the oracle");
        for (int a = 0; a < D; a++) {
            double gap = s.cov()[a][a] - F.covariance[a][a];
            assertTrue(
                    gap > 6 * s.covSe()[a][a],
                    "the large step's variance excess " + gap + " should be resolved");
        }
    }

    @Test
    @DisplayName("M3 SGHMC, constant step: posterior moments within the derived tolerance")
    void sghmc() {
        Dynamics dyn = new Dynamics.Hamiltonian(0.1);
        double eta = 3e-5;
        double[][] oracle = O.stationary(dyn, eta, 1).thetaCovariance();
        double relBias = oracle[0][0] / F.covariance[0][0] - 1;
        assertTrue(relBias > 0 && relBias < 0.15, "derived relative bias " + relBias);
        check("SGHMC eta 3e-5 friction 0.1", run(dyn, eta, 2000, 10_000, 5), oracle);
    }

    @Test
    @DisplayName("M4 a temperature scales the stationary covariance as the oracle says")
    void temperature() {
        Dynamics dyn = new Dynamics.Hamiltonian(0.1);
        double eta = 3e-5;
        double[][] oracle = O.stationary(dyn, eta, 0.25).thetaCovariance();
        SgmcmcSettings s =
                SgmcmcSettings.of(dyn, PolynomialSchedule.constant(eta, 2000, 5_000, 5))
                        .withChains(4)
                        .withTemperature(0.25)
                        .withInit(SgmcmcSettings.Init.UNIFORM, 1);
        List<SgmcmcChain.Result> chains =
                Sgmcmc.sample(
                        F.gradient(), s, RandomKey.of(21), RandomKey.of(22), ProgressListener.NONE);
        SampleStats st = SampleStats.of(SampleStats.batches(chains, 10));
        report("SGHMC T = 0.25", st, oracle);
        st.assertMean(F.mean, Z, "T = 0.25");
        st.assertCov(oracle, Mat.zeros(D, D), Z, "T = 0.25 against the oracle");
    }
}
