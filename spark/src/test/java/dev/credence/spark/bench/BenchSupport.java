package dev.credence.spark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.apache.spark.sql.SparkSession;

/** Helpers of the Spark benchmarks: sessions with a given number of cores, heap peaks, load. */
final class BenchSupport {
    private BenchSupport() {}

    static SparkSession session(int cores) {
        return SparkSession.builder()
                .master("local[" + cores + "]")
                .appName("credence-spark-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /** Resets the peak usage of every heap pool. */
    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset, in MiB. */
    static double peakHeapMib() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }

    /** The heap in use after a full collection, in MiB. */
    static double liveHeapMib() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
    }

    static String load() {
        return String.format(
                "load average %.2f (%d cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
