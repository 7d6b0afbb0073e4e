package dev.credence.models.bnn.laplace;

import dev.credence.api.nn.Conv2d;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The receptive fields of a convolution ("im2col", as rows): for images {@code [B, C, H, W]} and a
 * {@link Conv2d} layer, the tensor {@code [B, T, C k k]} whose row {@code (b, t)} holds the padded
 * input values the layer multiplies by its kernel at output position {@code t}, in the kernel's own
 * {@code (c, p, q)} order. Built with one gather from the padded, flattened images, so it runs on
 * any backend.
 */
final class Patches {
    private Patches() {}

    static Tensor of(Tensor x, Conv2d conv) {
        int b = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int p = conv.padding();
        int k = conv.kernel();
        int s = conv.stride();
        int hp = h + 2 * p;
        int wp = w + 2 * p;
        int ho = conv.outputSize(h);
        int wo = conv.outputSize(w);
        Tensor padded = x;
        if (p > 0) {
            Tensor rows = Tensor.zeros(x.backend(), x.dtype(), b, c, p, w);
            padded = Indexing.concat(List.of(rows, padded, rows), 2);
            Tensor cols = Tensor.zeros(x.backend(), x.dtype(), b, c, hp, p);
            padded = Indexing.concat(List.of(cols, padded, cols), 3);
        }
        int[] idx = new int[ho * wo * c * k * k];
        int at = 0;
        for (int i = 0; i < ho; i++) {
            for (int j = 0; j < wo; j++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            idx[at++] = (ch * hp + i * s + u) * wp + j * s + v;
                        }
                    }
                }
            }
        }
        Tensor flat = padded.reshape(b, c * hp * wp);
        return flat.gather(1, Tensor.ofInts(x.backend(), idx, idx.length))
                .reshape(b, ho * wo, c * k * k);
    }
}
