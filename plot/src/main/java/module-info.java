/**
 * Figures of Credence runs, on XChart: MCMC trace, rank, pair, energy and autocorrelation plots; VI
 * ELBO curves; BNN predictive bands and reliability diagrams; VAE image grids; written as PNG and
 * SVG. And the run report: one self-contained HTML page per run folder.
 */
module dev.credence.plot {
    requires transitive dev.credence.io;
    requires transitive java.desktop;
    requires transitive org.knowm.xchart;
    requires VectorGraphics2D;

    exports dev.credence.plot;
    exports dev.credence.plot.mcmc;
    exports dev.credence.plot.vi;
    exports dev.credence.plot.bnn;
    exports dev.credence.plot.image;
    exports dev.credence.plot.report;
}
