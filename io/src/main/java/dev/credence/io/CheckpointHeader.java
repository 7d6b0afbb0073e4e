package dev.credence.io;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The validated JSON header of a checkpoint file. */
record CheckpointHeader(long dataBytes, List<Entry> entries, Map<String, Object> metadata) {

    /** One array's place in the data section. */
    record Entry(String name, DType dtype, Shape shape, long offset, long length, long crc32c) {}

    /**
     * Parses and validates a header.
     *
     * @param src the file, for messages
     * @param text the header's JSON text
     * @param layout the format version the preamble declares; the header's must agree
     */
    static CheckpointHeader parse(String src, String text, int layout) throws FileFormatException {
        Map<String, Object> h;
        try {
            h = Json.parseObject(text, "checkpoint header");
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(
                    src, "the header is not valid JSON: " + e.getMessage(), e);
        }
        Object format = h.get("format");
        if (!CheckpointFormat.FORMAT.equals(format)) {
            throw new FileFormatException(
                    src,
                    "expected \"format\": \""
                            + CheckpointFormat.FORMAT
                            + "\" in the header, found "
                            + format);
        }
        long version = number(src, h, "version", "the header");
        if (version > Checkpoint.FORMAT_VERSION) {
            throw new FileFormatException(
                    src,
                    "format version "
                            + version
                            + " is newer than this reader, which reads versions 1 to "
                            + Checkpoint.FORMAT_VERSION
                            + "; use a newer Credence");
        }
        if (version < 1) {
            throw new FileFormatException(
                    src, "format version " + version + " is not valid; versions start at 1");
        }
        if (version != layout) {
            throw new FileFormatException(
                    src,
                    "the header says format version "
                            + version
                            + ", but the file is laid out as version "
                            + layout);
        }
        if (!"little-endian".equals(h.get("byteOrder"))) {
            throw new FileFormatException(
                    src, "expected \"byteOrder\": \"little-endian\", found " + h.get("byteOrder"));
        }
        long dataBytes = number(src, h, "dataBytes", "the header");
        if (!(h.get("arrays") instanceof List<?> list)) {
            throw new FileFormatException(src, "expected an \"arrays\" list in the header");
        }
        if (!(h.get("metadata") instanceof Map<?, ?> meta)) {
            throw new FileFormatException(src, "expected a \"metadata\" object in the header");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object o : list) {
            Entry e = entry(src, o, dataBytes);
            if (!names.add(e.name())) {
                throw new FileFormatException(src, "two arrays are named '" + e.name() + "'");
            }
            entries.add(e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) meta;
        return new CheckpointHeader(dataBytes, entries, metadata);
    }

    private static Entry entry(String src, Object o, long dataBytes) throws FileFormatException {
        if (!(o instanceof Map<?, ?> m)
                || !(m.get("name") instanceof String name)
                || name.isEmpty()) {
            throw new FileFormatException(
                    src, "every entry of \"arrays\" needs a non-empty" + " \"name\", found " + o);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) m;
        String where = "array '" + name + "'";
        DType dtype = CheckpointFormat.dtypeOf(String.valueOf(e.get("dtype")));
        if (dtype == null) {
            throw new FileFormatException(
                    src,
                    where + ": dtype " + e.get("dtype") + " is not one of FLOAT32, FLOAT64, INT32");
        }
        Shape shape = shape(src, e.get("shape"), where);
        long offset = number(src, e, "offset", where);
        long length = number(src, e, "length", where);
        long crc = number(src, e, "crc32c", where);
        long expected = (long) shape.size() * dtype.byteSize();
        if (length != expected) {
            throw new FileFormatException(
                    src,
                    where
                            + ": length "
                            + length
                            + " bytes does not"
                            + " match dtype "
                            + dtype
                            + " and shape "
                            + shape
                            + ", which take "
                            + expected
                            + " bytes");
        }
        if (offset < 0 || offset + length > dataBytes) {
            throw new FileFormatException(
                    src,
                    where
                            + ": bytes "
                            + offset
                            + " to "
                            + (offset + length)
                            + " lie outside the data section of "
                            + dataBytes
                            + " bytes");
        }
        return new Entry(name, dtype, shape, offset, length, crc);
    }

    private static Shape shape(String src, Object o, String where) throws FileFormatException {
        if (!(o instanceof List<?> list)) {
            throw new FileFormatException(src, where + ": expected a \"shape\" list, found " + o);
        }
        int[] dims = new int[list.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(list.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new FileFormatException(
                        src, where + ": shape " + list + " must list sizes from 0 to 2^31-1");
            }
            dims[i] = (int) (long) d;
        }
        try {
            return Shape.of(dims);
        } catch (IllegalArgumentException tooLarge) {
            throw new FileFormatException(src, where + ": " + tooLarge.getMessage());
        }
    }

    private static long number(String src, Map<String, Object> m, String key, String where)
            throws FileFormatException {
        if (!(m.get(key) instanceof Long v) || v < 0) {
            throw new FileFormatException(
                    src,
                    where
                            + ": expected a non-negative integer \""
                            + key
                            + "\", found "
                            + m.get(key));
        }
        return v;
    }
}
