package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Automatic guides for local latent variables in a minibatched hierarchical model:
 *
 * <pre>
 * mu ~ Normal(0, 10),   theta_n ~ Normal(mu, 1),   y_n ~ Normal(theta_n, sigma),   n = 1..N
 * </pre>
 *
 * with the plate over groups subsampling B = 10 of N = 30. The joint posterior is Gaussian, so the
 * mean-field Gaussian's means and the MAP are both the exact posterior means: {@code E[mu | y] =
 * (sum y / (1 + sigma^2)) / P} with {@code P = 1/100 + N / (1 + sigma^2)}, and {@code E[theta_n |
 * y] = (y_n / sigma^2 + E[mu | y]) / (1 / sigma^2 + 1)}.
 *
 * <p>Tolerance: 0.05 on every mean (posterior sds are about 0.45 for theta, 0.2 for mu); the
 * measured errors are printed.
 */
class LocalLatentTest {
    static final Backend B = GuideRecoveryTest.B;
    static final int N = 30;
    static final double SIGMA = 0.5;
    static final double[] Y = new double[N];

    static {
        for (int n = 0; n < N; n++) {
            Y[n] = 1.0 + 1.2 * Math.sin(1.3 * n + 0.2);
        }
    }

    static Model model(int batch) {
        Tensor y = Tensor.of(B, Y, N);
        return ctx -> {
            Tensor mu = ctx.sample("mu", Normal.of(B, 0, 10));
            try (Plate p = ctx.plate("groups", N, batch)) {
                Tensor theta = ctx.sample("theta", new Normal(mu, mu.onesLike()));
                ctx.observe("y", new Normal(theta, theta.scalarLike(SIGMA)), p.subsample(y, 0));
            }
        };
    }

    static double[] exactThetaMeans() {
        double v = 1 + SIGMA * SIGMA;
        double sum = 0;
        for (double y : Y) {
            sum += y / v;
        }
        double mu = sum / (0.01 + N / v);
        double[] m = new double[N];
        for (int n = 0; n < N; n++) {
            m[n] = (Y[n] / (SIGMA * SIGMA) + mu) / (1 / (SIGMA * SIGMA) + 1);
        }
        return m;
    }

    static double exactMu() {
        double v = 1 + SIGMA * SIGMA;
        double sum = 0;
        for (double y : Y) {
            sum += y / v;
        }
        return sum / (0.01 + N / v);
    }

    static SviResult fit(Model model, Model guide, Svi[] out) {
        int steps = 6000;
        Svi svi =
                new Svi(
                        model,
                        guide,
                        Adam.clipped(0.05, 10, Math.pow(0.01, 1.0 / steps)),
                        new TraceMeanFieldElbo(1));
        out[0] = svi;
        return svi.run(RandomKey.of(12), SviSettings.of(steps), ProgressListener.NONE);
    }

    @Test
    @DisplayName("AutoNormal fits per-group latents under subsampling; draws cover all N groups")
    void autoNormalLocal() {
        Model model = model(10);
        AutoNormal guide = new AutoNormal(model, RandomKey.of(1));
        Svi[] svi = new Svi[1];
        SviResult r = fit(model, guide, svi);
        Map<String, Tensor> p = r.params();
        assertArrayEquals(new int[] {N}, p.get("auto.theta.loc").shape().dims());
        double thetaErr =
                GuideRecoveryTest.maxAbsDiff(
                        p.get("auto.theta.loc").toDoubleArray(), exactThetaMeans());
        double muErr = Math.abs(p.get("auto.mu.loc").item() - exactMu());
        System.out.printf(
                "AutoNormal, local latents (B=10 of N=30): max |theta mean error| %.4f, |mu mean"
                        + " error| %.4f%n",
                thetaErr, muErr);
        assertTrue(thetaErr < 0.05, "theta means " + thetaErr);
        assertTrue(muErr < 0.05, "mu mean " + muErr);

        Posterior post = svi[0].posterior(r.state(), RandomKey.of(2));
        Tensor theta = post.sample(RandomKey.of(3), 400).get("theta");
        assertArrayEquals(new int[] {400, N}, theta.shape().dims());
        Map<String, Tensor> pred = post.predictive(model, RandomKey.of(4), 3);
        assertEquals(N, pred.get("y").dim(1), "prediction covers every group");
    }

    @Test
    @DisplayName("AutoDelta finds the joint mode of global and per-group latents under subsampling")
    void autoDeltaLocal() {
        Model model = model(10);
        AutoDelta guide = new AutoDelta(model, RandomKey.of(1));
        SviResult r = fit(model, guide, new Svi[1]);
        double thetaErr =
                GuideRecoveryTest.maxAbsDiff(
                        r.params().get("auto.theta").toDoubleArray(), exactThetaMeans());
        double muErr = Math.abs(r.params().get("auto.mu").item() - exactMu());
        System.out.printf(
                "AutoDelta, local latents: max |theta mode error| %.4f, |mu mode error| %.4f%n",
                thetaErr, muErr);
        assertTrue(thetaErr < 0.05, "theta modes " + thetaErr);
        assertTrue(muErr < 0.05, "mu mode " + muErr);
    }
}
