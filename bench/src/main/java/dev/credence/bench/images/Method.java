package dev.credence.bench.images;

import dev.credence.api.infer.Inferences;
import dev.credence.models.bnn.fit.FitOptions;
import java.util.Map;

/**
 * One row of the benchmark: a label, the inference method of {@link
 * dev.credence.models.bnn.fit.BnnFitter} (or of an installed provider) and its options. Adding a
 * method to the benchmark is adding one entry to {@link Methods}.
 *
 * @param label the row's name in tables and plots
 * @param inference the method name ({@code map}, {@code swag}, {@code laplace}, a provider's name)
 * @param options the method's options
 * @param bayesian whether the method is Bayesian (compared with MAP on ECE and NLL)
 * @param singleModel whether it trains one network (compared with the ensemble at a third of its
 *     cost)
 */
public record Method(
        String label,
        String inference,
        Map<String, String> options,
        boolean bayesian,
        boolean singleModel) {

    /**
     * Copies the options.
     *
     * @param label the label
     * @param inference the method
     * @param options the options
     * @param bayesian whether it is Bayesian
     * @param singleModel whether it trains one network
     */
    public Method {
        options = Map.copyOf(options);
    }

    /**
     * The options, validated: strictly for the fitter's own methods, by the provider otherwise.
     *
     * @return the options
     */
    public FitOptions fitOptions() {
        return FitOptions.ofProvider(inference, options);
    }

    /**
     * Whether this machine can run the method: the fitter's own methods always, providers when
     * installed (and, for a guide of the {@code svi} provider, when the provider names it).
     *
     * @param inferences the registry
     * @return whether it can run
     */
    public boolean available(Inferences inferences) {
        return FitOptions.METHODS.contains(inference) || inferences.find(inference).isPresent();
    }
}
