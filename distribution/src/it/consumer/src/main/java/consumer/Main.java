package consumer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.CheckpointHook;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits one model by NUTS and by SVI, with the code that docs/library.md shows, and checks that both
 * find the posterior mean of mu near the data's mean. Exits 1 when either is off.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String path = Main.class.getModule().isNamed() ? "module path" : "class path";
        Backend b = Backends.discover().select(); // highest priority, or CREDENCE_BACKEND
        Model model = model(b);
        double nuts = mean(nuts(model), "mu");
        double svi = mean(svi(model), "mu");
        List<Double> means = sviCheckpoints(model);
        System.out.printf(
                "consumer on the %s, backend %s: posterior mean of mu by NUTS %.3f, by SVI %.3f,"
                        + " at SVI's checkpoints %s%n",
                path, b.name(), nuts, svi, means);
        if (Math.abs(nuts - 2.3) > 0.3 || Math.abs(svi - 2.3) > 0.3) {
            System.err.println("consumer: a posterior mean is off (expected about 2.3)");
            System.exit(1);
        }
        if (means.size() != 3 || Math.abs(means.get(2) - 2.3) > 0.3) {
            System.err.println("consumer: expected 3 checkpoints, the last near 2.3");
            System.exit(1);
        }
    }

    static Model model(Backend b) {
        Tensor y = Tensor.of(b, new double[] {2.1, 1.4, 3.3, 2.8, 1.9}, 5);
        return ctx -> {
            Tensor mu = ctx.sample("mu", Normal.of(b, 0, 10));
            Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 2));
            try (Plate data = ctx.plate("data", 5)) {
                ctx.observe("y", new Normal(mu, sigma), y);
            }
        };
    }

    static Posterior nuts(Model model) {
        InferenceConfig config =
                InferenceConfig.of(RandomKey.of(1))
                        .with("chains", "2")
                        .with("num-warmup", "500")
                        .with("num-samples", "500");
        return Inferences.discover().create("nuts", config).fit(model);
    }

    static Posterior svi(Model model) {
        InferenceConfig config =
                InferenceConfig.of(RandomKey.of(2))
                        .with("guide", "normal")
                        .with("steps", "3000")
                        .with("lr", "0.05");
        return Inferences.discover().create("svi", config).fit(model);
    }

    static List<Double> sviCheckpoints(Model model) {
        List<Double> means = new ArrayList<>(); // mu's posterior mean at each checkpoint
        CheckpointHook hook = (step, post) -> means.add(mean(post, "mu"));
        InferenceConfig config =
                InferenceConfig.of(RandomKey.of(2))
                        .with("steps", "3000")
                        .with("lr", "0.05")
                        .with("checkpoint-every", "1000")
                        .with("on-checkpoint", hook);
        Inferences.discover().create("svi", config).fit(model);
        return means;
    }

    static double mean(Posterior post, String site) {
        Map<String, Tensor> draws = post.sample(RandomKey.of(3), 2000); // [2000] per site
        return draws.get(site).mean().item();
    }
}
