package dev.credence.api.model;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Device;
import dev.credence.api.backend.Shape;
import dev.credence.api.compile.CompiledProgram;
import dev.credence.api.compile.ProgramCompiler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Potential#constrain} recorded once, for mapping every draw of a sampler back to the
 * model's sites: the site names and shapes, the replayable program, and (on a CPU backend) the
 * program compiled for the host. Each is used only after it reproduced a direct evaluation exactly
 * at a point other than the recorded one; {@link #recordOf} returns null when the recording cannot
 * be replayed.
 */
final class ConstrainProgram {
    private final List<String> names;
    private final List<int[]> shapes;
    private final Program program;
    private final CompiledProgram host;
    private final ThreadLocal<CompiledProgram.Frame> frames;
    private final int size;

    private ConstrainProgram(
            List<String> names, List<int[]> shapes, Program program, CompiledProgram host) {
        this.names = List.copyOf(names);
        this.shapes = List.copyOf(shapes);
        this.program = program;
        this.host = host;
        this.frames = host == null ? null : ThreadLocal.withInitial(host::newFrame);
        int n = 0;
        for (int[] s : shapes) {
            n += Shape.of(s).size();
        }
        this.size = n;
    }

    /** Records and checks the program, or returns null if it cannot be replayed. */
    static ConstrainProgram recordOf(Potential potential, boolean hostCompile) {
        try (TensorScope scope = TensorScope.open()) {
            Tensor a = potential.initialPoint(RandomKey.of(11));
            List<String> names = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();
            Program p =
                    Program.record(
                            a,
                            x -> {
                                List<Tensor> outs = new ArrayList<>();
                                for (var e : potential.constrain(x).entrySet()) {
                                    names.add(e.getKey());
                                    shapes.add(e.getValue().shape().dims());
                                    outs.add(e.getValue());
                                }
                                return outs;
                            });
            if (p.notReplayableReason() != null) {
                return null;
            }
            Tensor t = potential.initialPoint(RandomKey.of(12));
            Map<String, Tensor> direct = potential.constrain(t);
            if (!names.equals(List.copyOf(direct.keySet()))) {
                return null;
            }
            Backend b = potential.backend();
            Buffer[] out = p.run(b, t.buffer());
            double[] want = concat(names, direct);
            double[] replayed = new double[want.length];
            int at = 0;
            for (Buffer o : out) {
                double[] v = b.toDoubles(o);
                System.arraycopy(v, 0, replayed, at, v.length);
                at += v.length;
            }
            if (!Arrays.equals(want, replayed)) {
                return null;
            }
            return new ConstrainProgram(
                    names, shapes, p, hostCompile ? host(potential, p, t, want) : null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static CompiledProgram host(Potential potential, Program p, Tensor t, double[] want) {
        ProgramCompiler compiler = ProgramCompiler.installed().orElse(null);
        if (compiler == null || potential.backend().device().kind() != Device.Kind.CPU) {
            return null;
        }
        try {
            CompiledProgram hp =
                    compiler.compile(
                            p,
                            potential.backend(),
                            new Shape[] {Shape.of(potential.dimension())},
                            new DType[] {potential.dtype()});
            CompiledProgram.Frame f = hp.newFrame();
            hp.run(f, t.toDoubleArray());
            double[] got = new double[want.length];
            int at = 0;
            for (int i = 0; at < got.length; i++) {
                double[] v = hp.output(f, i);
                System.arraycopy(v, 0, got, at, v.length);
                at += v.length;
            }
            return Arrays.equals(want, got) ? hp : null;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static double[] concat(List<String> names, Map<String, Tensor> sites) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (String name : names) {
            double[] v = sites.get(name).toDoubleArray();
            parts.add(v);
            n += v.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] v : parts) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** The site values at {@code q}, by name. */
    Map<String, Tensor> constrain(Potential potential, double[] q) {
        Backend b = potential.backend();
        Buffer in = b.fromDoubles(q, Shape.of(q.length), potential.dtype());
        Buffer[] out = program.run(b, in);
        b.release(in);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            m.put(names.get(i), Tensor.wrap(b, out[i]).reshape(shapes.get(i)));
        }
        return m;
    }

    /** The site values at {@code q}, concatenated in site order. */
    double[] values(Potential potential, double[] q) {
        double[] out = new double[size];
        if (host != null) {
            CompiledProgram.Frame f = frames.get();
            host.run(f, q);
            int at = 0;
            for (int i = 0; at < size; i++) {
                double[] v = host.output(f, i);
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            }
            return out;
        }
        int at = 0;
        for (Tensor t : constrain(potential, q).values()) {
            double[] v = t.toDoubleArray();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** The sites' names and shapes, in order. */
    Map<String, int[]> shapes() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), shapes.get(i).clone());
        }
        return m;
    }
}
