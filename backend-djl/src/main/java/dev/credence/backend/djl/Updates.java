package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UpdateLoops;
import java.nio.ByteBuffer;

/**
 * The optimizer primitives {@link Primitive#EMA} and {@link Primitive#RMS_STEP} on the CPU: the
 * API's loops ({@link UpdateLoops}) over libtorch's memory, one pass each. libtorch has no such
 * kernel out of place (DJL's {@code adamUpdate} overwrites its operands, and is itself several
 * passes), and Adam composed from its arithmetic is twelve passes over every parameter, each a
 * native call that allocates its result; a VAE step spent about 2 ms in them.
 *
 * <p>The loops read each array through a direct view of its memory. DJL gives that view for a
 * contiguous array and otherwise makes a contiguous copy, attached to the array's manager; the
 * views are taken inside an {@link NDScope}, which closes such copies when the pass is done.
 */
final class Updates {
    private Updates() {}

    static NDArray apply(
            NDManager m,
            Primitive op,
            Attributes attributes,
            NDArray[] in,
            Shape shape,
            DType dtype) {
        NDArray out = m.create(Types.of(shape), Types.of(dtype));
        try (NDScope copies = new NDScope()) {
            ByteBuffer[] views = new ByteBuffer[in.length];
            for (int i = 0; i < in.length; i++) {
                views[i] = in[i].toByteBuffer(true);
            }
            UpdateLoops.execute(op, attributes, views, out.toByteBuffer(true), dtype, shape.size());
        }
        return out;
    }
}
