package dev.credence.api.backend;

import java.util.Arrays;

/**
 * The dimensions of a tensor: an immutable list of non-negative sizes.
 *
 * <p>A scalar has rank 0 and size 1. Shapes follow NumPy's broadcasting rules: two shapes are
 * aligned at their last dimensions, and each pair of sizes must be equal or contain a 1 (see {@link
 * #broadcast(Shape, Shape, String)}).
 */
public final class Shape {

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;
    private int[] strides;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
            }
        }
        this.size = (int) n;
    }

    /**
     * Creates a shape from its dimensions.
     *
     * @param dims the sizes, each at least 0
     * @return the shape
     * @throws IllegalArgumentException if a size is negative
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException(
                        "shape "
                                + Arrays.toString(dims)
                                + ": dimension "
                                + i
                                + " is negative; sizes must be >= 0");
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * Returns the shape of a scalar (rank 0).
     *
     * @return the scalar shape
     */
    public static Shape scalar() {
        return SCALAR;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Returns the size of one dimension; negative indices count from the end.
     *
     * @param axis the axis, in {@code [-rank, rank)}
     * @return the size along that axis
     */
    public int dim(int axis) {
        return dims[normalizeAxis(axis, "dim")];
    }

    /**
     * Returns a copy of the dimensions.
     *
     * @return the sizes
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Returns the number of elements.
     *
     * @return the product of the sizes (1 for a scalar)
     */
    public int size() {
        return size;
    }

    /**
     * Returns the row-major (C order) strides in elements.
     *
     * @return the strides
     */
    public int[] strides() {
        int[] st = strides;
        if (st == null) {
            st = new int[dims.length];
            int acc = 1;
            for (int i = dims.length - 1; i >= 0; i--) {
                st[i] = acc;
                acc *= dims[i];
            }
            strides = st;
        }
        return st.clone();
    }

    /**
     * Turns a possibly negative axis into an index in {@code [0, rank)}.
     *
     * @param axis the axis; -1 is the last
     * @param op the operation name, for the error message
     * @return the normalised axis
     * @throws IllegalArgumentException if the axis is out of range
     */
    public int normalizeAxis(int axis, String op) {
        int r = dims.length;
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException(
                    op
                            + ": axis "
                            + axis
                            + " is out of range for shape "
                            + this
                            + " (allowed: "
                            + -r
                            + " to "
                            + (r - 1)
                            + ")");
        }
        return axis < 0 ? axis + r : axis;
    }

    /**
     * Normalises, sorts and de-duplicates a list of axes; an empty list means all axes.
     *
     * @param axes the axes
     * @param op the operation name, for the error message
     * @return the sorted distinct axes
     */
    public int[] normalizeAxes(int[] axes, String op) {
        if (axes.length == 0) {
            int[] all = new int[dims.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[dims.length];
        int n = 0;
        for (int a : axes) {
            int k = normalizeAxis(a, op);
            if (!seen[k]) {
                seen[k] = true;
                n++;
            }
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /**
     * Returns the shape left after reducing the given (normalised, sorted) axes.
     *
     * @param axes the axes being reduced
     * @param keepDims whether reduced axes stay as size 1
     * @return the reduced shape
     */
    public Shape reduce(int[] axes, boolean keepDims) {
        boolean[] red = new boolean[dims.length];
        for (int a : axes) {
            red[a] = true;
        }
        int[] out = new int[keepDims ? dims.length : dims.length - axes.length];
        int j = 0;
        for (int i = 0; i < dims.length; i++) {
            if (red[i]) {
                if (keepDims) {
                    out[j++] = 1;
                }
            } else {
                out[j++] = dims[i];
            }
        }
        return new Shape(out);
    }

    /**
     * Returns the NumPy broadcast of two shapes.
     *
     * @param a the first shape
     * @param b the second shape
     * @param op the operation name, for the error message
     * @return the broadcast shape
     * @throws IllegalArgumentException naming both shapes and the first incompatible dimension
     */
    public static Shape broadcast(Shape a, Shape b, String op) {
        if (a.equals(b)) {
            return a;
        }
        if (b.dims.length == 0) {
            return a;
        }
        if (a.dims.length == 0) {
            return b;
        }
        int r = Math.max(a.dims.length, b.dims.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.dims.length ? 1 : a.dims[i - (r - a.dims.length)];
            int db = i < r - b.dims.length ? 1 : b.dims[i - (r - b.dims.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new IllegalArgumentException(
                        op
                                + ": shapes "
                                + a
                                + " and "
                                + b
                                + " cannot be broadcast together (aligned from the right,"
                                + " sizes "
                                + da
                                + " and "
                                + db
                                + " differ and neither is 1)");
            }
        }
        return new Shape(out);
    }

    /**
     * Joins shapes: the dimensions of each, in order.
     *
     * @param parts the shapes
     * @return the shape with all their dimensions
     */
    public static Shape concat(Shape... parts) {
        int n = 0;
        for (Shape p : parts) {
            n += p.dims.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (Shape p : parts) {
            System.arraycopy(p.dims, 0, out, at, p.dims.length);
            at += p.dims.length;
        }
        return new Shape(out);
    }

    /**
     * Tells whether this shape broadcasts to {@code target} without changing {@code target}.
     *
     * @param target the shape to broadcast to
     * @return true if {@code broadcast(this, target)} equals {@code target}
     */
    public boolean broadcastsTo(Shape target) {
        if (dims.length > target.dims.length) {
            return false;
        }
        int off = target.dims.length - dims.length;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + off]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Shape s) || s.size != size || s.dims.length != dims.length) {
            return false;
        }
        // A plain loop: shapes are short, and this sits on every kernel's fast path.
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != s.dims[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
