package dev.credence.inference.vi;

import dev.credence.api.model.Effect;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Message;
import dev.credence.api.model.Model;
import dev.credence.api.model.SiteKind;

/**
 * A handler that makes every plate use all of its {@code N} repetitions, as if it did not
 * subsample: the subsample is set to {@code 0..N-1} (so the {@code N / B} scale is 1). Posterior
 * draws and predictions then cover the whole data set, with local latent sites of their full size.
 */
final class FullPlates extends Effect {

    /**
     * Wraps a model.
     *
     * @param model the model or guide
     * @return the model with subsampling switched off
     */
    static Model of(Model model) {
        return Handlers.with(model, FullPlates::new);
    }

    @Override
    protected void process(Message m) {
        if (m.kind() == SiteKind.PLATE
                && m.subsample() == null
                && m.plateSubsampleSize() < m.plateSize()) {
            int[] all = new int[m.plateSize()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            m.setSubsample(all);
        }
    }
}
