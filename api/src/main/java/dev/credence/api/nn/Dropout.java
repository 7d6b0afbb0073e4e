package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;

/**
 * Inverted dropout: with a key, each element is zeroed with probability {@code rate} and the
 * survivors scaled by {@code 1/(1-rate)}; without a key (evaluation) it is the identity. Keeping
 * the key at prediction time gives MC dropout (Gal and Ghahramani 2016).
 *
 * @param rate the drop probability in [0, 1)
 */
public record Dropout(double rate) implements Module {

    /**
     * Validates the rate.
     *
     * @param rate the drop probability in [0, 1)
     */
    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout rate must be in [0, 1), found " + rate);
        }
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        return Map.of();
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        if (key == null || rate == 0) {
            return x;
        }
        Tensor keep =
                key.uniform(x.backend(), x.dtype(), x.shape().dims()).gt(rate).cast(x.dtype());
        return x.mul(keep).div(1 - rate);
    }
}
