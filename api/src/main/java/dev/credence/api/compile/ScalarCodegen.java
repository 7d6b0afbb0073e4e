package dev.credence.api.compile;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates JVM bytecode for a run of small steps: every element of every value becomes a local
 * variable, every elementwise operation one or two instructions, every reduction or small matrix
 * product a chain of additions, and reshapes, broadcasts, slices and concatenations no code at all.
 * The result is one straight-line method per run of steps, which the JIT compiles into register
 * arithmetic: for the scalar-heavy bodies of recurrences and small models, the cost of a kernel
 * call per step disappears.
 *
 * <p>Values computed in the same order as the kernels compute them (additions of a sum in input
 * order from 0, of a product's entry over {@code p} from 0), so generated code gives the kernels'
 * results bit for bit. Elements read from outside the run are loaded from their slots once; values
 * needed outside it are stored to their slots at the end.
 *
 * <p>The class is defined as a hidden class of this package ({@link
 * MethodHandles.Lookup#defineHiddenClass}); its method stays under the JIT's limit on method size
 * ({@link #BUDGET}).
 */
final class ScalarCodegen {
    /** The most elements a value may have to be held in locals. */
    static final int MAX_ELEMENTS = 64;

    /** The most elements an input of a reduction or product may have. */
    static final int MAX_INPUT = 256;

    /** The estimated code size, in bytes, at which a run is cut (HotSpot compiles up to 8000). */
    static final int BUDGET = 6000;

    /** The interface generated classes implement. */
    interface Code {
        void run(double[][] s);
    }

    /** A kernel that runs generated code on the frame's slots. */
    record Block(Code code, int steps) implements Kernel {
        @Override
        public void run(HostProgram.Frame f) {
            code.run(f.s);
        }
    }

    private static final String SELF = "dev/credence/api/compile/";

    private final Graph g;
    private final ClassAssembler asm;
    private final Map<Integer, int[]> values = new HashMap<>();
    private final Map<Long, Integer> loaded = new HashMap<>();
    private final Map<Integer, int[]> rows = new HashMap<>();
    private int locals;

    ScalarCodegen(Graph g, ClassAssembler asm) {
        this.g = g;
        this.asm = asm;
    }

    /** Whether generated code can compute this step. */
    static boolean supports(Graph g, Graph.Node n) {
        if (n.loop != null || n.shape.size() > MAX_ELEMENTS || n.dtype == DType.FLOAT32) {
            return false;
        }
        for (int i : n.in) {
            if (g.node(i).shape.size() > MAX_INPUT) {
                return false;
            }
        }
        return switch (n.op.family()) {
            case UNARY, BINARY, COMPARE, SELECT, REDUCE, SCAN -> true;
            case LINEAR_ALGEBRA -> n.op == Primitive.MATMUL;
            case MOVEMENT ->
                    switch (n.op) {
                        case GATHER -> g.node(n.in[1]).isConstant();
                        case SCATTER_ADD -> g.node(n.in[0]).isConstant();
                        case ONE_HOT -> g.node(n.in[0]).isConstant();
                        default -> true;
                    };
        };
    }

    /** A generous estimate of the code size of a step, in bytes. */
    static int cost(Graph g, Graph.Node n) {
        int inputs = 0;
        for (int i : n.in) {
            inputs += g.node(i).shape.size();
        }
        return 16 * (n.shape.size() + inputs) + 8;
    }

    /**
     * Generates the code of a run of steps.
     *
     * @param g the graph
     * @param run the steps, in order
     * @param stored whether each node's value must be stored to its slot (used outside the run)
     * @return the kernel
     */
    static Kernel generate(Graph g, List<Graph.Node> run, boolean[] stored) {
        ScalarCodegen c = new ScalarCodegen(g, new ClassAssembler());
        for (Graph.Node n : run) {
            c.define(n);
        }
        for (Graph.Node n : run) {
            if (stored[n.id]) {
                c.store(n.id, c.values.get(n.id));
            }
        }
        return new Block(c.finish(), run.size());
    }

    /** Finishes the method and defines its class: the generated code, ready to run. */
    Code finish() {
        byte[] bytes = asm.finish(SELF + "Generated", SELF + "ScalarCodegen$Code");
        try {
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Code)
                    l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("scalar code generation failed: " + e, e);
        }
    }

    /** Emits the code of a step; its elements become locals. */
    void define(Graph.Node n) {
        values.put(n.id, emit(n));
    }

    /** Makes the elements of node {@code id} the given locals (a value held across a loop). */
    void bind(int id, int[] elements) {
        values.put(id, elements);
    }

    /**
     * Makes node {@code id} the current row of the sequence in slot {@code slot}: element {@code k}
     * is read from {@code s[slot][counter * rowSize + k]}.
     */
    void bindRow(int id, int slot, int rowSize) {
        rows.put(id, new int[] {slot, rowSize});
    }

    /** The number of double locals defined so far. */
    int locals() {
        return locals;
    }

    /** Loads element {@code k} of slot {@code slot} into a new local. */
    int loadSlot(int slot, int k) {
        asm.loadSlots();
        asm.pushInt(slot);
        asm.aaload();
        asm.pushInt(k);
        asm.daload();
        return fresh();
    }

    /** A new local holding the value of local {@code l}. */
    int copy(int l) {
        asm.dload(l);
        return fresh();
    }

    /** Sets local {@code to} to the value of local {@code from}. */
    void assign(int to, int from) {
        asm.dload(from);
        asm.dstore(to);
    }

    /** Stores local {@code l} to {@code s[slot][counter * rowSize + k]}. */
    void storeRow(int slot, int rowSize, int k, int l) {
        asm.loadSlots();
        asm.pushInt(slot);
        asm.aaload();
        asm.loadCounter();
        asm.pushInt(rowSize);
        asm.imul();
        asm.pushInt(k);
        asm.iadd();
        asm.dload(l);
        asm.dastore();
    }

    /** Element {@code k} of node {@code id}: a local, loading it from its slot the first time. */
    int element(int id, int k) {
        int[] v = values.get(id);
        if (v != null) {
            return v[k];
        }
        Graph.Node n = g.node(id);
        long key = ((long) id << 32) | k;
        Integer l = loaded.get(key);
        if (l == null) {
            int[] row = rows.get(id);
            if (n.isConstant()) {
                asm.pushDouble(n.constant[k]);
            } else if (row != null) {
                asm.loadSlots();
                asm.pushInt(row[0]);
                asm.aaload();
                asm.loadCounter();
                asm.pushInt(row[1]);
                asm.imul();
                asm.pushInt(k);
                asm.iadd();
                asm.daload();
            } else {
                asm.loadSlots();
                asm.pushInt(id);
                asm.aaload();
                asm.pushInt(k);
                asm.daload();
            }
            l = locals++;
            asm.dstore(l);
            loaded.put(key, l);
        }
        return l;
    }

    private int fresh() {
        int l = locals++;
        asm.dstore(l);
        return l;
    }

    private void store(int id, int[] elements) {
        for (int k = 0; k < elements.length; k++) {
            asm.loadSlots();
            asm.pushInt(id);
            asm.aaload();
            asm.pushInt(k);
            asm.dload(elements[k]);
            asm.dastore();
        }
    }

    private int[] emit(Graph.Node n) {
        int size = n.shape.size();
        int[] out = new int[size];
        int x = n.in[0];
        Shape sx = g.node(x).shape;
        boolean integer = g.node(x).dtype != DType.FLOAT64;
        switch (n.op.family()) {
            case UNARY -> {
                for (int k = 0; k < size; k++) {
                    asm.dload(element(x, k));
                    unary(n.op, integer);
                    out[k] = fresh();
                }
            }
            case BINARY, COMPARE -> {
                int y = n.in[1];
                int[] ia = Offsets.broadcast(sx, n.shape);
                int[] ib = Offsets.broadcast(g.node(y).shape, n.shape);
                for (int k = 0; k < size; k++) {
                    int a = element(x, ia[k]);
                    int b = element(y, ib[k]);
                    asm.dload(a);
                    asm.dload(b);
                    binary(n.op, integer);
                    out[k] = fresh();
                }
            }
            case SELECT -> {
                int[][] maps = new int[3][];
                for (int i = 0; i < 3; i++) {
                    maps[i] = Offsets.broadcast(g.node(n.in[i]).shape, n.shape);
                }
                for (int k = 0; k < size; k++) {
                    int c = element(n.in[0], maps[0][k]);
                    int a = element(n.in[1], maps[1][k]);
                    int b = element(n.in[2], maps[2][k]);
                    asm.dload(c);
                    asm.dload(a);
                    asm.dload(b);
                    asm.invokeStatic(SELF + "ScalarOps", "select", "(DDD)D");
                    out[k] = fresh();
                }
            }
            case REDUCE -> reduce(n, x, sx, out);
            case SCAN -> scan(n, x, sx, out);
            case LINEAR_ALGEBRA -> matmul(n, out);
            case MOVEMENT -> movement(n, x, sx, out);
        }
        return out;
    }

    private void unary(Primitive op, boolean integer) {
        String math = "java/lang/Math";
        String sm = "dev/credence/api/backend/ScalarMath";
        switch (op) {
            case NEG -> {
                if (integer) {
                    asm.invokeStatic(SELF + "ScalarOps", "ineg", "(D)D");
                } else {
                    asm.arithmetic(ClassAssembler.DNEG);
                }
            }
            case ABS ->
                    asm.invokeStatic(
                            integer ? SELF + "ScalarOps" : math, integer ? "iabs" : "abs", "(D)D");
            case EXP -> asm.invokeStatic(math, "exp", "(D)D");
            case LOG -> asm.invokeStatic(math, "log", "(D)D");
            case LOG1P -> asm.invokeStatic(math, "log1p", "(D)D");
            case EXPM1 -> asm.invokeStatic(math, "expm1", "(D)D");
            case SQRT -> asm.invokeStatic(math, "sqrt", "(D)D");
            case SIGN -> asm.invokeStatic(math, "signum", "(D)D");
            case SIN -> asm.invokeStatic(math, "sin", "(D)D");
            case COS -> asm.invokeStatic(math, "cos", "(D)D");
            case TANH -> asm.invokeStatic(math, "tanh", "(D)D");
            case SIGMOID -> asm.invokeStatic(SELF + "ElementwiseKernels", "sigmoid", "(D)D");
            case LGAMMA -> asm.invokeStatic(sm, "lgamma", "(D)D");
            case DIGAMMA -> asm.invokeStatic(sm, "digamma", "(D)D");
            case TRIGAMMA -> asm.invokeStatic(sm, "trigamma", "(D)D");
            case ERF -> asm.invokeStatic(sm, "erf", "(D)D");
            default -> throw new IllegalStateException(op + " is not unary");
        }
    }

    private void binary(Primitive op, boolean integer) {
        String ops = SELF + "ScalarOps";
        if (integer) {
            String name =
                    switch (op) {
                        case ADD -> "iadd";
                        case SUB -> "isub";
                        case MUL -> "imul";
                        case MAXIMUM -> "imax";
                        case MINIMUM -> "imin";
                        case LT -> "ilt";
                        case LE -> "ile";
                        case EQ -> "ieq";
                        default -> throw new IllegalStateException(op + " on INT32");
                    };
            asm.invokeStatic(ops, name, "(DD)D");
            return;
        }
        switch (op) {
            case ADD -> asm.arithmetic(ClassAssembler.DADD);
            case SUB -> asm.arithmetic(ClassAssembler.DSUB);
            case MUL -> asm.arithmetic(ClassAssembler.DMUL);
            case DIV -> asm.arithmetic(ClassAssembler.DDIV);
            case POW -> asm.invokeStatic("java/lang/Math", "pow", "(DD)D");
            case MAXIMUM -> asm.invokeStatic("java/lang/Math", "max", "(DD)D");
            case MINIMUM -> asm.invokeStatic("java/lang/Math", "min", "(DD)D");
            case LT -> asm.invokeStatic(ops, "lt", "(DD)D");
            case LE -> asm.invokeStatic(ops, "le", "(DD)D");
            case EQ -> asm.invokeStatic(ops, "eq", "(DD)D");
            default -> throw new IllegalStateException(op + " is not binary");
        }
    }

    /** Sum or max: each cell starts at 0 (or -infinity) and takes its inputs in row-major order. */
    private void reduce(Graph.Node n, int x, Shape sx, int[] out) {
        boolean isMax = n.op == Primitive.MAX;
        int[] axes = ((Attributes.Reduce) n.attributes).axes();
        int[] cell;
        if (axes.length == 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] = element(x, k);
            }
            return;
        } else if (axes.length == sx.rank()) {
            cell = new int[sx.size()];
        } else {
            int[] so = sx.reduce(axes, true).strides();
            for (int a : axes) {
                so[a] = 0;
            }
            cell = Offsets.of(sx, so, 0);
        }
        for (int c = 0; c < out.length; c++) {
            asm.pushDouble(isMax ? Double.NEGATIVE_INFINITY : 0);
            out[c] = fresh();
        }
        for (int k = 0; k < cell.length; k++) {
            int v = element(x, k);
            asm.dload(out[cell[k]]);
            asm.dload(v);
            if (isMax) {
                asm.invokeStatic(SELF + "ScalarOps", "maxCombine", "(DD)D");
            } else {
                asm.arithmetic(ClassAssembler.DADD);
            }
            asm.dstore(out[cell[k]]);
        }
    }

    /** Cumulative sum or product along an axis, in the kernel's order. */
    private void scan(Graph.Node n, int x, Shape sx, int[] out) {
        Attributes.Scan s = (Attributes.Scan) n.attributes;
        boolean product = n.op == Primitive.CUMPROD;
        int[] dims = sx.dims();
        int len = dims[s.axis()];
        int inner = 1;
        for (int i = s.axis() + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = len * inner == 0 ? 0 : sx.size() / (len * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                asm.pushDouble(product ? 1 : 0);
                int acc = fresh();
                for (int step = 0; step < len; step++) {
                    int at = o * len * inner + (s.reverse() ? len - 1 - step : step) * inner + j;
                    if (s.exclusive()) {
                        out[at] = acc;
                    }
                    asm.dload(acc);
                    asm.dload(element(x, at));
                    asm.arithmetic(product ? ClassAssembler.DMUL : ClassAssembler.DADD);
                    acc = fresh();
                    if (!s.exclusive()) {
                        out[at] = acc;
                    }
                }
            }
        }
    }

    /** Each entry of the product: 0, then {@code + a[i,p] * b[p,j]} for increasing p. */
    private void matmul(Graph.Node n, int[] out) {
        Attributes.MatMul t = (Attributes.MatMul) n.attributes;
        Shape sa = g.node(n.in[0]).shape;
        Shape sb = g.node(n.in[1]).shape;
        int r = n.shape.rank();
        int m = n.shape.dim(r - 2);
        int cols = n.shape.dim(r - 1);
        int k = t.transposeA() ? sa.dim(sa.rank() - 2) : sa.dim(sa.rank() - 1);
        Shape batch = Shape.of(java.util.Arrays.copyOf(n.shape.dims(), r - 2));
        int[] offA = dev.credence.api.backend.HostLinearAlgebra.batchOffsets(sa, batch, m * k);
        int[] offB = dev.credence.api.backend.HostLinearAlgebra.batchOffsets(sb, batch, k * cols);
        int ar = t.transposeA() ? 1 : k;
        int ac = t.transposeA() ? m : 1;
        int bp = t.transposeB() ? 1 : cols;
        int bj = t.transposeB() ? k : 1;
        for (int b = 0; b < offA.length; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < cols; j++) {
                    asm.pushDouble(0);
                    int acc = fresh();
                    for (int p = 0; p < k; p++) {
                        int av = element(n.in[0], offA[b] + i * ar + p * ac);
                        int bv = element(n.in[1], offB[b] + p * bp + j * bj);
                        asm.dload(acc);
                        asm.dload(av);
                        asm.dload(bv);
                        asm.arithmetic(ClassAssembler.DMUL);
                        asm.arithmetic(ClassAssembler.DADD);
                        acc = fresh();
                    }
                    out[b * m * cols + i * cols + j] = acc;
                }
            }
        }
    }

    private void movement(Graph.Node n, int x, Shape sx, int[] out) {
        int size = out.length;
        switch (n.op) {
            case RESHAPE -> {
                for (int k = 0; k < size; k++) {
                    out[k] = element(x, k);
                }
            }
            case PERMUTE, BROADCAST_TO, SLICE -> {
                int[] off = offsets(n, sx);
                for (int k = 0; k < size; k++) {
                    out[k] = element(x, off[k]);
                }
            }
            case CONCAT -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int outer = 1;
                for (int i = 0; i < axis; i++) {
                    outer *= n.shape.dim(i);
                }
                int at = 0;
                int total = outer == 0 ? 0 : size / outer;
                for (int id : n.in) {
                    int len = outer == 0 ? 0 : g.node(id).shape.size() / outer;
                    for (int o = 0; o < outer; o++) {
                        for (int j = 0; j < len; j++) {
                            out[o * total + at + j] = element(id, o * len + j);
                        }
                    }
                    at += len;
                }
            }
            case GATHER -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int[] d = sx.dims();
                int len = d[axis];
                int inner = product(d, axis + 1, d.length);
                double[] idx = g.node(n.in[1]).constant;
                int mIdx = idx.length;
                for (int o = 0; o < product(d, 0, axis); o++) {
                    for (int t = 0; t < mIdx; t++) {
                        for (int j = 0; j < inner; j++) {
                            out[(o * mIdx + t) * inner + j] =
                                    element(x, (o * len + (int) idx[t]) * inner + j);
                        }
                    }
                }
            }
            case SCATTER_ADD -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int[] d = n.shape.dims();
                int len = d[axis];
                int inner = product(d, axis + 1, d.length);
                double[] idx = g.node(n.in[0]).constant;
                for (int k = 0; k < size; k++) {
                    asm.pushDouble(0);
                    out[k] = fresh();
                }
                for (int o = 0; o < product(d, 0, axis); o++) {
                    for (int t = 0; t < idx.length; t++) {
                        for (int j = 0; j < inner; j++) {
                            int to = (o * len + (int) idx[t]) * inner + j;
                            asm.dload(out[to]);
                            asm.dload(element(n.in[1], (o * idx.length + t) * inner + j));
                            asm.arithmetic(ClassAssembler.DADD);
                            asm.dstore(out[to]);
                        }
                    }
                }
            }
            case ONE_HOT -> {
                double[] idx = g.node(x).constant;
                int depth = n.shape.dim(-1);
                for (int k = 0; k < size; k++) {
                    int t = k / depth;
                    asm.pushDouble((int) idx[t] == k % depth ? 1 : 0);
                    out[k] = fresh();
                }
            }
            case CAST -> {
                DType from = g.node(x).dtype;
                boolean keeps =
                        n.dtype == DType.FLOAT64
                                || (n.dtype == DType.INT32 && from == DType.BOOL)
                                || from == n.dtype;
                for (int k = 0; k < size; k++) {
                    if (keeps) {
                        out[k] = element(x, k);
                        continue;
                    }
                    asm.dload(element(x, k));
                    if (n.dtype == DType.INT32) {
                        asm.toIntAndBack();
                    } else {
                        asm.invokeStatic(SELF + "ScalarOps", "toBool", "(D)D");
                    }
                    out[k] = fresh();
                }
            }
            default -> throw new IllegalStateException(n.op + " is not movement");
        }
    }

    private int[] offsets(Graph.Node n, Shape sx) {
        return switch (n.op) {
            case BROADCAST_TO -> Offsets.broadcast(sx, n.shape);
            case PERMUTE -> {
                int[] order = ((Attributes.Permutation) n.attributes).order();
                int[] strides = sx.strides();
                int[] s = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    s[i] = strides[order[i]];
                }
                yield Offsets.of(n.shape, s, 0);
            }
            default -> {
                int[] begin = ((Attributes.Range) n.attributes).begin();
                int[] strides = sx.strides();
                int base = 0;
                for (int i = 0; i < begin.length; i++) {
                    base += begin[i] * strides[i];
                }
                yield Offsets.of(n.shape, strides, base);
            }
        };
    }

    private static int product(int[] d, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= d[i];
        }
        return p;
    }
}
