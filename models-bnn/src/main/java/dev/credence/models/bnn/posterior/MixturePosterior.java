package dev.credence.models.bnn.posterior;

import dev.credence.api.random.RandomKey;
import java.util.List;

/**
 * An equal mixture of weight posteriors over the same network, such as MultiSWAG's SWAG Gaussians
 * (Wilson and Izmailov 2020). Draws are stratified: draw {@code i} comes from component {@code i
 * mod M}, so every component contributes equally however few draws are asked for.
 */
public final class MixturePosterior extends WeightPosterior {
    private final List<WeightPosterior> components;

    /**
     * Mixes components.
     *
     * @param components at least one posterior, all with the same layout
     */
    public MixturePosterior(List<WeightPosterior> components) {
        super(
                first(components).layout(),
                first(components).backend(),
                first(components).dtype(),
                first(components).noise());
        for (WeightPosterior c : components) {
            if (c.layout().size() != layout().size()) {
                throw new IllegalArgumentException(
                        "mixture: components must share one weight layout");
            }
        }
        this.components = List.copyOf(components);
    }

    private static WeightPosterior first(List<WeightPosterior> cs) {
        if (cs.isEmpty()) {
            throw new IllegalArgumentException("mixture: needs at least one component");
        }
        return cs.get(0);
    }

    /** {@return the components} */
    public List<WeightPosterior> components() {
        return components;
    }

    @Override
    protected double[][] sampleFlat(RandomKey key, int n) {
        double[][] out = new double[n][];
        int m = components.size();
        for (int c = 0; c < m; c++) {
            int count = (n - c + m - 1) / m;
            if (count <= 0) {
                continue;
            }
            double[][] part = components.get(c).sampleFlat(key.fold(c), count);
            for (int j = 0; j < count; j++) {
                out[c + j * m] = part[j];
            }
        }
        return out;
    }
}
