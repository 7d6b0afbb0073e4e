package dev.credence.cli.check;

import dev.credence.cli.CommandFailure;
import dev.credence.cli.folder.Sizes;

/**
 * The heap this JVM may still use, against the estimated needs of a request: a request that cannot
 * fit is refused before the work starts, instead of failing with {@link OutOfMemoryError} minutes
 * (or never) later.
 *
 * <pre>{@code
 * MemoryBudget.ofThisJvm().require(Footprints.mlp(...), "--hidden", "use narrower layers");
 * }</pre>
 *
 * <p>The estimates count the big arrays only and are meant to catch requests that are many times
 * too large; one that passes can still run out of memory, which the command line then reports in
 * one line.
 */
public final class MemoryBudget {
    private final long max;
    private final long used;

    MemoryBudget(long max, long used) {
        this.max = max;
        this.used = used;
    }

    /**
     * The budget of this JVM now: its heap limit less what is in use.
     *
     * @return the budget
     */
    public static MemoryBudget ofThisJvm() {
        Runtime r = Runtime.getRuntime();
        return new MemoryBudget(r.maxMemory(), r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses a request whose estimate exceeds the memory left.
     *
     * @param need the estimate
     * @param options the options that drive it, for the message (such as {@code --hidden})
     * @param advice what to change (such as {@code use narrower layers})
     */
    public void require(Footprints.Estimate need, String options, String advice) {
        double left = Math.max(0, max - used);
        if (need.bytes() > left) {
            throw CommandFailure.resources(
                    "not enough memory: "
                            + need.what()
                            + " needs about "
                            + Sizes.format((long) Math.min(need.bytes(), Long.MAX_VALUE))
                            + ", but this JVM can use about "
                            + Sizes.format((long) left)
                            + " more (heap limit "
                            + Sizes.format(max)
                            + "); "
                            + advice
                            + " ("
                            + options
                            + "), or give Java more memory (for example"
                            + " CREDENCE_JAVA_OPTS=-Xmx16g)");
        }
    }
}
