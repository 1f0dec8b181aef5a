package org.kimberleyprocess.portal.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the figures of a return, typed on the form or read from a CSV file, row by row and
 * field by field in the form's order: every problem is named with its row and field, and the
 * return is saved only when there is none.
 */
final class ReturnFigures {

	/** The trading entity of Chinese Taipei, named in forms and files by this code. */
	static final String CHINESE_TAIPEI_CODE = "chinese-taipei";

	static final String CHINESE_TAIPEI_ENTITY = "CHINESE_TAIPEI";

	/** DECIMAL(18,2): sixteen digits before the point. */
	private static final BigDecimal LARGEST = new BigDecimal("9999999999999999.99");

	private static final int LARGEST_CERTIFICATES = 10_000_000;

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]");

	private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

	private static final Pattern INTEGER = Pattern.compile("[0-9]+");

	private ReturnFigures() {
	}

	/** A partner a line may name: a Participant (by id) or the trading entity of Chinese Taipei. */
	record Partner(String code, Long id, String entity) {

		static Partner participant(String code, long id) {
			return new Partner(code, id, null);
		}

		static Partner chineseTaipei() {
			return new Partner(CHINESE_TAIPEI_CODE, null, CHINESE_TAIPEI_ENTITY);
		}

	}

	/** A checked line, with the index of the row it came from. */
	record Checked(int row, Flow flow, Partner partner, BigDecimal carats, BigDecimal value, Integer certificates,
			boolean confirmed) {

		/** US dollars per carat, where there are carats. */
		BigDecimal perCarat() {
			return this.carats.signum() == 0 ? null
					: this.value.divide(this.carats, 2, java.math.RoundingMode.HALF_UP);
		}

		ReturnVersion.Line line() {
			return new ReturnVersion.Line(this.flow, this.partner == null ? null : this.partner.id(),
					this.partner == null ? null : this.partner.entity(), this.carats, this.value, this.certificates,
					this.confirmed);
		}

	}

	/**
	 * A problem of one row's field ({@code row} is the index among the rows given, -1 for the
	 * return as a whole), as a message code and its arguments.
	 */
	record Problem(int row, String field, String code, Object... arguments) {
	}

	record Result(List<Checked> lines, List<Problem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * Checks the rows of a {@code kind} return of the Participant {@code self}; blank trade rows
	 * are skipped. {@code partners} are keyed by code in lower case.
	 */
	static Result check(ReturnKind kind, List<ReturnForm.Row> rows, Map<String, Partner> partners, long self) {
		List<Checked> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			ReturnForm.Row row = rows.get(i);
			if (row == null || (kind == ReturnKind.TRADE && row.isBlank())) {
				continue;
			}
			int before = problems.size();
			Flow flow = Flow.PRODUCTION;
			Partner partner = null;
			if (kind == ReturnKind.TRADE) {
				flow = flow(row.getFlow());
				if (flow == null) {
					problems.add(new Problem(i, "flow", "statistics.line.flow.unknown"));
				}
				String code = text(row.getPartner()).toLowerCase(Locale.ROOT);
				if (code.isEmpty()) {
					problems.add(new Problem(i, "partner", "statistics.line.partner.required"));
				}
				else {
					partner = partners.get(code);
					if (partner == null) {
						problems.add(new Problem(i, "partner", "statistics.line.partner.unknown", text(row.getPartner())));
					}
					else if (partner.id() != null && partner.id() == self) {
						problems.add(new Problem(i, "partner", "statistics.line.partner.self"));
					}
					else if (flow != null) {
						Integer earlier = seen.putIfAbsent(flow + "/" + partner.code(), i);
						if (earlier != null) {
							problems.add(new Problem(i, "partner", "statistics.line.partner.repeated"));
						}
					}
				}
			}
			BigDecimal carats = amount(row.getCarats(), i, "carats", problems);
			BigDecimal value = amount(row.getValue(), i, "value", problems);
			if (carats != null && value != null && carats.signum() == 0 && value.signum() > 0) {
				problems.add(new Problem(i, "value", "statistics.line.value.withoutCarats"));
			}
			Integer certificates = null;
			if (kind == ReturnKind.TRADE) {
				certificates = certificates(row.getCertificates(), i, problems);
			}
			if (problems.size() == before) {
				lines.add(new Checked(i, flow, partner, carats, value, certificates, row.isConfirmed()));
			}
		}
		return new Result(lines, problems);
	}

	static Flow flow(String raw) {
		String flow = text(raw).toUpperCase(Locale.ROOT);
		return switch (flow) {
			case "IMPORT", "IMPORTS" -> Flow.IMPORT;
			case "EXPORT", "EXPORTS" -> Flow.EXPORT;
			default -> null;
		};
	}

	/**
	 * A non-negative amount with at most two decimals. Spaces (thousands as some write them) are
	 * ignored and a decimal comma is read as a point; anything else (a unit, a currency sign, a
	 * comma between thousands) gets a message saying how to write it.
	 */
	private static BigDecimal amount(String raw, int row, String field, List<Problem> problems) {
		String typed = SPACES.matcher(text(raw)).replaceAll("");
		if (typed.isEmpty()) {
			problems.add(new Problem(row, field, "statistics.line." + field + ".required"));
			return null;
		}
		if (typed.startsWith("-") && NUMBER.matcher(typed.substring(1).replace(',', '.')).matches()) {
			problems.add(new Problem(row, field, "statistics.line.negative"));
			return null;
		}
		if (typed.indexOf('.') < 0 && typed.indexOf(',') == typed.lastIndexOf(',')) {
			typed = typed.replace(',', '.');
		}
		if (!NUMBER.matcher(typed).matches()) {
			problems.add(new Problem(row, field, "statistics.line." + field + ".notNumber"));
			return null;
		}
		BigDecimal amount = new BigDecimal(typed);
		if (amount.scale() > 2) {
			problems.add(new Problem(row, field, "statistics.line.decimals"));
			return null;
		}
		if (amount.compareTo(LARGEST) > 0) {
			problems.add(new Problem(row, field, "statistics.line.tooLarge"));
			return null;
		}
		return amount.setScale(2);
	}

	private static Integer certificates(String raw, int row, List<Problem> problems) {
		String typed = SPACES.matcher(text(raw)).replaceAll("");
		if (typed.isEmpty()) {
			problems.add(new Problem(row, "certificates", "statistics.line.certificates.required"));
			return null;
		}
		if (typed.startsWith("-") && INTEGER.matcher(typed.substring(1)).matches()) {
			problems.add(new Problem(row, "certificates", "statistics.line.negative"));
			return null;
		}
		if (!INTEGER.matcher(typed).matches() || typed.length() > 9
				|| Integer.parseInt(typed) > LARGEST_CERTIFICATES) {
			problems.add(new Problem(row, "certificates", "statistics.line.certificates.notNumber"));
			return null;
		}
		return Integer.parseInt(typed);
	}

	private static String text(String raw) {
		return raw == null ? "" : raw.strip();
	}

}
