package dev.credence.cli.check;

/**
 * Rough sizes of what a command keeps in memory and writes to disk, from its options alone: the big
 * arrays, counted in doubles so that absurd requests cannot overflow the arithmetic. They are
 * deliberately simple: their job is to tell 2 GiB from 2 TiB, not 2.0 from 2.3 GiB.
 */
public final class Footprints {
    private static final double DOUBLE = 8;
    private static final double MIB = 1 << 20;

    private Footprints() {}

    /**
     * An estimate.
     *
     * @param what the request, for messages
     * @param bytes the bytes of memory it needs
     */
    public record Estimate(String what, double bytes) {}

    /**
     * MCMC draws: every chain keeps every draw of every parameter and sampler statistic, and the
     * summary and Stan CSV export make about one more copy.
     *
     * @param chains the chains
     * @param samples the draws per chain
     * @param dims the unconstrained dimension of the model
     * @param stats the sampler statistics per draw
     * @return the estimate
     */
    public static Estimate mcmc(int chains, int samples, int dims, int stats) {
        double values = (double) chains * samples * (dims + stats);
        return new Estimate(
                chains + " chains x " + samples + " draws of " + dims + " parameters",
                2 * DOUBLE * values);
    }

    /**
     * The Stan CSV files of MCMC draws, about 20 characters a value.
     *
     * @param chains the chains
     * @param samples the draws per chain
     * @param dims the parameters
     * @param stats the sampler statistics
     * @return bytes on disk
     */
    public static long mcmcDisk(int chains, int samples, int dims, int stats) {
        return (long) Math.min(Long.MAX_VALUE, 20.0 * chains * samples * (dims + stats) + MIB);
    }

    /**
     * The weights of a multilayer perceptron.
     *
     * @param inputs the input width
     * @param hidden the hidden widths
     * @param outputs the output width
     * @return the number of weights and biases
     */
    public static double mlpWeights(int inputs, int[] hidden, int outputs) {
        double total = 0;
        double in = inputs;
        for (int h : hidden) {
            total += in * h + h;
            in = h;
        }
        return total + in * outputs + outputs;
    }

    /**
     * A Bayesian network fit: copies of the weights that training keeps alive (values, gradients,
     * optimizer moments; twice that for a mean-field guide), the weight sets kept for prediction,
     * NUTS draws, and the activations of all rows at once at prediction.
     *
     * @param weights the network's weights ({@link #mlpWeights})
     * @param method the inference method
     * @param rows the training rows
     * @param widest the widest layer
     * @param draws the weight sets kept
     * @param chains the NUTS chains
     * @param nutsSamples the NUTS draws per chain
     * @return the estimate
     */
    public static Estimate bnn(
            double weights,
            String method,
            int rows,
            int widest,
            int draws,
            int chains,
            int nutsSamples) {
        double copies =
                switch (method) {
                    case "svi" -> 12;
                    case "nuts" -> 12 + (double) chains * nutsSamples;
                    default -> 6;
                };
        double kept = "map".equals(method) ? 1 : draws;
        double activations = 4.0 * rows * widest;
        return new Estimate(
                "a network of "
                        + String.format(java.util.Locale.ROOT, "%.3g", weights)
                        + " weights fitted by "
                        + method,
                DOUBLE * ((copies + kept) * weights + activations));
    }

    /**
     * The weights of the VAE's encoder and decoder ({@code pixels-hidden-2 latent} and {@code
     * latent-hidden-pixels}).
     *
     * @param pixels the pixels per image
     * @param hidden the hidden width
     * @param latent the latent dimension
     * @return the number of weights and biases
     */
    public static double vaeWeights(int pixels, int hidden, int latent) {
        double h = hidden;
        double l = latent;
        return pixels * h + h + h * 2 * l + 2 * l + l * h + h + h * pixels + pixels;
    }

    /**
     * VAE training: about ten copies of the weights (values, gradients, Adam's moments, the
     * checkpoints' host copies) and the activations of a minibatch of {@code batch x particles}
     * examples.
     *
     * @param weights the weights ({@link #vaeWeights})
     * @param bytesPerValue 4 for FLOAT32, 8 for FLOAT64
     * @param batch the minibatch size
     * @param particles the importance samples per example
     * @param width the values per example through the network ({@code 2 hidden + 3 latent +
     *     pixels})
     * @return the estimate
     */
    public static Estimate vae(
            double weights, int bytesPerValue, int batch, int particles, double width) {
        double activations = 6.0 * batch * particles * width;
        return new Estimate(
                "a VAE of "
                        + String.format(java.util.Locale.ROOT, "%.3g", weights)
                        + " weights (minibatch "
                        + batch
                        + " x "
                        + particles
                        + " samples)",
                bytesPerValue * (10 * weights + activations));
    }

    /**
     * Bytes on disk for checkpoints of {@code weights} values, {@code copies} of them, plus a
     * margin for figures and tables.
     *
     * @param weights the values in each copy
     * @param bytesPerValue 4 or 8
     * @param copies the copies written (model, optimizer state, weight sets)
     * @return bytes on disk
     */
    public static long checkpointDisk(double weights, int bytesPerValue, double copies) {
        return (long) Math.min(Long.MAX_VALUE, weights * bytesPerValue * copies + 4 * MIB);
    }
}
