package dev.credence.inference.hmc;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs several chains of NUTS or static HMC on a thread pool. Chain {@code c} draws all its
 * randomness from {@code key.fold(c)}, so the output is the same whatever the number of threads.
 *
 * <pre>{@code
 * List<ChainResult> chains = Sampler.sample(density, SamplerSettings.defaults(), RandomKey.of(1),
 *         ProgressListener.NONE);
 * }</pre>
 */
public final class Sampler {
    private Sampler() {}

    /**
     * Samples every chain.
     *
     * @param f the log density (must be safe to call from several threads)
     * @param settings the settings
     * @param key the run's key
     * @param listener progress receiver
     * @return one result per chain, in chain order
     */
    public static List<ChainResult> sample(
            LogDensity f, SamplerSettings settings, RandomKey key, ProgressListener listener) {
        int threads = Math.min(settings.threads(), settings.chains());
        if (threads == 1) {
            List<ChainResult> out = new ArrayList<>();
            for (int c = 0; c < settings.chains(); c++) {
                out.add(Chain.run(f, settings, key.fold(c), c, null, listener));
            }
            return out;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "credence-chain");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<ChainResult>> fs = new ArrayList<>();
            for (int c = 0; c < settings.chains(); c++) {
                int chain = c;
                fs.add(
                        pool.submit(
                                () ->
                                        Chain.run(
                                                f,
                                                settings,
                                                key.fold(chain),
                                                chain,
                                                null,
                                                listener)));
            }
            List<ChainResult> out = new ArrayList<>();
            for (Future<ChainResult> fut : fs) {
                out.add(fut.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a chain failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
