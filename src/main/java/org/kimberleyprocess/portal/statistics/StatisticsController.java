package org.kimberleyprocess.portal.statistics;

import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.kimberleyprocess.portal.directory.Reader;
import org.kimberleyprocess.portal.shared.Flash;
import org.kimberleyprocess.portal.shared.InvalidInputException;
import org.kimberleyprocess.portal.shared.NotFoundException;
import org.kimberleyprocess.portal.statistics.PublicStatistics.Figures;
import org.kimberleyprocess.portal.statistics.PublicStatistics.Row;

/** The public statistics of closed years, and the Working Group on Statistics' checks. */
@Controller
class StatisticsController {

	private static final int TOP = 10;

	private final PublicStatistics statistics;

	private final StatisticsYears years;

	private final StatisticsChecks checks;

	private final MessageSource messages;

	StatisticsController(PublicStatistics statistics, StatisticsYears years, StatisticsChecks checks,
			MessageSource messages) {
		this.statistics = statistics;
		this.years = years;
		this.checks = checks;
		this.messages = messages;
	}

	@GetMapping("/statistics")
	String latest(Model model, Locale locale) {
		List<Integer> closed = this.years.closedYears();
		if (closed.isEmpty()) {
			model.addAttribute("closedYears", closed);
			return "statistics/summary";
		}
		return summary(closed, closed.get(0), model, locale);
	}

	@GetMapping("/statistics/{year:[0-9]{1,4}}")
	String year(@PathVariable int year, Model model, Locale locale) {
		return summary(this.years.closedYears(), year, model, locale);
	}

	private String summary(List<Integer> closed, int year, Model model, Locale locale) {
		PublicStatistics.Summary summary = this.statistics.summary(year, closed);
		model.addAttribute("closedYears", closed);
		model.addAttribute("summary", summary);
		model.addAttribute("productionChart", chart("chart-production", summary.top(Flow.PRODUCTION, TOP),
				Flow.PRODUCTION, locale));
		model.addAttribute("exportChart", chart("chart-exports", summary.top(Flow.EXPORT, TOP), Flow.EXPORT, locale));
		return "statistics/summary";
	}

	@GetMapping("/statistics/{year:[0-9]{1,4}}.csv")
	ResponseEntity<String> yearCsv(@PathVariable int year, Locale locale) throws IOException {
		PublicStatistics.Summary summary = this.statistics.summary(year, this.years.closedYears());
		return csv("kp-statistics-" + year + ".csv", "statistics.public.participant", summary.rows(), summary.total(),
				locale);
	}

	@GetMapping("/statistics/participants/{code:[a-z0-9-]{1,40}}")
	String participant(@PathVariable String code, Model model, Locale locale) {
		PublicStatistics.History history = this.statistics.history(code);
		model.addAttribute("history", history);
		model.addAttribute("closedYears", this.years.closedYears());
		model.addAttribute("historyChart", chart("chart-history", history.rows(), Flow.PRODUCTION, locale));
		model.addAttribute("historyExportChart", chart("chart-history-exports", history.rows(), Flow.EXPORT, locale));
		return "statistics/participant";
	}

	@GetMapping("/statistics/participants/{code:[a-z0-9-]{1,40}}.csv")
	ResponseEntity<String> participantCsv(@PathVariable String code, Locale locale) throws IOException {
		PublicStatistics.History history = this.statistics.history(code);
		return csv("kp-statistics-" + code + ".csv", "statistics.public.year", history.rows(), history.total(), locale);
	}

	@GetMapping("/statistics/mirror")
	String mirror(Reader reader, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int period,
			@PageableDefault(size = StatisticsChecks.PAGE_SIZE) Pageable pageable, Model model) {
		int shown = checkedYear(year);
		int quarter = ReturnKind.TRADE.hasPeriod(period) ? period : 0;
		model.addAttribute("mirror", this.checks.mirror(reader, shown, quarter, pageable.getPageNumber()));
		model.addAttribute("threshold", this.checks.threshold());
		model.addAttribute("demonstration", this.checks.demonstration(shown));
		return "statistics/mirror";
	}

	@GetMapping("/statistics/missing")
	String missing(Reader reader, @RequestParam(required = false) Integer year, Model model) {
		int shown = checkedYear(year);
		model.addAttribute("year", shown);
		model.addAttribute("missing", this.checks.missing(reader, shown));
		return "statistics/missing";
	}

	@GetMapping("/statistics/years/{year:[0-9]{1,4}}/close")
	String confirmClose(Reader reader, @PathVariable int year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("closed", this.years.isClosed(year));
		model.addAttribute("over", year < this.years.currentYear());
		model.addAttribute("missing", this.checks.missing(reader, year));
		return "statistics/close";
	}

	@PostMapping("/statistics/years/{year:[0-9]{1,4}}/close")
	String close(Reader reader, @PathVariable int year, RedirectAttributes redirect) {
		try {
			this.years.close(reader, year);
		}
		catch (InvalidInputException ex) {
			Flash.error(redirect, ex.messageCode(), String.valueOf(year));
			return "redirect:/statistics/years/" + year + "/close";
		}
		catch (org.springframework.dao.DataIntegrityViolationException | jakarta.persistence.PersistenceException ex) {
			// Closed by someone else between the check and the insert.
			Flash.error(redirect, "statistics.year.alreadyClosed", String.valueOf(year));
			return "redirect:/statistics/years/" + year + "/close";
		}
		Flash.success(redirect, "statistics.year.closed", String.valueOf(year));
		return "redirect:/statistics/" + year;
	}

	private int checkedYear(Integer year) {
		int current = this.years.currentYear();
		if (year == null) {
			return current;
		}
		if (year < 2000 || year > current + 1) {
			throw new NotFoundException();
		}
		return year;
	}

	private BarChart chart(String id, List<Row> rows, Flow flow, Locale locale) {
		NumberFormat format = NumberFormat.getIntegerInstance(locale);
		List<String> labels = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (Row row : rows) {
			BigDecimal value = row.figures().value(flow);
			labels.add(row.label(locale));
			values.add(value);
			texts.add(value == null ? "–" : "US$ " + format.format(value));
		}
		return BarChart.of(id, labels, values, texts);
	}

	/**
	 * The table as CSV, headers in the reader's language, numbers plain (dot decimal) so that
	 * spreadsheets read them; demonstration figures are announced on a leading comment line.
	 */
	private ResponseEntity<String> csv(String filename, String firstHeader, List<Row> rows, Figures total,
			Locale locale) throws IOException {
		StringWriter out = new StringWriter();
		CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').get();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			if (total.demonstration()) {
				printer.printComment(text("statistics.demonstration", locale));
			}
			List<String> headers = new ArrayList<>();
			headers.add(text(firstHeader, locale));
			for (String key : List.of("statistics.public.productionCarats", "statistics.public.productionValue",
					"statistics.public.productionPerCarat", "statistics.public.importCarats",
					"statistics.public.importValue", "statistics.public.importPerCarat",
					"statistics.public.importCertificates", "statistics.public.exportCarats",
					"statistics.public.exportValue", "statistics.public.exportPerCarat",
					"statistics.public.exportCertificates")) {
				headers.add(text(key, locale));
			}
			printer.printRecord(headers);
			for (Row row : rows) {
				printer.printRecord(cells(row.label(locale), row.figures()));
			}
			printer.printRecord(cells(text("statistics.public.total", locale), total));
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(out.toString());
	}

	private static List<Object> cells(String label, Figures figures) {
		List<Object> cells = new ArrayList<>();
		cells.add(label);
		for (Object value : new Object[] { figures.productionCarats(), figures.productionValue(),
				figures.productionPerCarat(), figures.importCarats(), figures.importValue(), figures.importPerCarat(),
				figures.importCertificates(), figures.exportCarats(), figures.exportValue(), figures.exportPerCarat(),
				figures.exportCertificates() }) {
			cells.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : value == null ? "" : value);
		}
		return cells;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
