package dev.credence.bench.images;

import dev.credence.api.infer.Inferences;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.layer.WeightPrior;
import java.util.Map;

/**
 * One row of the benchmark: a label, the inference method of {@link
 * dev.credence.models.bnn.fit.BnnFitter} (or of an installed provider) and its options. Adding a
 * method to the benchmark is adding one entry to {@link Methods}.
 *
 * @param label the row's name in tables and plots
 * @param inference the method name ({@code map}, {@code swag}, {@code laplace}, a provider's name)
 * @param options the method's options (and {@value #PRIOR}, the model's weight prior)
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
        Map<String, String> fit = new java.util.LinkedHashMap<>(options);
        fit.remove(PRIOR);
        return FitOptions.ofProvider(inference, fit);
    }

    /** The option naming the model's weight prior ({@link WeightPrior#parse}'s forms). */
    public static final String PRIOR = "prior";

    /**
     * The weight prior of the model this method fits: option {@value #PRIOR}, by default {@code
     * normal:1} (what the MAP baselines' weight decay corresponds to).
     *
     * @return the prior
     */
    public WeightPrior prior() {
        return WeightPrior.parse(options.getOrDefault(PRIOR, "normal:1"));
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
