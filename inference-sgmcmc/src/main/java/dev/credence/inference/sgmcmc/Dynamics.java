package dev.credence.inference.sgmcmc;

/**
 * One update of a stochastic-gradient sampler, on plain arrays: given the state {@code (theta,
 * momentum)}, a stochastic gradient {@code g} of the log density at {@code theta}, a step size and
 * (in sampling steps) standard normal draws, move the state in place.
 *
 * <p>{@link Langevin} is SGLD and {@link Hamiltonian} is SGHMC. With {@code normals == null} the
 * update injects no noise and is plain stochastic-gradient ascent (with momentum for SGHMC), which
 * is what the exploration stage of cyclical SG-MCMC runs. The temperature {@code T} scales the
 * injected variance, so that the chain targets {@code p(theta | data)^(1/T)}; {@code T = 1} is the
 * posterior, {@code T < 1} a "cold" one.
 */
public sealed interface Dynamics permits Dynamics.Langevin, Dynamics.Hamiltonian {

    /**
     * Updates a state in place.
     *
     * @param theta the position, replaced by the next one
     * @param momentum the velocity, replaced by the next one (unused by SGLD)
     * @param grad the stochastic gradient of the log density at {@code theta}
     * @param step the step size of this update
     * @param temperature the temperature T, positive
     * @param normals standard normal draws, one per coordinate, or null for no noise
     */
    void update(
            double[] theta,
            double[] momentum,
            double[] grad,
            double step,
            double temperature,
            double[] normals);

    /**
     * Returns the name used in options and listings.
     *
     * @return {@code sgld} or {@code sghmc}
     */
    String name();

    /**
     * Stochastic gradient Langevin dynamics, equation (4) of Welling and Teh (ICML 2011):
     *
     * <pre>
     * theta &lt;- theta + (epsilon / 2) g + N(0, epsilon T).
     * </pre>
     *
     * Their {@code epsilon} is the step size here; the {@code alpha} of Zhang et al. (2020), who
     * write {@code theta - alpha grad U + sqrt(2 alpha) xi}, is {@code epsilon / 2}.
     */
    record Langevin() implements Dynamics {
        @Override
        public void update(
                double[] theta,
                double[] momentum,
                double[] grad,
                double step,
                double temperature,
                double[] normals) {
            double half = step / 2;
            double sd = Math.sqrt(step * temperature);
            for (int i = 0; i < theta.length; i++) {
                theta[i] += half * grad[i] + (normals == null ? 0 : sd * normals[i]);
            }
        }

        @Override
        public String name() {
            return "sgld";
        }
    }

    /**
     * Stochastic gradient Hamiltonian Monte Carlo, equation (15) of Chen, Fox and Guestrin,
     * "Stochastic gradient Hamiltonian Monte Carlo" (ICML 2014), in their SGD-with-momentum form
     * with the noise estimate {@code beta_hat = 0}:
     *
     * <pre>
     * v     &lt;- (1 - alpha) v + eta g + N(0, 2 alpha eta T)
     * theta &lt;- theta + v
     * </pre>
     *
     * where {@code eta} (the step size here) is the learning rate, {@code epsilon^2 / m} in the
     * paper's notation, and {@code alpha} (the friction) is {@code epsilon C / m}, the momentum
     * decay: SGD with momentum {@code 1 - alpha}, plus noise. The friction must dominate the
     * gradient noise, {@code alpha >> eta V / 2} for a minibatch gradient variance {@code V}, for
     * the chain to sample the posterior (section 3.3).
     *
     * @param friction alpha, in {@code (0, 1]}
     */
    record Hamiltonian(double friction) implements Dynamics {
        /**
         * Validates the friction.
         *
         * @param friction alpha
         */
        public Hamiltonian {
            if (!(friction > 0 && friction <= 1)) {
                throw new IllegalArgumentException(
                        "option 'friction' must be in (0, 1], found " + friction);
            }
        }

        @Override
        public void update(
                double[] theta,
                double[] momentum,
                double[] grad,
                double step,
                double temperature,
                double[] normals) {
            double keep = 1 - friction;
            double sd = Math.sqrt(2 * friction * step * temperature);
            for (int i = 0; i < theta.length; i++) {
                momentum[i] =
                        keep * momentum[i]
                                + step * grad[i]
                                + (normals == null ? 0 : sd * normals[i]);
                theta[i] += momentum[i];
            }
        }

        @Override
        public String name() {
            return "sghmc";
        }
    }
}
