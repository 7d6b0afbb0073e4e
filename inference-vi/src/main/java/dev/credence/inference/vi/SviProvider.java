package dev.credence.inference.vi;

import dev.credence.api.infer.CheckpointHook;
import dev.credence.api.infer.GuidedModel;
import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.Range;
import dev.credence.api.infer.StateStore;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.optim.LearningRate;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.Sgd;
import dev.credence.api.random.RandomKey;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

    static final Option<String> GUIDE =
            Option.choice("guide", "normal", GUIDES, "automatic guide (see the class comment)");
    static final Option<String> ELBO =
            Option.choice("elbo", "trace", List.of("trace", "meanfield", "iwae"), "ELBO estimator");
    static final Option<Integer> PARTICLES =
            Option.integer(
                    "particles",
                    1,
                    Range.closed(1, 100_000),
                    "ELBO particles (importance samples for iwae)");
    static final Option<Integer> STEPS =
            Option.integer("steps", 2000, Range.atLeast(0), "optimisation steps");
    static final Option<Integer> EPOCHS =
            Option.integer(
                    "epochs", 0, Range.atLeast(0), "if > 0: epochs of ceil(N/B) steps, not steps");
    static final Option<String> OPTIMIZER =
            Option.choice(
                    "optimizer",
                    "adam",
                    List.of("adam", "adamw", "clipped-adam", "sgd"),
                    "stochastic optimiser");
    static final Option<Double> LR = Option.real("lr", 0.01, Range.greaterThan(0), "learning rate");
    static final Option<Double> LR_DECAY =
            Option.real(
                    "lr-decay",
                    1,
                    new Range(0, true, 1, false),
                    "per-step rate factor (clipped-adam)");
    static final Option<Double> CLIP =
            Option.real("clip", 10, Range.greaterThan(0), "gradient clamp (clipped-adam)");
    static final Option<Double> MOMENTUM =
            Option.real("momentum", 0, Range.closed(0, 1), "momentum (sgd)");
    static final Option<Double> WEIGHT_DECAY =
            Option.real("weight-decay", 0, Range.atLeast(0), "weight decay (adam, adamw, sgd)");
    static final Option<Double> INIT_SCALE =
            Option.real(
                    "init-scale", 0.1, Range.greaterThan(0), "initial guide standard deviation");
    static final Option<Integer> RANK =
            Option.integer("rank", 0, Range.atLeast(0), "lowrank guide rank, 0 for round(sqrt(D))");
    static final Option<Integer> FLOWS =
            Option.integer(
                    "flows",
                    AutoIAFNormal.DEFAULT_FLOWS,
                    Range.closed(1, 1000),
                    "iaf guide: flows");
    static final Option<String> FLOW_HIDDEN =
            new Option<>(
                    "flow-hidden",
                    String.class,
                    "0",
                    Range.ANY,
                    List.of(),
                    "iaf guide: hidden widths, e.g. 64,64; 0: max(2D, 16)");
    static final Option<Integer> REPORT_EVERY =
            Option.integer("report-every", 100, Range.atLeast(1), "steps between progress reports");
    static final Option<Integer> CHECKPOINT_EVERY =
            Option.integer(
                    "checkpoint-every",
                    0,
                    Range.atLeast(0),
                    "steps between saves to the state store, 0 for none");
    static final Option<StateStore> STATE_STORE =
            Option.object(
                    "state-store",
                    StateStore.class,
                    "where the state is saved and resumed from (a checkpoint file, say)");
    static final Option<Boolean> RESUME =
            Option.flag("resume", false, "continue from the state store if it holds a state");
    static final Option<CheckpointHook> ON_CHECKPOINT =
            Option.object(
                    "on-checkpoint",
                    CheckpointHook.class,
                    "called with the posterior at every checkpoint (every checkpoint-every steps)");

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
    public List<Option<?>> options() {
        return List.of(
                GUIDE,
                ELBO,
                PARTICLES,
                STEPS,
                EPOCHS,
                OPTIMIZER,
                LR,
                LR_DECAY,
                CLIP,
                MOMENTUM,
                WEIGHT_DECAY,
                INIT_SCALE,
                RANK,
                FLOWS,
                FLOW_HIDDEN,
                REPORT_EVERY,
                CHECKPOINT_EVERY,
                STATE_STORE,
                RESUME,
                ON_CHECKPOINT);
    }

    @Override
    public Inference create(InferenceConfig config) {
        checkOptions(config);
        String guideName = config.get(GUIDE);
        Elbo elbo = elbo(config);
        Optimizer optimizer = optimizer(config);
        double initScale = config.get(INIT_SCALE);
        int rank = config.get(RANK);
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
        long steps = config.get(STEPS);
        int epochs = config.get(EPOCHS);
        if (epochs > 0) {
            steps = epochs * Svi.stepsPerEpoch(model, k[0]);
        }
        Svi svi = new Svi(model, guide, optimizer, elbo);
        CheckpointHook hook = config.get(ON_CHECKPOINT);
        // The posterior given to the hook at the last step is also the run's result (built once:
        // for the Laplace guide that is a Hessian).
        Map<SviState, Posterior> atCheckpoint = new IdentityHashMap<>();
        SviSettings settings =
                new SviSettings(
                        steps,
                        config.get(REPORT_EVERY),
                        config.get(CHECKPOINT_EVERY),
                        config.get(STATE_STORE),
                        config.get(RESUME),
                        hook == null
                                ? null
                                : s -> {
                                    atCheckpoint.clear();
                                    atCheckpoint.put(s, svi.posterior(s, k[2]));
                                    hook.reached(s.step(), atCheckpoint.get(s));
                                });
        SviResult r = svi.run(k[1], settings, config.listener());
        Posterior post = atCheckpoint.get(r.state());
        if (post == null) {
            post = svi.posterior(r.state(), k[2]);
        }
        // The registry's caller gets the posterior alone: the optimizer's moments are of no further
        // use (a checkpoint, if asked for, has them), so they are freed now, not by the collector.
        SupersededStates.releaseSlots(r.state(), r.state().params());
        return post;
    }

    /** The shape of an {@code iaf} guide: the number of flows and the hidden widths. */
    private record FlowShape(int flows, int[] hidden) {
        static FlowShape of(InferenceConfig c) {
            int flows = c.get(FLOWS);
            String h = c.get(FLOW_HIDDEN).trim();
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
        int particles = c.get(PARTICLES);
        return switch (c.get(ELBO)) {
            case "meanfield" -> new TraceMeanFieldElbo(particles);
            case "iwae" -> new ImportanceWeightedElbo(particles);
            default -> new TraceElbo(particles);
        };
    }

    static Optimizer optimizer(InferenceConfig c) {
        double lr = c.get(LR);
        double wd = c.get(WEIGHT_DECAY);
        return switch (c.get(OPTIMIZER)) {
            case "adamw" -> Adam.adamW(LearningRate.constant(lr), 0.9, 0.999, 1e-8, wd);
            case "clipped-adam" -> Adam.clipped(lr, c.get(CLIP), c.get(LR_DECAY));
            case "sgd" -> new Sgd(LearningRate.constant(lr), c.get(MOMENTUM), false, wd);
            default -> Adam.adam(LearningRate.constant(lr), 0.9, 0.999, 1e-8, wd);
        };
    }
}
