package dev.credence.api.infer;

import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;

/**
 * A model together with a user-written guide (variational family), for variational inference
 * through the generic {@link Inference#fit(Model)} entry point. Running it runs the model; an
 * algorithm that understands guides (such as {@code svi}) takes the guide from here, others ignore
 * it.
 *
 * <pre>{@code
 * Posterior q = Inferences.discover().create("svi", config).fit(new GuidedModel(model, encoder));
 * }</pre>
 *
 * <p>The guide is an ordinary model: its {@code param} sites are the variational parameters
 * (possibly the weights of an encoder network: an amortised guide) and its {@code sample} sites
 * must cover every latent site of the model, with the same names.
 *
 * @param model the generative model
 * @param guide the guide
 */
public record GuidedModel(Model model, Model guide) implements Model {

    /**
     * Validates the parts.
     *
     * @param model the generative model
     * @param guide the guide
     */
    public GuidedModel {
        if (model == null || guide == null) {
            throw new IllegalArgumentException("a guided model needs both a model and a guide");
        }
    }

    @Override
    public void run(ModelContext ctx) {
        model.run(ctx);
    }
}
