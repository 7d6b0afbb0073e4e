package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.OptionSpec;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** For the subclasses. */
    SgmcmcProvider() {}

    /**
     * Returns the options of this algorithm's dynamics and schedule.
     *
     * @return the options beyond the shared ones
     */
    abstract List<OptionSpec> ownOptions();

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
    public final List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(ownOptions());
        all.add(new OptionSpec("chains", "1", "independent chains"));
        all.add(new OptionSpec("threads", "" + cores(), "threads to run chains on"));
        all.add(new OptionSpec("temperature", "1", "T: sample posterior^(1/T), < 1 is cold"));
        all.add(new OptionSpec("init", "uniform", "uniform|prior: uniform(-r, r) or a prior draw"));
        all.add(new OptionSpec("init-radius", "2", "r of uniform initial values"));
        all.add(new OptionSpec("report-every", "100", "steps between progress reports"));
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
        String init = c.get("init", "uniform").trim().toLowerCase(Locale.ROOT);
        SgmcmcSettings.Init how =
                switch (init) {
                    case "prior" -> SgmcmcSettings.Init.PRIOR;
                    case "uniform" -> SgmcmcSettings.Init.UNIFORM;
                    default ->
                            throw new IllegalArgumentException(
                                    "option 'init' must be uniform or prior, found '" + init + "'");
                };
        return new SgmcmcSettings(
                d,
                schedule,
                c.getInt("chains", 1),
                c.getDouble("temperature", 1),
                how,
                c.getDouble("init-radius", 2),
                c.getInt("threads", cores()),
                c.getInt("report-every", 100));
    }

    /** The options of a polynomial schedule, shared by {@code sgld} and {@code sghmc}. */
    static List<OptionSpec> polynomialOptions(String stepSize) {
        return List.of(
                new OptionSpec("step-size", stepSize, "initial step size"),
                new OptionSpec("decay-exponent", "0", "gamma of (1 + k/b)^-gamma; 0: constant"),
                new OptionSpec("decay-offset", "1000", "b of (1 + k/b)^-gamma, in steps"),
                new OptionSpec("num-warmup", "1000", "burn-in steps per chain"),
                new OptionSpec("num-samples", "1000", "draws kept per chain"),
                new OptionSpec("thin", "1", "steps between kept draws"));
    }

    /** Reads a polynomial schedule. */
    static PolynomialSchedule polynomial(InferenceConfig c, String stepSize) {
        return new PolynomialSchedule(
                c.getDouble("step-size", Double.parseDouble(stepSize)),
                c.getDouble("decay-exponent", 0),
                c.getDouble("decay-offset", 1000),
                c.getInt("num-warmup", 1000),
                c.getInt("num-samples", 1000),
                c.getInt("thin", 1));
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
