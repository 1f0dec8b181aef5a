package org.kimberleyprocess.portal.audit;

import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.domain.Pageable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.kimberleyprocess.portal.shared.Csv;
import org.kimberleyprocess.portal.audit.AuditTrail.AuditEntry;
import org.kimberleyprocess.portal.audit.AuditTrail.Filter;

/**
 * The audit trail for the Chair's office and administrators (the URL rules admit them only),
 * with filters, pages and a CSV export; the verification of the chain for administrators.
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	private final MessageSource messages;

	AuditController(AuditTrail trail, MessageSource messages) {
		this.messages = messages;
		this.trail = trail;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String target, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@PageableDefault(size = PAGE_SIZE) Pageable pageable, Model model) {
		Filter filter = new Filter(trim(actor), trim(organisation), trim(target), trim(action), from, to);
		org.springframework.data.domain.Slice<AuditEntry> page = this.trail.page(filter, pageable);
		model.addAttribute("filter", filter);
		model.addAttribute("entries", page.getContent());
		model.addAttribute("page", page);
		return "audit/list";
	}

	@GetMapping("/audit.csv")
	void csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String target, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		Locale language = LocaleContextHolder.getLocale();
		CSVPrinter printer = Csv.printer(out,
				Stream.of("id", "occurredAt", "actor", "organisation", "action", "target", "summary",
						"requestId", "clientAddress", "hash")
					.map((column) -> this.messages.getMessage("audit.csv." + column, null, language))
					.toArray(String[]::new));
		this.trail.each(new Filter(trim(actor), trim(organisation), trim(target), trim(action), from, to),
				(entry) -> Csv.row(printer, entry.id(), entry.occurredAt().toString(), Csv.text(entry.actor()),
						Csv.text(entry.organisation()), Csv.text(entry.action()), Csv.text(entry.target()),
						Csv.text(entry.summary()), Csv.text(entry.requestId()), Csv.text(entry.clientAddress()),
						entry.hash()));
		out.flush();
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.trail.verify());
		return "audit/verify";
	}

	private static String trim(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
	}

}
