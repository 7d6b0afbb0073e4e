package dev.credence.api.model;

import java.util.function.Predicate;

/** Hides the messages a predicate selects from all handlers outside this one. */
final class BlockEffect extends Effect {
    private final Predicate<Message> hide;

    BlockEffect(Predicate<Message> hide) {
        this.hide = hide;
    }

    @Override
    protected void process(Message m) {
        if (hide.test(m)) {
            m.stop();
        }
    }
}
