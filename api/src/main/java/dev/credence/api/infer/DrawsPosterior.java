package dev.credence.api.infer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posterior represented by MCMC draws. {@link #sample} resamples stored draws uniformly (with
 * replacement) across all chains.
 */
public final class DrawsPosterior implements Posterior {
    private final Draws draws;
    private final Backend backend;
    private final DType dtype;

    /**
     * Wraps draws.
     *
     * @param draws the draws
     * @param backend where sampled tensors are created
     * @param dtype their dtype
     */
    public DrawsPosterior(Draws draws, Backend backend, DType dtype) {
        this.draws = draws;
        this.backend = backend;
        this.dtype = dtype;
    }

    @Override
    public Map<String, Tensor> sample(RandomKey key, int n) {
        int chains = draws.chains();
        int per = draws.drawsPerChain();
        double[][][] v = draws.values();
        double[] u = key.uniformDoubles(n);
        Map<String, Tensor> out = new LinkedHashMap<>();
        int offset = 0;
        for (String site : draws.sites()) {
            int[] shape = draws.shape(site);
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            double[] data = new double[n * size];
            for (int i = 0; i < n; i++) {
                int pick = (int) (u[i] * chains * per);
                double[] row = v[pick / per][pick % per];
                System.arraycopy(row, offset, data, i * size, size);
            }
            int[] dims = new int[shape.length + 1];
            dims[0] = n;
            System.arraycopy(shape, 0, dims, 1, shape.length);
            out.put(site, Tensor.of(backend, data, dtype, dims).reshape(dims));
            offset += size;
        }
        return out;
    }

    @Override
    public Draws draws(RandomKey key, int n) {
        return draws;
    }

    /**
     * Returns the stored draws.
     *
     * @return the draws
     */
    public Draws draws() {
        return draws;
    }

    @Override
    public List<ParameterSummary> summary() {
        return draws.summary();
    }
}
