package dev.credence.api.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The reverse-mode rule of a {@link Loop}: the adjoint recursion, built as another loop that runs
 * in the opposite direction (see {@link Loop} for the equations).
 *
 * <p>The adjoint loop carries one flat vector {@code [mu | pbar | xbar]}: the cotangent flowing
 * back into the carry ({@code c} entries), the running sums of the captures' cotangents ({@code P}
 * entries, tracked captures only) and the current step's cotangents of the sequences' rows ({@code
 * X} entries, tracked sequences only, not fed back). Its sequences are the cotangent of the forward
 * result, the carries each forward step started from, and the forward sequences; it captures the
 * forward captures. Its last row gives the initial carry's and the captures' gradients; its {@code
 * xbar} columns, the sequences'.
 */
final class LoopAdjoint {
    private final Loop loop;
    private final Tensor init;
    private final List<Tensor> xs;
    private final List<Tensor> captures;
    private final int carrySize;
    private final int captureSize;
    private final int rowSize;

    LoopAdjoint(Loop loop, Tensor[] in) {
        this.loop = loop;
        int m = loop.sequenceCount();
        this.init = in[0];
        this.xs = List.of(in).subList(1, 1 + m);
        this.captures = List.of(in).subList(1 + m, in.length);
        this.carrySize = loop.carryShape().size();
        int p = 0;
        for (Tensor c : captures) {
            p += c.isTracked() ? c.size() : 0;
        }
        this.captureSize = p;
        int x = 0;
        for (Tensor s : xs) {
            x += s.isTracked() ? s.size() / loop.length() : 0;
        }
        this.rowSize = x;
    }

    /** One cotangent per loop input (null where an input is off the tape). */
    Tensor[] cotangents(Tensor y, Tensor g) {
        int n = loop.length();
        int[] carryDims = loop.carryShape().dims();
        int[] rowDims = new int[carryDims.length + 1];
        rowDims[0] = 1;
        System.arraycopy(carryDims, 0, rowDims, 1, carryDims.length);
        Tensor initRow = init.reshape(rowDims);
        Tensor previous;
        if (n == 1) {
            previous = initRow;
        } else if (loop.reverse()) {
            previous = Indexing.concat(List.of(y.narrow(0, 1, n), initRow), 0);
        } else {
            previous = Indexing.concat(List.of(initRow, y.narrow(0, 0, n - 1)), 0);
        }
        List<Tensor> sequences = new ArrayList<>();
        sequences.add(g.cast(loop.dtype()));
        sequences.add(previous);
        sequences.addAll(xs);
        Tensor zero = Tensor.zeros(init.backend(), loop.dtype(), carrySize + captureSize + rowSize);
        Tensor z = Loop.apply(this::step, zero, sequences, !loop.reverse());
        int lastRow = loop.reverse() ? n - 1 : 0;
        Tensor last = z.narrow(0, lastRow, lastRow + 1).reshape(z.dim(1));
        Tensor[] out = new Tensor[1 + xs.size() + captures.size()];
        out[0] = last.narrow(0, 0, carrySize).reshape(carryDims);
        int at = carrySize;
        for (int j = 0; j < captures.size(); j++) {
            Tensor c = captures.get(j);
            if (c.isTracked()) {
                out[1 + xs.size() + j] =
                        last.narrow(0, at, at + c.size()).reshape(c.shape().dims()).cast(c.dtype());
                at += c.size();
            }
        }
        for (int i = 0; i < xs.size(); i++) {
            Tensor s = xs.get(i);
            if (s.isTracked()) {
                int k = s.size() / n;
                out[1 + i] = z.narrow(1, at, at + k).reshape(s.shape().dims()).cast(s.dtype());
                at += k;
            }
        }
        return out;
    }

    /**
     * One step of the adjoint loop: applies the body to variables at the carry the forward step
     * started from, back-propagates {@code lambda = G_t + mu} and packs the new accumulator.
     */
    private Tensor step(Tensor acc, List<Tensor> rows) {
        Tensor lambda =
                rows.get(0).add(acc.narrow(0, 0, carrySize).reshape(loop.carryShape().dims()));
        Tensor[] args = new Tensor[loop.body().inputCount()];
        List<Tensor> vars = new ArrayList<>();
        args[0] = Tape.variable(rows.get(1));
        vars.add(args[0]);
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = rows.get(2 + i);
            args[1 + i] = xs.get(i).isTracked() ? Tape.variable(x) : x;
            if (xs.get(i).isTracked()) {
                vars.add(args[1 + i]);
            }
        }
        for (int j = 0; j < captures.size(); j++) {
            Tensor c = captures.get(j);
            args[1 + xs.size() + j] = c.isTracked() ? Tape.variable(c) : c;
            if (c.isTracked()) {
                vars.add(args[1 + xs.size() + j]);
            }
        }
        Tensor out;
        boolean before = GradMode.setRecording(true);
        try {
            out = loop.body().call(args).get(0);
        } finally {
            GradMode.setRecording(before);
        }
        List<Tensor> grads = Backprop.run(out, lambda, vars, false);
        List<Tensor> parts = new ArrayList<>();
        parts.add(flat(grads.get(0)));
        int next = 1;
        List<Tensor> captureParts = new ArrayList<>();
        List<Tensor> rowParts = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i).isTracked()) {
                rowParts.add(flat(grads.get(next++)));
            }
        }
        for (Tensor c : captures) {
            if (c.isTracked()) {
                captureParts.add(flat(grads.get(next++)));
            }
        }
        if (captureSize > 0) {
            Tensor sum = Indexing.concat(captureParts, 0);
            parts.add(acc.narrow(0, carrySize, carrySize + captureSize).add(sum));
        }
        if (rowSize > 0) {
            parts.add(Indexing.concat(rowParts, 0));
        }
        return parts.size() == 1 ? parts.get(0) : Indexing.concat(parts, 0);
    }

    private Tensor flat(Tensor t) {
        return t.reshape(t.size()).cast(loop.dtype());
    }
}
