package org.kimberleyprocess.portal.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A return's figures in a CSV file (layout in the README, "Statistics CSV layout"): a header
 * line naming the columns, then one line per figure. Read with Apache Commons CSV into the same
 * rows the form has, so that file and form are checked by the same rules.
 */
final class ReturnCsv {

	static final List<String> TRADE_COLUMNS = List.of("flow", "partner", "carats", "value_usd", "certificates");

	static final List<String> PRODUCTION_COLUMNS = List.of("carats", "value_usd");

	/** The longest file read: far more lines than any quarter has. */
	static final int MAX_LINES = ReturnForm.MAX_ROWS;

	private ReturnCsv() {
	}

	/** The file's rows, the line each came from, and what is wrong with the file as a whole or a line's shape. */
	record Read(List<ReturnForm.Row> rows, List<Long> lines, List<ReturnFigures.Problem> problems) {
	}

	static List<String> columns(ReturnKind kind) {
		return kind == ReturnKind.TRADE ? TRADE_COLUMNS : PRODUCTION_COLUMNS;
	}

	/** The column of a form field, as the file names it. */
	static String column(String field) {
		return "value".equals(field) ? "value_usd" : field;
	}

	/**
	 * Reads the file: UTF-8 (with or without a byte-order mark), separated by commas, or by
	 * semicolons where the header is (as spreadsheets set to French write it).
	 */
	static Read read(ReturnKind kind, InputStream input) {
		List<ReturnForm.Row> rows = new ArrayList<>();
		List<Long> lines = new ArrayList<>();
		List<ReturnFigures.Problem> problems = new ArrayList<>();
		String text;
		try (InputStream in = BOMInputStream.builder().setInputStream(input).get()) {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.notUtf8"));
			return new Read(rows, lines, problems);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
		try (CSVParser parser = format.parse(new java.io.StringReader(text))) {
			Map<String, Integer> header = null;
			List<String> expected = columns(kind);
			for (CSVRecord record : parser) {
				long line = parser.getCurrentLineNumber();
				if (header == null) {
					header = header(record, expected, problems);
					if (header == null) {
						return new Read(rows, lines, problems);
					}
					continue;
				}
				if (rows.size() >= MAX_LINES) {
					problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.tooLong", MAX_LINES));
					return new Read(rows, lines, problems);
				}
				if (record.size() != expected.size()) {
					problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.fieldCount", line, expected.size(),
							record.size()));
					continue;
				}
				rows.add(row(kind, record, header));
				lines.add(line);
			}
			if (header == null) {
				problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.empty", String.join(",", expected)));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// Commons CSV reports a quote left open, for instance, as an unchecked IO problem.
			problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.unreadable"));
		}
		return new Read(rows, lines, problems);
	}

	/** Figures in the layout {@link #read} reads, so that a version downloaded can be edited and uploaded. */
	static String write(ReturnKind kind, List<StatisticsReturns.FigureLine> lines) throws IOException {
		java.io.StringWriter out = new java.io.StringWriter();
		try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(columns(kind));
			for (StatisticsReturns.FigureLine line : lines) {
				if (kind == ReturnKind.PRODUCTION) {
					printer.printRecord(line.carats().toPlainString(), line.value().toPlainString());
				}
				else {
					printer.printRecord(line.flow().name().toLowerCase(Locale.ROOT), line.partnerCode(),
							line.carats().toPlainString(), line.value().toPlainString(), line.certificates());
				}
			}
		}
		return out.toString();
	}

	/** The position of each expected column, or null (with a problem) where the header does not name them all. */
	private static Map<String, Integer> header(CSVRecord record, List<String> expected,
			List<ReturnFigures.Problem> problems) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < record.size(); i++) {
			positions.put(record.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		if (positions.size() != expected.size() || !positions.keySet().containsAll(expected)) {
			problems.add(new ReturnFigures.Problem(-1, null, "statistics.csv.header", String.join(",", expected),
					String.join(",", record.toList())));
			return null;
		}
		return positions;
	}

	private static ReturnForm.Row row(ReturnKind kind, CSVRecord record, Map<String, Integer> header) {
		if (kind == ReturnKind.PRODUCTION) {
			return new ReturnForm.Row(Flow.PRODUCTION.name(), "", record.get(header.get("carats")),
					record.get(header.get("value_usd")), "", false);
		}
		Flow flow = ReturnFigures.flow(record.get(header.get("flow")));
		return new ReturnForm.Row(flow == null ? record.get(header.get("flow")) : flow.name(),
				record.get(header.get("partner")), record.get(header.get("carats")),
				record.get(header.get("value_usd")), record.get(header.get("certificates")), false);
	}

}
