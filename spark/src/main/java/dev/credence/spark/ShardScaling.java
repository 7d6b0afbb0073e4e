package dev.credence.spark;

import dev.credence.api.model.Effect;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Message;
import dev.credence.api.model.Model;
import dev.credence.api.model.PlateFrame;

/**
 * The handler that turns a model over one shard's rows into that shard's share of the model over
 * all rows. A log joint over independent rows is a sum, {@code log p(z) + sum_i log p(x_i | z)}:
 * each shard adds its rows' terms (the sites inside the data plate), multiplied by {@code
 * localScale} ({@code n_p / B_p} when the shard uses a minibatch of {@code B_p} of its {@code n_p}
 * rows), and the terms outside the data plate (priors, global guide sites) are multiplied by {@code
 * globalWeight}: 1 on the one shard that owns them and 0 elsewhere for SVI, so that the shards' sum
 * counts them once; {@code 1 / S} in every shard for consensus Monte Carlo, whose sub-posteriors
 * take the prior to the power {@code 1 / S}.
 */
public final class ShardScaling extends Effect {
    private final String plate;
    private final double globalWeight;
    private final double localScale;

    private ShardScaling(String plate, double globalWeight, double localScale) {
        this.plate = plate;
        this.globalWeight = globalWeight;
        this.localScale = localScale;
    }

    /**
     * Wraps a model (or a guide) with the scaling.
     *
     * @param model the model over one shard's rows
     * @param plate the name of the data plate
     * @param globalWeight the factor of the sites outside the data plate, {@code >= 0}
     * @param localScale the factor of the sites inside it, {@code > 0}
     * @return the scaled model
     */
    public static Model apply(Model model, String plate, double globalWeight, double localScale) {
        if (!(globalWeight >= 0) || Double.isInfinite(globalWeight) || !(localScale > 0)) {
            throw new IllegalArgumentException(
                    "shard scaling: needs a finite global weight >= 0 and a local scale > 0,"
                            + " found "
                            + globalWeight
                            + " and "
                            + localScale);
        }
        return Handlers.with(model, () -> new ShardScaling(plate, globalWeight, localScale));
    }

    @Override
    protected void process(Message m) {
        if (!m.isRandom()) {
            return;
        }
        boolean local = false;
        for (PlateFrame f : m.plates()) {
            local |= f.name().equals(plate);
        }
        double factor = local ? localScale : globalWeight;
        if (factor != 1) {
            m.multiplyScale(factor);
        }
    }
}
