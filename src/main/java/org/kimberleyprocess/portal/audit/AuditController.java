package org.kimberleyprocess.portal.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String target, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Filter filter = new Filter(trim(actor), trim(organisation), trim(target), trim(action), from, to);
		int number = Math.min(Math.max(page, 0), 100_000);
		List<AuditEntry> rows = this.trail.page(filter, number, PAGE_SIZE);
		model.addAttribute("filter", filter);
		model.addAttribute("entries", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
		model.addAttribute("page", number);
		model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
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
		out.print("id,occurred_at_utc,actor,organisation,action,target,summary,request_id,client_address,hash\r\n");
		this.trail.each(new Filter(trim(actor), trim(organisation), trim(target), trim(action), from, to),
				(entry) -> out.print(String.join(",", String.valueOf(entry.id()), entry.occurredAt().toString(),
						cell(entry.actor()), cell(entry.organisation()), cell(entry.action()), cell(entry.target()),
						cell(entry.summary()), cell(entry.requestId()), cell(entry.clientAddress()), entry.hash())
						+ "\r\n"));
		out.flush();
	}

	@GetMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.trail.verify());
		return "audit/verify";
	}

	/** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
	private static String cell(String value) {
		String text = (value == null) ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static String trim(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
	}

}
