package dev.credence.inference.sgmcmc;

import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fits a model by stochastic-gradient MCMC: the entry point behind the {@code sgld}, {@code sghmc}
 * and {@code csgmcmc} providers, and the one to call from Java.
 *
 * <pre>{@code
 * Model model = ctx -> {
 *     Tensor w = ctx.sample("w", new Normal(zeros, ones));
 *     try (Plate batch = ctx.plate("data", n, 128)) {              // minibatches of 128
 *         Tensor x = batch.subsample(features, 0);
 *         ctx.observe("y", new Normal(x.matmul(w), sigma), batch.subsample(targets, 0));
 *     }
 * };
 * SgmcmcSettings s = SgmcmcSettings.of(
 *         new Dynamics.Hamiltonian(0.1), new CyclicalSchedule(1e-4, 4, 2000, 0.8, 3));
 * DrawsPosterior post = Sgmcmc.fit(model, s, RandomKey.of(1), ProgressListener.NONE);
 * Map<String, Tensor> predictive = post.predictive(modelOnNewInputs, RandomKey.of(2), 100);
 * }</pre>
 *
 * The run's key is split in three: the potential's discovery run, the chains' starting points
 * ({@code fold(c)} for chain c), and the chains (chain c uses {@code fold(c)}, step k of it {@code
 * fold(k)}), so results do not depend on the number of threads. The posterior holds the kept draws
 * of all chains, mapped to the constrained sites, with the statistics {@code lp} (the minibatch
 * estimate of the log density), {@code stepsize} and {@code divergent} (a refused step since the
 * previous draw).
 */
public final class Sgmcmc {
    private Sgmcmc() {}

    /**
     * Runs the chains on a model.
     *
     * @param model the model; plates that subsample make the gradients stochastic
     * @param settings the dynamics, schedule and run shape
     * @param key the run's key
     * @param listener progress receiver
     * @return the posterior of the kept draws
     * @throws SgmcmcDivergedException if a chain diverges
     */
    public static DrawsPosterior fit(
            Model model, SgmcmcSettings settings, RandomKey key, ProgressListener listener) {
        RandomKey[] k = key.split(3);
        MinibatchPotential f = MinibatchPotential.of(model, k[0]);
        List<SgmcmcChain.Result> chains = sample(f, settings, k[1], k[2], listener);
        return new DrawsPosterior(
                toDraws(f, chains, k[0]), f.potential().backend(), f.potential().dtype());
    }

    /**
     * Runs the chains on a stochastic gradient (a model's, or any other).
     *
     * @param f the gradient estimator (must be safe to call from several threads)
     * @param settings the settings
     * @param startKey the key of the starting points
     * @param chainKey the key of the chains
     * @param listener progress receiver
     * @return each chain's kept draws on the unconstrained space, in chain order
     */
    static List<SgmcmcChain.Result> sample(
            StochasticGradient f,
            SgmcmcSettings settings,
            RandomKey startKey,
            RandomKey chainKey,
            ProgressListener listener) {
        List<double[]> starts = new ArrayList<>();
        for (int c = 0; c < settings.chains(); c++) {
            starts.add(start(f, settings, startKey.fold(c)));
        }
        int threads = Math.min(settings.threads(), settings.chains());
        if (threads == 1) {
            List<SgmcmcChain.Result> out = new ArrayList<>();
            for (int c = 0; c < settings.chains(); c++) {
                out.add(SgmcmcChain.run(f, starts.get(c), settings, chainKey.fold(c), c, listener));
            }
            return out;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "credence-sgmcmc-chain");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<SgmcmcChain.Result>> fs = new ArrayList<>();
            for (int c = 0; c < settings.chains(); c++) {
                int chain = c;
                fs.add(
                        pool.submit(
                                () ->
                                        SgmcmcChain.run(
                                                f,
                                                starts.get(chain),
                                                settings,
                                                chainKey.fold(chain),
                                                chain,
                                                listener)));
            }
            List<SgmcmcChain.Result> out = new ArrayList<>();
            for (Future<SgmcmcChain.Result> fut : fs) {
                out.add(fut.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a chain failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] start(StochasticGradient f, SgmcmcSettings s, RandomKey key) {
        if (f instanceof MinibatchPotential m) {
            return s.init() == SgmcmcSettings.Init.PRIOR
                    ? m.priorPoint(key)
                    : m.uniformPoint(key, s.initRadius());
        }
        double[] u = key.uniformDoubles(f.dimension());
        for (int i = 0; i < u.length; i++) {
            u[i] = s.initRadius() * (2 * u[i] - 1);
        }
        return u;
    }

    private static Draws toDraws(
            MinibatchPotential f, List<SgmcmcChain.Result> chains, RandomKey key) {
        Map<String, int[]> shapes = null;
        double[][][] values = new double[chains.size()][][];
        Map<String, double[][]> stats = new LinkedHashMap<>();
        stats.put("lp", new double[chains.size()][]);
        stats.put("stepsize", new double[chains.size()][]);
        stats.put("divergent", new double[chains.size()][]);
        for (int c = 0; c < chains.size(); c++) {
            SgmcmcChain.Result r = chains.get(c);
            values[c] = new double[r.draws().length][];
            for (int i = 0; i < r.draws().length; i++) {
                try (TensorScope scope = TensorScope.open()) {
                    Map<String, Tensor> sites = f.constrain(r.draws()[i], key);
                    if (shapes == null) {
                        shapes = new LinkedHashMap<>();
                        for (var e : sites.entrySet()) {
                            shapes.put(e.getKey(), e.getValue().shape().dims());
                        }
                    }
                    values[c][i] = flatten(sites);
                }
            }
            stats.get("lp")[c] = r.logDensity();
            stats.get("stepsize")[c] = r.stepSize();
            stats.get("divergent")[c] = r.refused();
        }
        return new Draws(shapes == null ? Map.of() : shapes, values, stats);
    }

    private static double[] flatten(Map<String, Tensor> sites) {
        int n = 0;
        for (Tensor t : sites.values()) {
            n += t.size();
        }
        double[] out = new double[n];
        int at = 0;
        for (Tensor t : sites.values()) {
            double[] v = t.toDoubleArray();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }
}
