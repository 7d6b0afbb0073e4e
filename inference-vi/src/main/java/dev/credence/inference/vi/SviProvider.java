package dev.credence.inference.vi;

import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.OptionSpec;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.optim.LearningRate;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.Sgd;
import dev.credence.api.random.RandomKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code svi} algorithm for {@link dev.credence.api.infer.Inferences}: stochastic variational
 * inference with an automatic guide. The run's key is split in three: the guide's prototype runs,
 * the optimisation (step {@code s} uses {@code fold(s)}), and the posterior's summary draws. A
 * {@link GuidedModel} is fitted with its own guide instead of an automatic one.
 *
 * <table class="striped">
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>values</th></tr>
 *   <tr><td>guide</td><td>normal (AutoNormal), diagonal (AutoDiagonalNormal), mvn
 *       (AutoMultivariateNormal), lowrank (AutoLowRankMultivariateNormal), delta (AutoDelta),
 *       laplace (AutoLaplace), iaf (AutoIAFNormal, with {@code flows} and {@code
 *       flow-hidden})</td></tr>
 *   <tr><td>elbo</td><td>trace, meanfield, iwae</td></tr>
 *   <tr><td>optimizer</td><td>adam, adamw, clipped-adam, sgd</td></tr>
 * </table>
 */
public final class SviProvider implements InferenceProvider {
    private static final List<String> GUIDES =
            List.of("normal", "diagonal", "mvn", "lowrank", "delta", "laplace", "iaf");

    /** Called by {@link java.util.ServiceLoader}. */
    public SviProvider() {}

    @Override
    public String name() {
        return "svi";
    }

    @Override
    public String description() {
        return "stochastic variational inference with an automatic guide (ADVI, Bayes by"
                + " Backprop, MAP, Laplace)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec("guide", "normal", "normal|diagonal|mvn|lowrank|delta|laplace|iaf"),
                new OptionSpec("elbo", "trace", "trace|meanfield|iwae"),
                new OptionSpec("particles", "1", "ELBO particles (importance samples for iwae)"),
                new OptionSpec("steps", "2000", "optimisation steps"),
                new OptionSpec("epochs", "0", "if > 0: epochs of ceil(N/B) steps, not steps"),
                new OptionSpec("optimizer", "adam", "adam|adamw|clipped-adam|sgd"),
                new OptionSpec("lr", "0.01", "learning rate"),
                new OptionSpec("lr-decay", "1", "per-step rate factor (clipped-adam)"),
                new OptionSpec("clip", "10", "gradient clamp (clipped-adam)"),
                new OptionSpec("momentum", "0", "momentum (sgd)"),
                new OptionSpec("weight-decay", "0", "weight decay (adam, adamw, sgd)"),
                new OptionSpec("init-scale", "0.1", "initial guide standard deviation"),
                new OptionSpec("rank", "0", "lowrank guide rank, 0 for round(sqrt(D))"),
                new OptionSpec("flows", "" + AutoIAFNormal.DEFAULT_FLOWS, "iaf guide: flows"),
                new OptionSpec(
                        "flow-hidden", "0", "iaf guide: hidden widths, e.g. 64,64; 0: max(2D, 16)"),
                new OptionSpec("report-every", "100", "steps between progress reports"),
                new OptionSpec("checkpoint-every", "0", "steps between checkpoints, 0 for none"),
                new OptionSpec("checkpoint-dir", "", "folder of the checkpoint file"),
                new OptionSpec("resume", "false", "continue from checkpoint-dir if it has one"));
    }

    @Override
    public Inference create(InferenceConfig config) {
        checkOptions(config);
        String guideName = config.get("guide", "normal").trim().toLowerCase(Locale.ROOT);
        Elbo elbo = elbo(config);
        Optimizer optimizer = optimizer(config);
        double initScale = config.getDouble("init-scale", 0.1);
        int rank = config.getInt("rank", 0);
        checkGuide(guideName);
        FlowShape flow = FlowShape.of(config);
        return model -> fit(model, guideName, initScale, rank, flow, optimizer, elbo, config);
    }

    private static Posterior fit(
            Model fitted,
            String guideName,
            double initScale,
            int rank,
            FlowShape flow,
            Optimizer optimizer,
            Elbo elbo,
            InferenceConfig config) {
        RandomKey[] k = config.key().split(3);
        // A GuidedModel brings its own guide (the option 'guide' is then not used).
        Model model = fitted instanceof GuidedModel g ? g.model() : fitted;
        Model guide =
                fitted instanceof GuidedModel g
                        ? g.guide()
                        : guide(guideName, model, k[0], initScale, rank, flow);
        long steps = config.getInt("steps", 2000);
        int epochs = config.getInt("epochs", 0);
        if (epochs > 0) {
            steps = epochs * Svi.stepsPerEpoch(model, k[0]);
        }
        String dir = config.get("checkpoint-dir", "").trim();
        SviSettings settings =
                new SviSettings(
                        steps,
                        config.getInt("report-every", 100),
                        config.getInt("checkpoint-every", 0),
                        dir.isEmpty() ? null : Path.of(dir),
                        config.getBoolean("resume", false));
        Svi svi = new Svi(model, guide, optimizer, elbo);
        SviResult r = svi.run(k[1], settings, config.listener());
        return svi.posterior(r.state(), k[2]);
    }

    private static void checkGuide(String name) {
        if (!GUIDES.contains(name)) {
            throw new IllegalArgumentException(
                    "option 'guide': unknown guide '" + name + "'; known: " + GUIDES);
        }
    }

    /** The shape of an {@code iaf} guide: the number of flows and the hidden widths. */
    private record FlowShape(int flows, int[] hidden) {
        static FlowShape of(InferenceConfig c) {
            int flows = c.getInt("flows", AutoIAFNormal.DEFAULT_FLOWS);
            if (flows < 1) {
                throw new IllegalArgumentException("option 'flows' must be >= 1, found " + flows);
            }
            String h = c.get("flow-hidden", "0").trim();
            if (h.equals("0")) {
                return new FlowShape(flows, new int[0]);
            }
            String[] parts = h.split(",");
            int[] widths = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    widths[i] = Integer.parseInt(parts[i].trim());
                } catch (NumberFormatException e) {
                    widths[i] = 0;
                }
                if (widths[i] < 1) {
                    throw new IllegalArgumentException(
                            "option 'flow-hidden' must be 0 or positive widths separated by"
                                    + " commas, found '"
                                    + h
                                    + "'");
                }
            }
            return new FlowShape(flows, widths);
        }
    }

    private static Model guide(
            String name, Model model, RandomKey key, double initScale, int rank, FlowShape flow) {
        return switch (name) {
            case "normal" -> new AutoNormal(model, key, "auto", initScale);
            case "diagonal" -> new AutoDiagonalNormal(model, key, "auto", initScale);
            case "mvn" -> new AutoMultivariateNormal(model, key, "auto", initScale);
            case "lowrank" ->
                    new AutoLowRankMultivariateNormal(model, key, "auto", initScale, rank);
            case "delta" -> new AutoDelta(model, key, "auto");
            case "iaf" ->
                    new AutoIAFNormal(model, key, "auto", initScale, flow.flows(), flow.hidden());
            default -> new AutoLaplace(model, key, "auto");
        };
    }

    static Elbo elbo(InferenceConfig c) {
        int particles = c.getInt("particles", 1);
        String name = c.get("elbo", "trace").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "trace" -> new TraceElbo(particles);
            case "meanfield" -> new TraceMeanFieldElbo(particles);
            case "iwae" -> new ImportanceWeightedElbo(particles);
            default ->
                    throw new IllegalArgumentException(
                            "option 'elbo': unknown ELBO '"
                                    + name
                                    + "'; known: [trace, meanfield, iwae]");
        };
    }

    static Optimizer optimizer(InferenceConfig c) {
        double lr = c.getDouble("lr", 0.01);
        double wd = c.getDouble("weight-decay", 0);
        String name = c.get("optimizer", "adam").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "adam" -> Adam.adam(LearningRate.constant(lr), 0.9, 0.999, 1e-8, wd);
            case "adamw" -> Adam.adamW(LearningRate.constant(lr), 0.9, 0.999, 1e-8, wd);
            case "clipped-adam" ->
                    Adam.clipped(lr, c.getDouble("clip", 10), c.getDouble("lr-decay", 1));
            case "sgd" -> new Sgd(LearningRate.constant(lr), c.getDouble("momentum", 0), false, wd);
            default ->
                    throw new IllegalArgumentException(
                            "option 'optimizer': unknown optimizer '"
                                    + name
                                    + "'; known: [adam, adamw, clipped-adam, sgd]");
        };
    }
}
