package dev.credence.api.optim;

/**
 * A learning-rate schedule: the rate to use at a given step (counting from 1, the first update).
 *
 * <p>Schedules compose: {@code LearningRate.warmup(500, LearningRate.cosine(1e-3, 10_000, 1e-5))}
 * rises linearly for 500 steps, then follows the cosine. A schedule is a pure function of the step,
 * so a resumed run continues on exactly the same rates.
 */
@FunctionalInterface
public interface LearningRate {

    /**
     * Returns the rate at a step.
     *
     * @param step the update number, starting at 1
     * @return the learning rate
     */
    double at(long step);

    /**
     * A constant rate.
     *
     * @param lr the rate, positive
     * @return the schedule
     */
    static LearningRate constant(double lr) {
        positive(lr, "learning rate");
        return step -> lr;
    }

    /**
     * Multiplies the rate by {@code gamma} every {@code every} steps (PyTorch's StepLR).
     *
     * @param lr the initial rate
     * @param every steps between decays
     * @param gamma the factor
     * @return the schedule
     */
    static LearningRate step(double lr, long every, double gamma) {
        positive(lr, "learning rate");
        positive(every, "decay interval");
        return step -> lr * Math.pow(gamma, (step - 1) / every);
    }

    /**
     * Multiplies the rate by {@code gamma} every step.
     *
     * @param lr the initial rate
     * @param gamma the per-step factor, in (0, 1]
     * @return the schedule
     */
    static LearningRate exponential(double lr, double gamma) {
        positive(lr, "learning rate");
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException(
                    "exponential decay factor must be in (0, 1], found " + gamma);
        }
        return step -> lr * Math.pow(gamma, step - 1);
    }

    /**
     * Cosine annealing from {@code lr} to {@code min} over {@code total} steps, then {@code min}.
     *
     * @param lr the initial rate
     * @param total the number of steps of the decay
     * @param min the final rate
     * @return the schedule
     */
    static LearningRate cosine(double lr, long total, double min) {
        positive(lr, "learning rate");
        positive(total, "cosine length");
        return step -> {
            double t = Math.min(1.0, (step - 1) / (double) total);
            return min + 0.5 * (lr - min) * (1 + Math.cos(Math.PI * t));
        };
    }

    /**
     * Linear warm-up from {@code rate/steps} to the inner schedule's rate over {@code steps} steps;
     * afterwards the inner schedule, shifted so it starts at its own step 1.
     *
     * @param steps the warm-up length
     * @param after the schedule after warm-up
     * @return the schedule
     */
    static LearningRate warmup(long steps, LearningRate after) {
        positive(steps, "warm-up length");
        return step -> step <= steps ? after.at(1) * step / steps : after.at(step - steps);
    }

    private static void positive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, found " + v);
        }
    }
}
