package dev.credence.backend.djl;

import java.util.concurrent.atomic.LongAdder;

/** How many buffers of one backend are alive: a cheap counter that several threads update. */
final class LiveCount {
    private final LongAdder count = new LongAdder();

    void increment() {
        count.increment();
    }

    void decrement() {
        count.decrement();
    }

    long get() {
        return count.sum();
    }
}
