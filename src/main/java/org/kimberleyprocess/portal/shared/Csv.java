package org.kimberleyprocess.portal.shared;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV files the portal hands out, written by Commons CSV (RFC 4180): a header row in the
 * reader's language, and text cells a spreadsheet will not run as a formula.
 */
public final class Csv {

	private Csv() {
	}

	/** A printer that has written the header row. */
	public static CSVPrinter printer(Appendable out, String... headers) {
		try {
			return CSVFormat.DEFAULT.builder().setHeader(headers).get().print(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Typed text as a cell: one starting with a formula character is prefixed with an apostrophe. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
	}

	/** One row, any {@link IOException} rethrown unchecked. */
	public static void row(CSVPrinter printer, Object... cells) {
		try {
			printer.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
