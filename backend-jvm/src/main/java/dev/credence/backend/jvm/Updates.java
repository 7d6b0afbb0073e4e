package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.UpdateLoops;

/**
 * The optimizer primitives {@link Primitive#EMA} and {@link Primitive#RMS_STEP}: the API's shared
 * loops ({@link UpdateLoops}) over this backend's heap arrays, split over the kernel threads. One
 * pass each, where Adam's composition takes twelve over every parameter.
 */
final class Updates {
    private Updates() {}

    static JvmBuffer apply(Primitive op, Attributes attributes, JvmBuffer[] in, Parallel par) {
        JvmBuffer x = in[0];
        int n = x.shape.size();
        JvmBuffer r = JvmBuffer.output(x.shape, x.dtype);
        if (op == Primitive.EMA) {
            Attributes.Decay a = (Attributes.Decay) attributes;
            switch (x.dtype) {
                case FLOAT64 ->
                        par.range(
                                n,
                                Parallel.GRAIN,
                                (lo, hi) ->
                                        UpdateLoops.ema(
                                                x.d, in[1].d, r.d, lo, hi, a.decay(), a.squared()));
                default ->
                        par.range(
                                n,
                                Parallel.GRAIN,
                                (lo, hi) ->
                                        UpdateLoops.ema(
                                                x.f, in[1].f, r.f, lo, hi, a.decay(), a.squared()));
            }
            return r;
        }
        switch (x.dtype) {
            case FLOAT64 -> {
                double eps = in[3].d[0];
                double rate = in[4].d[0];
                par.range(
                        n,
                        Parallel.GRAIN,
                        (lo, hi) ->
                                UpdateLoops.rmsStep(x.d, in[1].d, in[2].d, r.d, lo, hi, eps, rate));
            }
            default -> {
                float eps = in[3].f[0];
                float rate = in[4].f[0];
                par.range(
                        n,
                        Parallel.GRAIN,
                        (lo, hi) ->
                                UpdateLoops.rmsStep(x.f, in[1].f, in[2].f, r.f, lo, hi, eps, rate));
            }
        }
        return r;
    }
}
