package dev.credence.compiler;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the bytes of a small class file (JVM Specification, chapter 4) with one public no-argument
 * constructor and one instance method {@code run(double[][])} implementing an interface: just what
 * {@link ScalarCodegen} and {@link LoopCodegen} need. The method's locals are the receiver (slot
 * 0), the array of slot arrays (1), one int counter (2) and doubles from slot 3 on. Its code is
 * straight-line, or one counted loop ({@link #loopHead}, {@link #loopEnd}) for which the assembler
 * writes the two {@code StackMapTable} frames the verifier needs (JVM Specification 4.7.4).
 *
 * <p>Instructions are appended through the methods below, named after the JVM opcodes they emit.
 */
final class ClassAssembler {
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream cp = new DataOutputStream(pool);
    private final Map<String, Integer> entries = new HashMap<>();
    private int count = 1;
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private int maxLocals = 3;
    private int loopHead = -1;
    private int loopBranch;
    private int loopEnd = -1;
    private int doublesAtHead;

    /** The size of the code emitted so far, in bytes. */
    int codeSize() {
        return code.size();
    }

    private int entry(String key, IoWriter w, int slots) {
        Integer i = entries.get(key);
        if (i != null) {
            return i;
        }
        try {
            w.write(cp);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int at = count;
        count += slots;
        entries.put(key, at);
        return at;
    }

    @FunctionalInterface
    private interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private int utf8(String s) {
        return entry(
                "U" + s,
                o -> {
                    o.writeByte(1);
                    o.writeUTF(s);
                },
                1);
    }

    private int classRef(String internalName) {
        int name = utf8(internalName);
        return entry(
                "C" + internalName,
                o -> {
                    o.writeByte(7);
                    o.writeShort(name);
                },
                1);
    }

    private int methodRef(String owner, String name, String descriptor, boolean isInterface) {
        int c = classRef(owner);
        int n = utf8(name);
        int d = utf8(descriptor);
        int nt =
                entry(
                        "N" + name + descriptor,
                        o -> {
                            o.writeByte(12);
                            o.writeShort(n);
                            o.writeShort(d);
                        },
                        1);
        return entry(
                "M" + owner + "." + name + descriptor,
                o -> {
                    o.writeByte(isInterface ? 11 : 10);
                    o.writeShort(c);
                    o.writeShort(nt);
                },
                1);
    }

    private int doubleConstant(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return entry(
                "D" + bits,
                o -> {
                    o.writeByte(6);
                    o.writeLong(bits);
                },
                2);
    }

    private int intConstant(int v) {
        return entry(
                "I" + v,
                o -> {
                    o.writeByte(3);
                    o.writeInt(v);
                },
                1);
    }

    private void op(int opcode) {
        code.write(opcode);
    }

    private void u2(int v) {
        code.write(v >>> 8);
        code.write(v & 0xff);
    }

    /** Pushes the array of slot arrays, the method's argument. */
    void loadSlots() {
        op(0x2b); // aload_1
    }

    /** Pushes an int constant. */
    void pushInt(int v) {
        if (v >= -1 && v <= 5) {
            op(0x03 + v); // iconst_<v>
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            op(0x10); // bipush
            code.write(v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            op(0x11); // sipush
            u2(v & 0xffff);
        } else {
            int i = intConstant(v);
            op(0x13); // ldc_w
            u2(i);
        }
    }

    /** Pushes a double constant. */
    void pushDouble(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) {
            op(0x0e); // dconst_0
        } else if (v == 1.0) {
            op(0x0f); // dconst_1
        } else {
            op(0x14); // ldc2_w
            u2(doubleConstant(v));
        }
    }

    /** Loads an array reference element: {@code array[index]} with both on the stack. */
    void aaload() {
        op(0x32);
    }

    /** Loads a double array element: array and index on the stack. */
    void daload() {
        op(0x31);
    }

    /** Stores a double array element: array, index and value on the stack. */
    void dastore() {
        op(0x52);
    }

    /**
     * Pushes double local {@code n} (numbered in doubles, after the references and the counter).
     */
    void dload(int n) {
        local(0x18, n);
    }

    /** Pops into double local {@code n}. */
    void dstore(int n) {
        local(0x39, n);
    }

    private void local(int opcode, int n) {
        int slot = 3 + 2 * n;
        maxLocals = Math.max(maxLocals, slot + 2);
        if (slot <= 255) {
            op(opcode);
            code.write(slot);
        } else {
            op(0xc4); // wide
            op(opcode);
            u2(slot);
        }
    }

    /** Emits one of the double arithmetic opcodes (dadd, dsub, dmul, ddiv, dneg). */
    void arithmetic(int opcode) {
        op(opcode);
    }

    static final int DADD = 0x63;
    static final int DSUB = 0x67;
    static final int DMUL = 0x6b;
    static final int DDIV = 0x6f;
    static final int DNEG = 0x77;

    /** Truncates the double on the stack to an int and back: Java's {@code (double) (int) v}. */
    void toIntAndBack() {
        op(0x8e); // d2i
        op(0x87); // i2d
    }

    /** Pushes the loop counter. */
    void loadCounter() {
        op(0x1c); // iload_2
    }

    /** Multiplies the two ints on the stack. */
    void imul() {
        op(0x68);
    }

    /** Adds the two ints on the stack. */
    void iadd() {
        op(0x60);
    }

    /**
     * Starts the loop {@code for (t = first; t != end; t += step)}: sets the counter, marks the
     * head and emits the exit test. Doubles {@code 0 .. doubles-1} are the ones defined before the
     * loop (they stay live around it); every later double is local to one iteration.
     *
     * @param first the counter's first value
     * @param end the value at which the loop stops
     * @param doubles the number of double locals defined so far
     */
    void loopHead(int first, int end, int doubles) {
        pushInt(first);
        op(0x3d); // istore_2
        loopHead = code.size();
        doublesAtHead = doubles;
        loadCounter();
        pushInt(end);
        loopBranch = code.size();
        op(0x9f); // if_icmpeq exit, patched in loopEnd
        u2(0);
    }

    /**
     * Ends the loop: steps the counter, jumps back to the head and patches the exit.
     *
     * @param step the counter's increment, 1 or -1
     */
    void loopEnd(int step) {
        op(0x84); // iinc
        code.write(2);
        code.write(step);
        int back = code.size();
        op(0xa7); // goto head
        u2((loopHead - back) & 0xffff);
        loopEnd = code.size();
        byte[] b = code.toByteArray();
        int toExit = loopEnd - loopBranch;
        b[loopBranch + 1] = (byte) (toExit >>> 8);
        b[loopBranch + 2] = (byte) toExit;
        code.reset();
        code.write(b, 0, b.length);
    }

    /** Calls a static method. */
    void invokeStatic(String owner, String name, String descriptor) {
        op(0xb8);
        u2(methodRef(owner, name, descriptor, false));
    }

    /**
     * The frames at the two branch targets of the loop, its head and its exit: the counter and the
     * doubles defined before the loop are live at both.
     */
    private byte[] stackMapFrames(int thisClass) {
        int slots = classRef("[[D");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(out)) {
            o.writeShort(2);
            fullFrame(o, loopHead, thisClass, slots);
            fullFrame(o, loopEnd - loopHead - 1, thisClass, slots);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private void fullFrame(DataOutputStream o, int delta, int thisClass, int slots)
            throws IOException {
        o.writeByte(255); // full_frame
        o.writeShort(delta);
        o.writeShort(3 + doublesAtHead);
        o.writeByte(7); // Object: the receiver
        o.writeShort(thisClass);
        o.writeByte(7); // Object: double[][]
        o.writeShort(slots);
        o.writeByte(1); // Integer: the counter
        for (int i = 0; i < doublesAtHead; i++) {
            o.writeByte(3); // Double (two slots)
        }
        o.writeShort(0); // empty stack
    }

    /**
     * Finishes the class: {@code public final class NAME implements IFACE}, with a constructor and
     * {@code public void run(double[][])} made of the code emitted.
     *
     * @param name the class's internal name (slashes)
     * @param iface the internal name of the interface it implements
     * @return the class file's bytes
     */
    byte[] finish(String name, String iface) {
        int thisClass = classRef(name);
        int object = classRef("java/lang/Object");
        int inter = classRef(iface);
        int init = utf8("<init>");
        int voidDesc = utf8("()V");
        int objectInit = methodRef("java/lang/Object", "<init>", "()V", false);
        int run = utf8("run");
        int runDesc = utf8("([[D)V");
        int codeAttr = utf8("Code");
        op(0xb1); // return, the end of run
        byte[] frames = loopHead < 0 ? null : stackMapFrames(thisClass);
        int mapName = frames == null ? 0 : utf8("StackMapTable");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(out)) {
            o.writeInt(0xCAFEBABE);
            o.writeShort(0);
            o.writeShort(61);
            o.writeShort(count);
            pool.writeTo(o);
            o.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
            o.writeShort(thisClass);
            o.writeShort(object);
            o.writeShort(1);
            o.writeShort(inter);
            o.writeShort(0); // fields
            o.writeShort(2); // methods
            // public <init>() { super(); }
            o.writeShort(0x0001);
            o.writeShort(init);
            o.writeShort(voidDesc);
            o.writeShort(1);
            o.writeShort(codeAttr);
            byte[] ctor = {
                0x2a, (byte) 0xb7, (byte) (objectInit >>> 8), (byte) objectInit, (byte) 0xb1
            };
            o.writeInt(12 + ctor.length);
            o.writeShort(1); // max stack
            o.writeShort(1); // max locals
            o.writeInt(ctor.length);
            o.write(ctor);
            o.writeShort(0); // exception table
            o.writeShort(0); // attributes
            // public void run(double[][] s)
            byte[] body = code.toByteArray();
            o.writeShort(0x0001);
            o.writeShort(run);
            o.writeShort(runDesc);
            o.writeShort(1);
            o.writeShort(codeAttr);
            int attrs = frames == null ? 0 : 6 + frames.length;
            o.writeInt(12 + body.length + attrs);
            o.writeShort(8); // max stack: three doubles and two references at most
            o.writeShort(maxLocals);
            o.writeInt(body.length);
            o.write(body);
            o.writeShort(0);
            o.writeShort(frames == null ? 0 : 1);
            if (frames != null) {
                o.writeShort(mapName);
                o.writeInt(frames.length);
                o.write(frames);
            }
            o.writeShort(0); // class attributes
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
