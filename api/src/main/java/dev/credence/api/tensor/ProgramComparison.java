package dev.credence.api.tensor;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares the constants of two recordings of one structure ({@link Program#differingConstant}).
 */
final class ProgramComparison {
    private ProgramComparison() {}

    static String differingConstant(
            List<Program.Step> steps,
            int[] outputs,
            int slotCount,
            Map<Integer, Buffer> constants,
            Map<Integer, Buffer> otherConstants,
            Backend b) {
        boolean[] used = new boolean[slotCount];
        for (Program.Step s : steps) {
            for (int in : s.in()) {
                used[in] = true;
            }
        }
        for (int o : outputs) {
            used[o] = true;
        }
        for (var e : constants.entrySet()) {
            if (!used[e.getKey()]) {
                continue;
            }
            Buffer x = e.getValue();
            Buffer y = otherConstants.get(e.getKey());
            if (y == null) {
                return "slot " + e.getKey() + " is a constant in one recording only";
            }
            if (x != y && !sameValues(b, x, y)) {
                return "a host-made "
                        + x.dtype()
                        + x.shape()
                        + " value changes between runs and has no Feed";
            }
        }
        return null;
    }

    private static boolean sameValues(Backend b, Buffer x, Buffer y) {
        if (!x.shape().equals(y.shape()) || x.dtype() != y.dtype()) {
            return false;
        }
        return Arrays.equals(b.toDoubles(x), b.toDoubles(y));
    }
}
