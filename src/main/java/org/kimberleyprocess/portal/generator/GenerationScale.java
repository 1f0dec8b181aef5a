package org.kimberleyprocess.portal.generator;

/**
 * How much history to generate. Totals count what the demo already holds, so that after a run
 * the tables hold exactly these numbers: documents, comments (of which those on the demo's Final
 * Communiqué), consensus rounds and notifications (of which those of the benchmark's reader).
 */
public record GenerationScale(int firstYear, int lastYear, int accounts, int documents, int comments,
		int finalCommuniqueComments, int rounds, int notifications, int readerNotifications, String reader,
		int visitsPerYear, long seed) {

	/** The benchmark's volume: 1997 to 2016, the demo's week being the last one. */
	public static GenerationScale full() {
		return new GenerationScale(1997, 2016, 500, 10_000, 100_000, 500, 300, 50_000, 1_000, "hod-bw", 5, 2016);
	}

	/** A few years at a small size, for tests. */
	public static GenerationScale tiny() {
		return new GenerationScale(2013, 2016, 90, 160, 700, 30, 45, 2_600, 40, "hod-bw", 2, 7);
	}

}
