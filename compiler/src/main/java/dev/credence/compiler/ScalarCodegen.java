package dev.credence.compiler;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;
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

    /** This package's internal name, as generated code names the helpers it calls. */
    static final String SELF = ScalarCodegen.class.getPackageName().replace('.', '/') + "/";

    private final Graph g;
    private final ClassAssembler asm;
    private final Map<Integer, int[]> values = new HashMap<>();
    private final Map<Long, Integer> loaded = new HashMap<>();
    private final Map<Integer, int[]> rows = new HashMap<>();
    private int locals;
    private final MovementCodegen moves;
    private final SumCodegen sums;

    ScalarCodegen(Graph g, ClassAssembler asm) {
        this.g = g;
        this.asm = asm;
        this.moves = new MovementCodegen(this, g, asm);
        this.sums = new SumCodegen(this, g, asm);
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
            case WINDOW, UPDATE -> false;
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
            if (row == null && n.isConstant()) {
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

    /** Stores the value on the stack to a new local. */
    int fresh() {
        int l = locals++;
        asm.dstore(l);
        return l;
    }

    /** The locals holding node {@code id}'s elements, or null. */
    int[] values(int id) {
        return values.get(id);
    }

    /** Stores the given locals to slot {@code id}. */
    void store(int id, int[] elements) {
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
            case REDUCE -> sums.reduce(n, x, sx, out);
            case SCAN -> sums.scan(n, x, sx, out);
            case LINEAR_ALGEBRA -> sums.matmul(n, out);
            case MOVEMENT -> moves.movement(n, x, sx, out);
        }
        return out;
    }

    /**
     * Emits element {@code i} of an elementwise step (unary, binary, comparison, selection,
     * reshape, broadcast or cast) in a loop over {@code i}: every operand is element 0 of a value
     * bound to the current iteration's locals, a row read at the counter, or a scalar.
     *
     * @return the local holding it
     */
    int elementOf(Graph.Node n) {
        int x = n.in[0];
        boolean integer = g.node(x).dtype != DType.FLOAT64;
        switch (n.op.family()) {
            case UNARY -> {
                asm.dload(element(x, 0));
                unary(n.op, integer);
                return fresh();
            }
            case BINARY, COMPARE -> {
                int a = element(x, 0);
                int b = element(n.in[1], 0);
                asm.dload(a);
                asm.dload(b);
                binary(n.op, integer);
                return fresh();
            }
            case SELECT -> {
                int c = element(x, 0);
                int a = element(n.in[1], 0);
                int b = element(n.in[2], 0);
                asm.dload(c);
                asm.dload(a);
                asm.dload(b);
                asm.invokeStatic(SELF + "ScalarOps", "select", "(DDD)D");
                return fresh();
            }
            default -> {
                if (n.op != Primitive.CAST) {
                    return element(x, 0);
                }
                int[] out = new int[1];
                moves.castElement(n, x, 0, 0, out);
                return out[0];
            }
        }
    }

    private void unary(Primitive op, boolean integer) {
        String math = "java/lang/Math";
        String sm = ScalarMath.class.getName().replace('.', '/');
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
            case SOFTPLUS -> asm.invokeStatic(SELF + "ElementwiseKernels", "softplus", "(D)D");
            case RELU -> asm.invokeStatic(SELF + "ElementwiseKernels", "relu", "(D)D");
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
}
