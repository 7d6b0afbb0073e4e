package dev.credence.cli;

/**
 * What a careful user would call the outcome of one hostile input, worst first in {@link #judge}
 * order. Only {@link #CLEAR} passes.
 */
enum Verdict {
    /** An exception escaped as a stack trace. */
    STACK_TRACE,
    /** Files of an earlier run were changed or lost, or stale files were left looking current. */
    LOST_WORK,
    /** Exit 0 where an error was due, or a result that is wrong. */
    SILENT_WRONG,
    /** An error, but with the wrong exit code or a message that does not name the cause. */
    UNCLEAR,
    /**
     * The documented exit code and a message (from its {@code credence:} line on) that names the
     * cause; for a valid request, the right result.
     */
    CLEAR;

    /**
     * Judges one outcome.
     *
     * @param expected the documented exit code
     * @param o the outcome
     * @param says the facts the message must name (case-insensitive)
     * @param preserved whether the files that existed before the command are byte-identical
     * @param check the case's own verdict on the result, or null if it has no complaint
     * @return the verdict
     */
    static Verdict judge(
            int expected,
            CliRunner.Outcome o,
            java.util.List<String> says,
            boolean preserved,
            Verdict check) {
        String all = o.out() + o.err();
        if (o.escaped() != null || all.contains("\tat ") || all.contains("Exception in thread")) {
            return STACK_TRACE;
        }
        if (check == LOST_WORK || (expected != 0 && !preserved)) {
            return LOST_WORK;
        }
        if (check == SILENT_WRONG || (expected != 0 && o.code() == 0)) {
            return SILENT_WRONG;
        }
        if (o.code() != expected || check != null) {
            return UNCLEAR;
        }
        if (expected == 0) {
            return CLEAR;
        }
        int at = o.err().indexOf("credence:");
        if (at < 0) {
            return UNCLEAR;
        }
        String message = o.err().substring(at).toLowerCase(java.util.Locale.ROOT);
        for (String s : says) {
            if (!message.contains(s.toLowerCase(java.util.Locale.ROOT))) {
                return UNCLEAR;
            }
        }
        return CLEAR;
    }
}
