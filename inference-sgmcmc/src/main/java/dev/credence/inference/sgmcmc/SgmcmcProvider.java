package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.Range;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code sgld}, {@code sghmc} and {@code csgmcmc} providers share: the options of a run
 * (chains, threads, temperature, initialisation, reports), their parsing into {@link
 * SgmcmcSettings}, and the fit. Each subclass adds its dynamics' and schedule's options.
 *
 * <table class="striped">
 *   <caption>Options of every SG-MCMC provider</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>chains</td><td>1</td><td>independent chains</td></tr>
 *   <tr><td>threads</td><td>cores</td><td>threads the chains run on</td></tr>
 *   <tr><td>temperature</td><td>1</td><td>T: sample posterior^(1/T); below 1 is "cold"</td></tr>
 *   <tr><td>init</td><td>uniform</td><td>uniform (on (-r, r), as Stan) or prior (a prior
 *       draw: use it for networks)</td></tr>
 *   <tr><td>init-radius</td><td>2</td><td>half-width of uniform starts</td></tr>
 *   <tr><td>report-every</td><td>100</td><td>steps between progress reports</td></tr>
 * </table>
 *
 * Step sizes apply to the gradient of the whole log density, whose likelihood part the plates scale
 * to all {@code N} data points: a learning rate {@code lr} on the mean per-datum loss, as
 * deep-learning code writes it, is a step size of {@code lr / N} here.
 */
public abstract sealed class SgmcmcProvider implements InferenceProvider
        permits SgldProvider, SghmcProvider, CsgmcmcProvider {

    static final Option<Integer> CHAINS =
            Option.integer("chains", 1, Range.closed(1, 1024), "independent chains");
    static final Option<Integer> THREADS =
            Option.integer("threads", cores(), Range.atLeast(1), "threads to run chains on");
    static final Option<Double> TEMPERATURE =
            Option.real(
                    "temperature",
                    1,
                    Range.greaterThan(0),
                    "T: sample posterior^(1/T), < 1 is cold");
    static final Option<String> INIT =
            Option.choice(
                    "init",
                    "uniform",
                    List.of("uniform", "prior"),
                    "uniform(-r, r) or a prior draw");
    static final Option<Double> INIT_RADIUS =
            Option.real("init-radius", 2, Range.greaterThan(0), "r of uniform initial values");
    static final Option<Integer> REPORT_EVERY =
            Option.integer("report-every", 100, Range.atLeast(1), "steps between progress reports");
    static final Option<Double> FRICTION =
            Option.real(
                    "friction",
                    0.1,
                    new Range(0, true, 1, false),
                    "alpha: momentum decay per step");
    static final Option<Double> DECAY_EXPONENT =
            Option.real(
                    "decay-exponent",
                    0,
                    Range.closed(0, 1),
                    "gamma of (1 + k/b)^-gamma; 0: constant");
    static final Option<Double> DECAY_OFFSET =
            Option.real(
                    "decay-offset", 1000, Range.greaterThan(0), "b of (1 + k/b)^-gamma, in steps");
    static final Option<Integer> NUM_WARMUP =
            Option.integer("num-warmup", 1000, Range.atLeast(0), "burn-in steps per chain");
    static final Option<Integer> NUM_SAMPLES =
            Option.integer("num-samples", 1000, Range.atLeast(1), "draws kept per chain");
    static final Option<Integer> THIN =
            Option.integer("thin", 1, Range.atLeast(1), "steps between kept draws");

    /** For the subclasses. */
    SgmcmcProvider() {}

    /**
     * Returns the options of this algorithm's dynamics and schedule.
     *
     * @return the options beyond the shared ones
     */
    abstract List<Option<?>> ownOptions();

    /**
     * Builds the dynamics from a configuration.
     *
     * @param c the configuration
     * @return the update rule
     */
    abstract Dynamics dynamics(InferenceConfig c);

    /**
     * Builds the schedule from a configuration.
     *
     * @param c the configuration
     * @param stepsPerEpoch the model's minibatches per pass over the data
     * @return the schedule
     */
    abstract StepSchedule schedule(InferenceConfig c, long stepsPerEpoch);

    @Override
    public final List<Option<?>> options() {
        List<Option<?>> all = new ArrayList<>(ownOptions());
        all.addAll(List.of(CHAINS, THREADS, TEMPERATURE, INIT, INIT_RADIUS, REPORT_EVERY));
        return List.copyOf(all);
    }

    @Override
    public final Inference create(InferenceConfig config) {
        checkOptions(config);
        Dynamics d = dynamics(config);
        // Parse and check every option now, so that bad values fail before a model runs.
        settings(config, d, schedule(config, 1));
        return model -> fit(model, config, d);
    }

    private dev.credence.api.infer.Posterior fit(Model model, InferenceConfig c, Dynamics d) {
        RandomKey[] k = c.key().split(2);
        long epoch = Handlers.trace(Handlers.seed(model, k[0])).stepsPerEpoch();
        SgmcmcSettings s = settings(c, d, schedule(c, epoch));
        return Sgmcmc.fit(model, s, k[1], c.listener());
    }

    /**
     * Reads the settings from a configuration.
     *
     * @param c the configuration
     * @param d the dynamics
     * @param schedule the schedule
     * @return the settings
     */
    static SgmcmcSettings settings(InferenceConfig c, Dynamics d, StepSchedule schedule) {
        SgmcmcSettings.Init how =
                c.get(INIT).equals("prior")
                        ? SgmcmcSettings.Init.PRIOR
                        : SgmcmcSettings.Init.UNIFORM;
        return new SgmcmcSettings(
                d,
                schedule,
                c.get(CHAINS),
                c.get(TEMPERATURE),
                how,
                c.get(INIT_RADIUS),
                c.get(THREADS),
                c.get(REPORT_EVERY));
    }

    /**
     * The step-size option of an algorithm.
     *
     * @param defaultValue its default
     * @param help its help line
     * @return the option
     */
    static Option<Double> stepSize(double defaultValue, String help) {
        return Option.real("step-size", defaultValue, Range.greaterThan(0), help);
    }

    /** The options of a polynomial schedule, shared by {@code sgld} and {@code sghmc}. */
    static List<Option<?>> polynomialOptions(Option<Double> stepSize) {
        return List.of(stepSize, DECAY_EXPONENT, DECAY_OFFSET, NUM_WARMUP, NUM_SAMPLES, THIN);
    }

    /** Reads a polynomial schedule. */
    static PolynomialSchedule polynomial(InferenceConfig c, Option<Double> stepSize) {
        return new PolynomialSchedule(
                c.get(stepSize),
                c.get(DECAY_EXPONENT),
                c.get(DECAY_OFFSET),
                c.get(NUM_WARMUP),
                c.get(NUM_SAMPLES),
                c.get(THIN));
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
