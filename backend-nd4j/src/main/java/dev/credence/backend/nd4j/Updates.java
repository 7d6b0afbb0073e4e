package dev.credence.backend.nd4j;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import dev.credence.api.backend.UpdateLoops;
import java.nio.ByteBuffer;

/**
 * The optimizer primitives {@link Primitive#EMA} and {@link Primitive#RMS_STEP}: the API's loops
 * ({@link UpdateLoops}) over the arrays' native memory, one pass each where Adam composed from
 * libnd4j's arithmetic makes twelve, each a native call with its own result.
 */
final class Updates {
    private Updates() {}

    static Nd4jBuffer apply(
            Allocator mem, Primitive op, Attributes attributes, Nd4jBuffer[] in, Shape shape) {
        DType dtype = in[0].dtype;
        Nd4jBuffer out = mem.allocate(dtype, shape);
        ByteBuffer[] views = new ByteBuffer[in.length];
        for (int i = 0; i < in.length; i++) {
            views[i] = HostIo.view(in[i]);
        }
        UpdateLoops.execute(op, attributes, views, HostIo.view(out), dtype, shape.size());
        return out;
    }
}
