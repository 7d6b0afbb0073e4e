/**
 * The run report: {@link dev.credence.plot.report.RunReport} writes one self-contained HTML page
 * per run folder from what {@link dev.credence.plot.report.RunContent} reads there (manifest, run
 * records, Stan CSV chains, metrics, pictures).
 */
package dev.credence.plot.report;
