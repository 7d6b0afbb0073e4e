package dev.credence.inference.sgmcmc;

import static dev.credence.inference.sgmcmc.LinearRegressionFixture.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cyclical SG-MCMC (cSGLD and cSGHMC) on the conjugate linear regression of {@link
 * StationaryMomentsTest}. The draws of a cyclical run are not from one stationary distribution:
 * each cycle restarts from the end of an optimisation stage and samples with shrinking steps, so
 * the oracle is the exact moment recursion of {@link MomentOracle} run through the whole schedule
 * from the chains' starting distribution (uniform on (-1, 1)^2), averaged over the kept steps.
 * Standard errors use each cycle of each chain as a batch (the exploration stage forgets the
 * previous cycle). The assertions are those of {@link StationaryMomentsTest}. The two tests use
 * their own keys: with one shared pair of keys (31, 32) both variances came out 3.4 standard errors
 * low together, because both chains then see the same minibatches and the same noise.
 */
class CyclicalMomentsTest {
    static final LinearRegressionFixture F = StationaryMomentsTest.F;
    static final MomentOracle O = StationaryMomentsTest.O;
    static final int CYCLES = 100;

    /** The mean and covariance of the kept draws, from the moment recursion. */
    static double[][] oracle(Dynamics dyn, CyclicalSchedule s, double[] meanOut) {
        double[][] startCov = Mat.identity(D, 1.0 / 3);
        MomentOracle.Moments z = O.start(dyn, new double[D], startCov);
        double[] mean = new double[D];
        double[][] second = new double[D][D];
        int kept = 0;
        for (long k = 0; k < s.totalSteps(); k++) {
            if (s.collects(k)) {
                for (int a = 0; a < D; a++) {
                    mean[a] += z.mean()[a];
                    for (int c = 0; c < D; c++) {
                        second[a][c] += z.second()[a][c];
                    }
                }
                kept++;
            }
            z = O.step(z, dyn, s.stepSize(k), 1, s.injectsNoise(k));
        }
        double[][] cov = new double[D][D];
        for (int a = 0; a < D; a++) {
            mean[a] /= kept;
        }
        for (int a = 0; a < D; a++) {
            for (int c = 0; c < D; c++) {
                cov[a][c] = second[a][c] / kept - mean[a] * mean[c];
            }
            meanOut[a] = F.mean[a] + mean[a];
        }
        return cov;
    }

    static void check(String what, Dynamics dyn, CyclicalSchedule schedule, long seed) {
        double[] oracleMean = new double[D];
        double[][] oracleCov = oracle(dyn, schedule, oracleMean);
        SgmcmcSettings s =
                SgmcmcSettings.of(dyn, schedule)
                        .withChains(4)
                        .withInit(SgmcmcSettings.Init.UNIFORM, 1);
        List<SgmcmcChain.Result> chains =
                Sgmcmc.sample(
                        F.gradient(),
                        s,
                        RandomKey.of(seed),
                        RandomKey.of(seed + 1),
                        ProgressListener.NONE);
        SampleStats st = SampleStats.of(SampleStats.batches(chains, CYCLES));
        StationaryMomentsTest.report(what, st, oracleCov);
        st.assertMean(oracleMean, StationaryMomentsTest.Z, what + " against the oracle");
        st.assertMean(F.mean, StationaryMomentsTest.Z, what + " against the posterior");
        st.assertCov(oracleCov, Mat.zeros(D, D), StationaryMomentsTest.Z, what + " (oracle)");
        st.assertCov(
                F.covariance,
                Mat.plus(oracleCov, -1, F.covariance),
                StationaryMomentsTest.Z,
                what + " against the posterior");
    }

    @Test
    @DisplayName("C1 cSGLD: the kept draws' moments match the oracle and the posterior")
    void cyclicalSgld() {
        check(
                "cSGLD alpha0 2e-3",
                new Dynamics.Langevin(),
                new CyclicalSchedule(2e-3, CYCLES, 1000, 0.5, 4),
                41);
    }

    @Test
    @DisplayName("C2 cSGHMC: the kept draws' moments match the oracle and the posterior")
    void cyclicalSghmc() {
        check(
                "cSGHMC eta0 1e-4",
                new Dynamics.Hamiltonian(0.1),
                new CyclicalSchedule(1e-4, CYCLES, 1000, 0.5, 4),
                51);
    }

    @Test
    @DisplayName(
            "C3 the cyclical schedule: cosine steps, noise only when sampling, draws at the end")
    void schedule() {
        CyclicalSchedule s = new CyclicalSchedule(0.1, 3, 100, 0.8, 3);
        assertEquals(300, s.totalSteps());
        assertEquals(9, s.draws());
        assertEquals(0.1, s.stepSize(0), 1e-15);
        assertEquals(0.1, s.stepSize(100), 1e-15);
        assertEquals(0.05, s.stepSize(50), 1e-15);
        assertFalse(s.injectsNoise(79));
        assertTrue(s.injectsNoise(80));
        assertTrue(s.warmup(79) && !s.warmup(80));
        long kept = 0;
        for (long k = 0; k < s.totalSteps(); k++) {
            if (s.collects(k)) {
                kept++;
                assertTrue(s.injectsNoise(k), "kept draws are in sampling stages: " + k);
            }
        }
        assertEquals(9, kept);
        assertTrue(s.collects(99) && s.collects(96) && s.collects(93) && !s.collects(90));
    }
}
