package dev.credence.inference.hmc;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Model;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a model by NUTS or HMC: builds its potential, runs the chains on the unconstrained space,
 * maps every draw back to the constrained sites (deterministic sites included) and packs them with
 * the sampler statistics into {@link Draws}.
 */
public final class McmcRun {
    private McmcRun() {}

    /** The names of the per-draw sampler statistics ({@link Draws#SAMPLER_STATS}). */
    public static final List<String> STATS = Draws.SAMPLER_STATS;

    /**
     * Runs the sampler on a model.
     *
     * @param model the model
     * @param settings the sampler settings
     * @param config the run's key and listener
     * @return the posterior
     */
    public static Posterior fit(Model model, SamplerSettings settings, InferenceConfig config) {
        RandomKey[] k = config.key().split(2);
        Potential potential = Potential.of(model, k[0]);
        PotentialDensity density = new PotentialDensity(potential);
        List<ChainResult> chains = Sampler.sample(density, settings, k[1], config.listener());
        Draws draws = toDraws(density.compiled(), chains);
        return new DrawsPosterior(draws, potential.backend(), potential.dtype());
    }

    static Draws toDraws(CompiledPotential potential, List<ChainResult> chains) {
        Map<String, int[]> shapes = potential.constrainedShapes();
        double[][][] values = new double[chains.size()][][];
        Map<String, double[][]> stats = new LinkedHashMap<>();
        for (String s : STATS) {
            stats.put(s, new double[chains.size()][]);
        }
        for (int c = 0; c < chains.size(); c++) {
            ChainResult r = chains.get(c);
            int n = r.draws().length;
            values[c] = new double[n][];
            for (String s : STATS) {
                stats.get(s)[c] = new double[n];
            }
            for (int i = 0; i < n; i++) {
                values[c][i] = potential.constrainedValues(r.draws()[i]);
                TransitionStats t = r.stats()[i];
                stats.get("lp")[c][i] = t.logDensity();
                stats.get("accept_stat")[c][i] = t.acceptStat();
                stats.get("stepsize")[c][i] = t.stepSize();
                stats.get("treedepth")[c][i] = t.treeDepth();
                stats.get("n_leapfrog")[c][i] = t.leapfrogSteps();
                stats.get("divergent")[c][i] = t.divergent() ? 1 : 0;
                stats.get("energy")[c][i] = t.energy();
            }
        }
        return new Draws(shapes, values, stats);
    }
}
