package dev.credence.api.model;

/** Records every message that reaches it as a {@link Site}. */
final class TraceEffect extends Effect {
    final Trace trace = new Trace();

    @Override
    protected void postprocess(Message m) {
        trace.add(m.toSite());
    }
}
