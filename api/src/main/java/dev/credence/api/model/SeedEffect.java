package dev.credence.api.model;

import dev.credence.api.random.RandomKey;

/** Gives each latent sample site and each subsampling plate its own key, {@code key.fold(i)}. */
final class SeedEffect extends Effect {
    private final RandomKey key;
    private long counter;

    SeedEffect(RandomKey key) {
        this.key = key;
    }

    @Override
    protected void process(Message m) {
        boolean wants =
                (m.kind() == SiteKind.SAMPLE && m.value() == null) || m.kind() == SiteKind.PLATE;
        if (wants && m.key() == null) {
            m.setKey(key.fold(counter++));
        }
    }
}
