package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.Sbc;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** The model families {@code credence sbc} can calibrate against. */
final class SbcFamilies {
    private SbcFamilies() {}

    static final List<String> NAMES = List.of("normal", "hierarchical");

    static Sbc.Family of(String name, Backend b) {
        return switch (name) {
            case "normal" -> normal(b);
            case "hierarchical" -> hierarchical(b);
            default ->
                    throw new IllegalArgumentException(
                            "unknown SBC family '" + name + "'; available: " + NAMES);
        };
    }

    /** {@code mu ~ N(0,1), sigma ~ HalfNormal(1), y_i ~ N(mu, sigma)} for 10 observations. */
    private static Sbc.Family normal(Backend b) {
        return new Sbc.Family() {
            @Override
            public Map<String, Double> prior(RandomKey key) {
                double[] z = key.normalDoubles(2);
                return Map.of("mu", z[0], "sigma", Math.abs(z[1]));
            }

            @Override
            public Model model(Map<String, Double> t, RandomKey key) {
                double[] e = key.normalDoubles(10);
                double[] y = new double[10];
                for (int i = 0; i < 10; i++) {
                    y[i] = t.get("mu") + t.get("sigma") * e[i];
                }
                Tensor data = Tensor.of(b, y, 10);
                return ctx -> {
                    Tensor mu = ctx.sample("mu", Normal.of(b, 0, 1));
                    Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 1));
                    try (Plate p = ctx.plate("data", 10)) {
                        ctx.observe("y", new Normal(mu, sigma), data);
                    }
                };
            }
        };
    }

    /**
     * Non-centred: {@code mu ~ N(0,1), tau ~ HalfNormal(1), eta ~ N(0,1)^4, y_j ~ N(mu + tau eta_j,
     * 1)}.
     */
    private static Sbc.Family hierarchical(Backend b) {
        return new Sbc.Family() {
            @Override
            public Map<String, Double> prior(RandomKey key) {
                double[] z = key.normalDoubles(6);
                return Map.of("mu", z[0], "tau", Math.abs(z[1]));
            }

            @Override
            public Model model(Map<String, Double> t, RandomKey key) {
                double[] z = key.normalDoubles(8);
                double[] y = new double[4];
                for (int j = 0; j < 4; j++) {
                    y[j] = t.get("mu") + t.get("tau") * z[j] + z[4 + j];
                }
                Tensor data = Tensor.of(b, y, 4);
                return ctx -> {
                    Tensor mu = ctx.sample("mu", Normal.of(b, 0, 1));
                    Tensor tau = ctx.sample("tau", HalfNormal.of(b, 1));
                    Tensor eta =
                            ctx.sample("eta", new Independent(Normal.of(b, 0, 1).expand(4), 1));
                    ctx.observe(
                            "y",
                            new Independent(new Normal(mu.add(tau.mul(eta)), mu.scalarLike(1)), 1),
                            data);
                };
            }
        };
    }
}
