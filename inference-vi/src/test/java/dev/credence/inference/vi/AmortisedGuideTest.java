package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModuleSites;
import dev.credence.api.model.Plate;
import dev.credence.api.model.SiteKind;
import dev.credence.api.model.Trace;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Params;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A user-written, amortised guide: a linear encoder maps each data point to the mean and log-scale
 * of its latent variable, its weights declared as param sites with {@link ModuleSites}.
 *
 * <p>The toy problem is a one-dimensional factor model with a learnt offset {@code b} (a param of
 * the model): {@code z_n ~ Normal(0, 1)}, {@code x_n ~ Normal(a z_n + b, sigma I_2)}. Its exact
 * posterior is {@code z_n | x_n ~ Normal(v a^T (x_n - b) / sigma^2, v)} with {@code v = 1 / (1 +
 * |a|^2 / sigma^2)}, linear in {@code x_n}, so the encoder can represent it exactly; and the
 * maximum-likelihood {@code b} is the data mean.
 */
class AmortisedGuideTest {
    static final Backend B = GuideRecoveryTest.B;
    static final int N = 64;
    static final int BATCH = 16;
    static final double[] A = {1.0, -0.5};
    static final double SIGMA = 0.5;
    static final Linear ENCODER = new Linear(2, 2);

    final Tensor x;
    final double[] mean = new double[2];

    AmortisedGuideTest() {
        double[] d = new double[N * 2];
        for (int n = 0; n < N; n++) {
            double z = 1.3 * Math.sin(0.77 * n + 0.4);
            d[2 * n] = A[0] * z + 0.3 + 0.4 * Math.sin(3.1 * n);
            d[2 * n + 1] = A[1] * z - 0.2 + 0.4 * Math.cos(2.3 * n + 0.5);
            mean[0] += d[2 * n] / N;
            mean[1] += d[2 * n + 1] / N;
        }
        x = Tensor.of(B, d, N, 2);
    }

    Model model() {
        Tensor a = Tensor.of(B, A, 2);
        return ctx -> {
            Tensor bias = ctx.param("decoder.bias", Tensor.zeros(B, DType.FLOAT64, 2));
            try (Plate p = ctx.plate("data", N, BATCH)) {
                Tensor z = ctx.sample("z", Normal.of(B, 0, 1));
                Tensor loc = z.unsqueeze(-1).mul(a).add(bias);
                ctx.observe("x", new Independent(Normal.of(loc, SIGMA), 1), p.subsample(x, 0));
            }
        };
    }

    static Tensor[] encode(Params p, Tensor xb) {
        Tensor out = ENCODER.apply(p, xb, null);
        return new Tensor[] {
            out.narrow(-1, 0, 1).squeeze(-1), out.narrow(-1, 1, 2).squeeze(-1).exp()
        };
    }

    Model guide(Map<String, Tensor> init) {
        return ctx -> {
            Params p = ModuleSites.params(ctx, "encoder", init);
            try (Plate pl = ctx.plate("data", N, BATCH)) {
                Tensor[] q = encode(p, pl.subsample(x, 0));
                ctx.sample("z", new Normal(q[0], q[1]));
            }
        };
    }

    @Test
    @DisplayName("an amortised encoder learns the exact per-point posteriors on a toy factor model")
    void encoderLearnsPosterior() {
        Map<String, Tensor> init = ENCODER.init(B, DType.FLOAT64, RandomKey.of(5));
        Model model = model();
        Model guide = guide(init);
        int steps = 6000;
        Svi svi =
                new Svi(
                        model,
                        guide,
                        Adam.clipped(0.05, 10, Math.pow(0.02, 1.0 / steps)),
                        new TraceMeanFieldElbo(1));
        SviResult r = svi.run(RandomKey.of(6), SviSettings.of(steps), ProgressListener.NONE);
        Map<String, Tensor> fitted = r.params();
        assertTrue(fitted.containsKey("encoder.weight") && fitted.containsKey("encoder.bias"));

        double[] b = fitted.get("decoder.bias").toDoubleArray();
        double biasErr = Math.max(Math.abs(b[0] - mean[0]), Math.abs(b[1] - mean[1]));
        double v = 1 / (1 + (A[0] * A[0] + A[1] * A[1]) / (SIGMA * SIGMA));
        Params p =
                Params.of(
                        Map.of(
                                "weight",
                                fitted.get("encoder.weight"),
                                "bias",
                                fitted.get("encoder.bias")));
        Tensor[] q = encode(p, x);
        double[] loc = q[0].toDoubleArray();
        double[] scale = q[1].toDoubleArray();
        double[] xs = x.toDoubleArray();
        double locErr = 0;
        double scaleErr = 0;
        for (int n = 0; n < N; n++) {
            double m =
                    v
                            * (A[0] * (xs[2 * n] - b[0]) + A[1] * (xs[2 * n + 1] - b[1]))
                            / (SIGMA * SIGMA);
            locErr = Math.max(locErr, Math.abs(loc[n] - m));
            scaleErr = Math.max(scaleErr, Math.abs(scale[n] / Math.sqrt(v) - 1));
        }
        System.out.printf(
                "amortised guide: max |posterior mean error| %.4f (posterior sd %.3f), max"
                        + " relative sd error %.4f, max |offset error| %.4f; final ELBO %.2f%n",
                locErr, Math.sqrt(v), scaleErr, biasErr, r.meanElbo(100));
        assertTrue(locErr < 0.05, "encoder means " + locErr);
        assertTrue(scaleErr < 0.1, "encoder scales " + scaleErr);
        assertTrue(biasErr < 0.05, "learnt offset " + biasErr);

        Posterior post = svi.posterior(r.state(), RandomKey.of(7));
        assertEquals(N, post.sample(RandomKey.of(8), 3).get("z").dim(1), "draws cover all points");
    }

    @Test
    @DisplayName("ModuleSites declares one param site per module parameter, substitutable")
    void moduleSites() {
        Map<String, Tensor> init = ENCODER.init(B, DType.FLOAT64, RandomKey.of(5));
        Model m = ctx -> ModuleSites.params(ctx, "enc", init);
        Trace t = Handlers.trace(m);
        assertEquals(SiteKind.PARAM, t.get("enc.weight").kind());
        assertEquals(SiteKind.PARAM, t.get("enc.bias").kind());
        Tensor w = Tensor.zeros(B, DType.FLOAT64, 2, 2);
        Params[] seen = new Params[1];
        Model bound =
                ParamSpace.bind(
                        ctx -> seen[0] = ModuleSites.params(ctx, "enc", init),
                        Map.of("enc.weight", w));
        Handlers.trace(bound);
        assertEquals(0, seen[0].get("weight").abs().sum().item());
        assertThrows(
                IllegalArgumentException.class,
                () -> Handlers.trace(ctx -> ModuleSites.params(ctx, "", init)));
    }
}
