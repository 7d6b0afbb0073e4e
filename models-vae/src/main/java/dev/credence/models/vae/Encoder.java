package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Params;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recognition network of a VAE: one hidden ReLU layer, then two linear heads that give the mean
 * and the log-variance of the Gaussian {@code q(z | x)} for each example.
 *
 * <pre>
 * h = relu(x W_h + b_h),   loc = h W_loc + b_loc,   logVar = h W_lv + b_lv
 * </pre>
 *
 * Its parameters are named {@code hidden.*}, {@code loc.*} and {@code logvar.*}.
 *
 * @param pixels the input width
 * @param hidden the hidden width
 * @param latent the latent dimension
 */
record Encoder(int pixels, int hidden, int latent) {
    private Linear hiddenLayer() {
        return new Linear(pixels, hidden);
    }

    private Linear head() {
        return new Linear(hidden, latent);
    }

    /**
     * The mean and log-variance of {@code q(z | x)} for a batch.
     *
     * @param loc the means, {@code [B, latent]}
     * @param logVar the log-variances, {@code [B, latent]}
     */
    record Code(Tensor loc, Tensor logVar) {
        /**
         * Returns the standard deviations.
         *
         * @return {@code exp(logVar / 2)}
         */
        Tensor scale() {
            return logVar.mul(0.5).exp();
        }
    }

    /**
     * Draws the initial weights, as PyTorch's {@code nn.Linear} does.
     *
     * @param b the backend
     * @param dtype the dtype
     * @param key the key
     * @return the parameters by name
     */
    Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        put(p, "hidden", hiddenLayer().init(b, dtype, key.fold(0)));
        put(p, "loc", head().init(b, dtype, key.fold(1)));
        put(p, "logvar", head().init(b, dtype, key.fold(2)));
        return p;
    }

    private static void put(Map<String, Tensor> into, String prefix, Map<String, Tensor> from) {
        from.forEach((k, v) -> into.put(prefix + "." + k, v));
    }

    /**
     * Encodes a batch.
     *
     * @param p the parameters
     * @param x the images, {@code [B, pixels]}
     * @return the code
     */
    Code encode(Params p, Tensor x) {
        Tensor h = hiddenLayer().apply(p.scope("hidden"), x, null).relu();
        return new Code(
                head().apply(p.scope("loc"), h, null), head().apply(p.scope("logvar"), h, null));
    }
}
