package dev.credence.inference.vi;

import dev.credence.api.dist.Validation;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.StateStore;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stochastic variational inference (Hoffman, Blei, Wang and Paisley, "Stochastic variational
 * inference", JMLR 14, 2013; Ranganath et al. 2014): maximise an {@link Elbo} over the {@code
 * param} sites of a guide (and of the model) with a first-order {@link Optimizer}.
 *
 * <p>The protocol, as pure state transitions:
 *
 * <ol>
 *   <li>{@link #init(RandomKey)} finds the params ({@link ParamSpace#discover}) and the optimizer's
 *       initial state;
 *   <li>{@link #step(SviState, RandomKey)} estimates the ELBO and its gradient with the key {@code
 *       runKey.fold(state.step())} ({@link #gradient}) and applies one optimizer update ({@link
 *       #update}), or refuses (state unchanged) when the ELBO or a gradient is not finite;
 *   <li>{@link #run} loops over steps with progress reports, a NaN/Inf guard, checkpoints and
 *       resumption.
 * </ol>
 *
 * Argument validation of distributions ({@link Validation}) is on for the discovery run of {@link
 * #init}, which catches modelling errors with a clear message, and off during steps, for speed: a
 * value that leaves its support then shows as a non-finite ELBO, which the guard reports.
 *
 * <p>Each step of {@link #run} runs inside a {@link TensorScope}: tensors the model and the guide
 * create during a step are released when it ends (what matters on native backends), so a model must
 * not cache tensors it creates while running; data and constants made outside the model are
 * untouched.
 *
 * <p>Minibatches come from the model itself: a plate with subsampling draws its minibatch from the
 * step's key and scales the likelihood by {@code N / B}. An epoch is {@link #stepsPerEpoch} steps.
 *
 * <pre>{@code
 * AutoNormal guide = new AutoNormal(model, RandomKey.of(0));
 * Svi svi = new Svi(model, guide, Adam.of(0.01), new TraceElbo(1));
 * SviResult r = svi.run(RandomKey.of(1), SviSettings.of(2000), ProgressListener.NONE);
 * Posterior post = svi.posterior(r.state(), RandomKey.of(2));
 * }</pre>
 */
public final class Svi {
    private final Model model;
    private final Model guide;
    private final Optimizer optimizer;
    private final Elbo elbo;
    private final boolean compile;

    /**
     * Configures the inference.
     *
     * @param model the model
     * @param guide the guide: an automatic one, or any model over param sites whose latent sites
     *     cover the model's
     * @param optimizer the optimizer
     * @param elbo the objective
     */
    public Svi(Model model, Model guide, Optimizer optimizer, Elbo elbo) {
        this(model, guide, optimizer, elbo, true);
    }

    private Svi(Model model, Model guide, Optimizer optimizer, Elbo elbo, boolean compile) {
        this.model = model;
        this.guide = guide;
        this.optimizer = optimizer;
        this.elbo = elbo;
        this.compile = compile;
    }

    /**
     * Returns this inference with the compiled training step of {@link #run} switched on (the
     * default) or off. Compiled or not, a run computes the same numbers bit for bit; compilation
     * only removes the per-operation overhead (see {@link CompiledSviStep}).
     *
     * @param on whether {@link #run} may record and replay its steps
     * @return the inference
     */
    public Svi compiled(boolean on) {
        return new Svi(model, guide, optimizer, elbo, on);
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** The tensors of one ELBO estimate at given params, as {@link #gradient} computes them. */
    ElboGradient.Parts gradientParts(ParamSpace space, List<Tensor> params, RandomKey key) {
        return ElboGradient.parts(elbo, model, guide, space, params, key);
    }

    /**
     * Returns the objective.
     *
     * @return the ELBO
     */
    public Elbo elbo() {
        return elbo;
    }

    /**
     * Creates the initial state: the params at their initial values, the optimizer's fresh state.
     *
     * @param runKey the run's key (discovery uses {@code runKey.split(2)[0]})
     * @return the state at step 0
     */
    public SviState init(RandomKey runKey) {
        ParamSpace space = ParamSpace.discover(model, guide, runKey.split(2)[0]);
        List<Tensor> x = space.initialUnconstrained();
        return new SviState(space, 0, x, optimizer.init(x));
    }

    /**
     * Takes one step.
     *
     * @param s the state
     * @param runKey the run's key; this step uses {@code runKey.fold(s.step())}
     * @return the new state with the ELBO before the step, or the same state and the problem when
     *     the ELBO or a gradient is not finite
     */
    public SviStep step(SviState s, RandomKey runKey) {
        return update(s, gradient(s, runKey.fold(s.step())));
    }

    /**
     * Estimates the ELBO and its gradient at a state's params in this process: the default {@link
     * GradientSource}.
     *
     * @param s the state
     * @param stepKey the step's key
     * @return the estimate
     */
    public ElboGradient gradient(SviState s, RandomKey stepKey) {
        return ElboGradient.of(elbo, model, guide, s.space(), s.params(), stepKey);
    }

    /**
     * Applies one optimizer update with a gradient estimated at the state's params, here or
     * elsewhere, unless the estimate or a gradient is not finite.
     *
     * @param s the state
     * @param g the ELBO and the loss gradient at {@code s.params()}
     * @return the new state with the ELBO before the step, or the same state and the problem when
     *     the ELBO or a gradient is not finite
     */
    public SviStep update(SviState s, ElboGradient g) {
        if (g.lossGrads().size() != s.params().size()) {
            throw new IllegalArgumentException(
                    "SVI: "
                            + g.lossGrads().size()
                            + " gradients for the "
                            + s.params().size()
                            + " params "
                            + s.space().names());
        }
        double value = g.elbo();
        String problem = Double.isFinite(value) ? null : "the ELBO estimate is " + value;
        for (int i = 0; problem == null && i < g.lossGrads().size(); i++) {
            if (!Double.isFinite(g.lossGrads().get(i).sum().item())) {
                problem =
                        "the gradient of param '"
                                + s.space().names().get(i)
                                + "' has non-finite entries (ELBO "
                                + value
                                + ")";
            }
        }
        if (problem != null) {
            return new SviStep(s, value, g.logLikelihood(), g.kl(), problem);
        }
        Optimizer.Update u = optimizer.step(s.params(), g.lossGrads(), s.optimizer());
        return new SviStep(
                new SviState(s.space(), s.step() + 1, u.params(), u.state()),
                value,
                g.logLikelihood(),
                g.kl(),
                null);
    }

    /**
     * Runs to {@code settings.steps()} steps in total: from a fresh state, or from the checkpoint
     * in {@code settings.store()} when {@code settings.resume()} and it holds one. At every
     * checkpoint the state is saved and the settings' work done ({@link SviSettings}); a run that
     * needs work between epochs (evaluation, a model file) does it there, and one compiled step
     * serves all its epochs.
     *
     * @param runKey the run's key
     * @param settings steps, reports and checkpoints
     * @param listener receives {@link ProgressListener.Svi} reports
     * @return the final state and the ELBO of every step
     * @throws SviDivergedException at the first non-finite ELBO or gradient
     * @throws UncheckedIOException if a checkpoint cannot be read or written
     */
    public SviResult run(RandomKey runKey, SviSettings settings, ProgressListener listener) {
        return run(runKey, settings, listener, null);
    }

    /**
     * Runs to {@code settings.steps()} steps in total, as {@link #run(RandomKey, SviSettings,
     * ProgressListener)} does, with each step's gradient from a source: a cluster that sums the
     * contributions of data shards, say. The params, the optimizer state, checkpoints and the
     * NaN/Inf guard stay here.
     *
     * @param runKey the run's key
     * @param settings steps, reports and checkpoints
     * @param listener receives {@link ProgressListener.Svi} reports
     * @param source estimates each step's ELBO and gradient at the state's params with the key
     *     {@code runKey.fold(step)}
     * @return the final state and the ELBO of every step
     * @throws SviDivergedException at the first non-finite ELBO or gradient
     * @throws UncheckedIOException if a checkpoint cannot be read or written
     */
    public SviResult run(
            RandomKey runKey,
            SviSettings settings,
            ProgressListener listener,
            GradientSource source) {
        SviState state = init(runKey);
        double[] history = new double[(int) settings.steps()];
        StateStore file = settings.store();
        SviCheckpoint.Restored r0 = settings.resume() ? read(file, state, runKey) : null;
        SupersededStates superseded = new SupersededStates();
        if (r0 != null) {
            SviCheckpoint.Restored r = r0;
            superseded.resumed(state, r.state());
            state = r.state();
            if (state.step() > settings.steps()) {
                throw new IllegalArgumentException(
                        file
                                + " is at step "
                                + state.step()
                                + ", past the "
                                + settings.steps()
                                + " steps asked for");
            }
            System.arraycopy(r.elbo(), 0, history, 0, (int) state.step());
        }
        ProgressWindow window = new ProgressWindow(settings.steps(), listener);
        String steps;
        try (CompiledSviStep compiled = new CompiledSviStep(this, runKey)) {
            if (source != null) {
                compiled.off("the gradients come from a GradientSource");
            } else if (!compile) {
                compiled.off("compilation is switched off");
            }
            while (state.step() < settings.steps()) {
                long at = state.step();
                SviStep r;
                try (TensorScope scope = TensorScope.open()) {
                    r =
                            source != null
                                    ? update(state, source.estimate(state, runKey.fold(at)))
                                    : compiled.step(state);
                    if (r.ok()) {
                        scope.keepAll(r.state().params());
                        r.state().optimizer().slots().forEach(scope::keepAll);
                    }
                }
                if (r.ok()) {
                    superseded.replace(state, r.state());
                }
                state = afterStep(state, r, at, history, window, settings, file, runKey);
                if (settings.atCheckpoint() != null && isCheckpoint(state, settings)) {
                    atCheckpoint(settings.atCheckpoint(), state);
                    superseded.handOver(state.params());
                }
            }
            steps = compiled.describe();
        }
        return new SviResult(state, history, steps);
    }

    /** Guards, records and reports one step of {@link #run}; returns the new state. */
    private static SviState afterStep(
            SviState state,
            SviStep r,
            long at,
            double[] history,
            ProgressWindow window,
            SviSettings settings,
            StateStore file,
            RandomKey runKey) {
        if (!r.ok()) {
            double lastFinite = lastFinite(history, (int) at);
            if (file != null && settings.checkpointEvery() > 0) {
                write(file, state, history, runKey);
            }
            throw new SviDivergedException(at, r.problem(), lastFinite, state);
        }
        state = r.state();
        history[(int) at] = r.elbo();
        window.add(r);
        boolean checkpoint = isCheckpoint(state, settings);
        if (checkpoint && file != null) {
            write(file, state, history, runKey);
        }
        if (state.step() % settings.reportEvery() == 0
                || state.step() == settings.steps()
                || (checkpoint && settings.atCheckpoint() != null)) {
            window.report(state.step());
        }
        return state;
    }

    private static boolean isCheckpoint(SviState s, SviSettings settings) {
        return settings.checkpointEvery() > 0 && s.step() % settings.checkpointEvery() == 0;
    }

    private static void atCheckpoint(SviSettings.AtCheckpoint work, SviState s) {
        try {
            work.reached(s);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "SVI: the work at the checkpoint of step " + s.step() + " failed", e);
        }
    }

    private static double lastFinite(double[] history, int upTo) {
        for (int i = upTo - 1; i >= 0; i--) {
            if (Double.isFinite(history[i])) {
                return history[i];
            }
        }
        return Double.NaN;
    }

    private static void write(StateStore file, SviState s, double[] history, RandomKey key) {
        try {
            SviCheckpoint.write(file, s, Arrays.copyOf(history, (int) s.step()), key);
        } catch (IOException e) {
            throw new UncheckedIOException("SVI: cannot write the checkpoint " + file, e);
        }
    }

    private static SviCheckpoint.Restored read(StateStore file, SviState template, RandomKey key) {
        try {
            return SviCheckpoint.read(file, template, key).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("SVI: cannot resume from " + file, e);
        }
    }

    /**
     * The fitted guide as a posterior. Automatic guides give their own ({@link
     * AutoGuide#posterior}; the Laplace approximation computes its Hessian here); other guides give
     * a {@link GuidePosterior} over the model's latent sites.
     *
     * @param state a state of this inference, typically the final one
     * @param key the key of the summary draws (and of the run that lists the model's latent sites)
     * @return the posterior
     */
    public Posterior posterior(SviState state, RandomKey key) {
        Map<String, Tensor> params = detached(state.constrained());
        if (guide instanceof AutoGuide auto) {
            return auto.posterior(params, key);
        }
        ElboTraces t =
                ElboTraces.run(ParamSpace.bind(model, params), ParamSpace.bind(guide, params), key);
        return new GuidePosterior(guide, params, ElboTraces.names(t.model().latentSites()), key);
    }

    private static Map<String, Tensor> detached(Map<String, Tensor> m) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.detach()));
        return out;
    }

    /**
     * The number of steps in one pass over the data: {@code ceil(N / B)} for the subsampling plate
     * with the most minibatches, 1 if the model does not subsample.
     *
     * @param model the model
     * @param key the key of the run that finds its plates
     * @return the steps per epoch
     */
    public static long stepsPerEpoch(Model model, RandomKey key) {
        return Handlers.trace(Handlers.seed(model, key)).stepsPerEpoch();
    }
}
